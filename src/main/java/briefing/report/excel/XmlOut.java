package briefing.report.excel;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * XML text on its way into a file: gathered in a buffer and encoded as UTF-8 a block at a time, which
 * costs far less than a {@link java.io.Writer} call per piece. A character that cannot be encoded (a
 * lone surrogate) becomes "?". Leaves the stream open.
 */
final class XmlOut {

    private static final int BLOCK = 1 << 16;

    private final OutputStream out;
    private final StringBuilder text = new StringBuilder(BLOCK + (BLOCK >> 2));

    XmlOut(OutputStream out) {
        this.out = out;
    }

    XmlOut append(String piece) {
        text.append(piece);
        return this;
    }

    XmlOut append(String piece, int start, int end) {
        text.append(piece, start, end);
        return this;
    }

    XmlOut append(char c) {
        text.append(c);
        return this;
    }

    XmlOut append(int number) {
        text.append(number);
        return this;
    }

    /** Encodes what was gathered once it fills a block; call between elements, never inside a string. */
    void flushIfFull() throws IOException {
        if (text.length() >= BLOCK) {
            flush();
        }
    }

    void flush() throws IOException {
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        text.setLength(0);
    }
}
