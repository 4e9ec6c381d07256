package briefing.report.pdf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * Text hashed as its UTF-8 bytes without being gathered first: the same digest as of the whole text's
 * {@code getBytes(UTF_8)} (a lone surrogate counts as "?"), for a fraction of the copying when the text
 * is the tens of megabytes of a large briefing. A surrogate pair must come in one piece.
 */
final class DigestText {

    private final MessageDigest digest;
    private final byte[] bytes = new byte[1 << 16];
    private char[] chars = new char[256];
    private int length;

    DigestText(String algorithm) {
        try {
            digest = MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    DigestText append(Object value) {
        return append(String.valueOf(value));
    }

    DigestText append(char c) {
        return append(String.valueOf(c));
    }

    DigestText append(String text) {
        if (text == null) {
            return append("null");
        }
        int count = text.length();
        if (chars.length < count) {
            chars = new char[Math.max(count, 2 * chars.length)];
        }
        char[] text16 = chars;
        text.getChars(0, count, text16, 0);
        byte[] b = bytes;
        int n = length;
        for (int i = 0; i < count; i++) {
            if (n > b.length - 4) {
                digest.update(b, 0, n);
                n = 0;
            }
            char c = text16[i];
            if (c < 0x80) {
                b[n++] = (byte) c;
            } else if (c < 0x800) {
                b[n++] = (byte) (0xC0 | c >> 6);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (!Character.isSurrogate(c)) {
                b[n++] = (byte) (0xE0 | c >> 12);
                b[n++] = (byte) (0x80 | c >> 6 & 0x3F);
                b[n++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < count && Character.isLowSurrogate(text16[i + 1])) {
                int code = Character.toCodePoint(c, text16[++i]);
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

    byte[] digest() {
        digest.update(bytes, 0, length);
        length = 0;
        return digest.digest();
    }
}
