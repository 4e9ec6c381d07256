package briefing.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * XML text on its way into a file: encoded as UTF-8 straight into a buffer of bytes, written a block at
 * a time, which costs far less than gathering text in a {@link StringBuilder} (wide as soon as one piece
 * is not Latin) and encoding that again. Markup that repeats can be encoded once ({@link #markup}) and
 * copied in. A character that cannot be encoded (a lone surrogate) becomes "?". Leaves the stream open.
 */
final class XmlOut {

    private static final int BLOCK = 1 << 16;

    private final OutputStream out;
    private byte[] bytes = new byte[BLOCK + (BLOCK >> 2)];
    private int length;
    private char[] chars = new char[256];

    XmlOut(OutputStream out) {
        this.out = out;
    }

    /** Markup encoded once, for {@link #append(byte[])}. */
    static byte[] markup(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    XmlOut append(byte[] markup) {
        room(markup.length);
        System.arraycopy(markup, 0, bytes, length, markup.length);
        length += markup.length;
        return this;
    }

    XmlOut append(String piece) {
        return append(piece, 0, piece.length());
    }

    /** Markup as it is (a lone surrogate becomes "?", as {@link String#getBytes} makes it). */
    XmlOut append(String piece, int start, int end) {
        return append((start == 0 && end == piece.length() ? piece : piece.substring(start, end)).getBytes(StandardCharsets.UTF_8));
    }

    XmlOut append(char c) {
        return append(String.valueOf(c));
    }

    /** A number of 0 or more, in decimal digits. */
    XmlOut append(long number) {
        room(20);
        if (number < 10) {
            bytes[length++] = (byte) ('0' + number);
            return this;
        }
        int digits = 0;
        for (long rest = number; rest > 0; rest /= 10) {
            digits++;
        }
        int end = length + digits;
        for (int i = end - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + number % 10);
            number /= 10;
        }
        length = end;
        return this;
    }

    /**
     * Text as XML content or attribute value. Characters XML cannot hold become "?", as POI writes them;
     * a carriage return is escaped, as a parser would otherwise read it as a line feed.
     */
    XmlOut escaped(String text, boolean attribute) {
        return encode(text, 0, text.length(), true, attribute);
    }

    private XmlOut encode(String piece, int start, int end, boolean escape, boolean attribute) {
        int count = end - start;
        // "&quot;" is the longest a character becomes
        room(6 * count);
        if (chars.length < count) {
            chars = new char[Math.max(count, 2 * chars.length)];
        }
        // copied out at once: String.charAt costs a bounds check per call that the quick compiler keeps
        char[] text = chars;
        piece.getChars(start, end, text, 0);
        byte[] b = bytes;
        int n = length;
        for (int i = 0; i < count; i++) {
            char c = text[i];
            if (c < 0x80) {
                if (escape && (c < ' ' || c == '<' || c == '>' || c == '&' || c == '"')) {
                    n = escape(b, n, c, attribute);
                } else {
                    b[n++] = (byte) c;
                }
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                if (escape && (c == '\uFFFE' || c == '\uFFFF')) {
                    b[n++] = '?';
                    continue;
                }
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(text[i + 1])) {
                int code = Character.toCodePoint(c, text[++i]);
                b[n++] = (byte) (0xF0 | code >> 18);
                b[n++] = (byte) (0x80 | code >> 12 & 0x3F);
                b[n++] = (byte) (0x80 | code >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | code & 0x3F);
            } else {
                b[n++] = '?';
            }
        }
        length = n;
        return this;
    }

    private static int escape(byte[] b, int n, char c, boolean attribute) {
        String replacement = switch (c) {
            case '<' -> "&lt;";
            case '>' -> "&gt;";
            case '&' -> "&amp;";
            case '"' -> attribute ? "&quot;" : "\"";
            case '\r' -> "&#xd;";
            case '\n' -> attribute ? "&#xa;" : "\n";
            case '\t' -> attribute ? "&#x9;" : "\t";
            default -> "?";
        };
        for (int i = 0; i < replacement.length(); i++) {
            b[n++] = (byte) replacement.charAt(i);
        }
        return n;
    }

    /** Where the next byte goes: with {@link #since}, a way to keep markup just written for {@link #append(byte[])}. */
    int position() {
        return length;
    }

    /** The bytes written from {@code position} on, which must be after the last {@link #flush}. */
    byte[] since(int position) {
        return Arrays.copyOfRange(bytes, position, length);
    }

    /** Writes what was gathered once it fills a block; call between elements, never inside a string. */
    void flushIfFull() throws IOException {
        if (length >= BLOCK) {
            flush();
        }
    }

    void flush() throws IOException {
        out.write(bytes, 0, length);
        length = 0;
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            byte[] larger = new byte[Math.max(bytes.length * 2, length + more)];
            System.arraycopy(bytes, 0, larger, 0, length);
            bytes = larger;
        }
    }
}
