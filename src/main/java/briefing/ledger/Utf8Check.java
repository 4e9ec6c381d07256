package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;

/** Finds the line of the first byte that is not well-formed UTF-8 (RFC 3629), in one streaming pass. */
final class Utf8Check {

    private Utf8Check() {
    }

    /** The 1-based line of the first bad byte, or empty when the whole file is valid UTF-8. */
    static OptionalLong firstBadLine(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long line = 1;
            int pending = 0;
            int codePoint = 0;
            int minimum = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            return OptionalLong.of(line);
                        }
                        codePoint = (codePoint << 6) | (b & 0x3F);
                        if (--pending == 0 && (codePoint < minimum || codePoint > 0x10FFFF
                                || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                            return OptionalLong.of(line);
                        }
                    } else if (b == '\n') {
                        line++;
                    } else if (b >= 0x80) {
                        if (b >= 0xC2 && b <= 0xDF) {
                            pending = 1;
                            minimum = 0x80;
                            codePoint = b & 0x1F;
                        } else if (b >= 0xE0 && b <= 0xEF) {
                            pending = 2;
                            minimum = 0x800;
                            codePoint = b & 0x0F;
                        } else if (b >= 0xF0 && b <= 0xF4) {
                            pending = 3;
                            minimum = 0x10000;
                            codePoint = b & 0x07;
                        } else {
                            return OptionalLong.of(line);
                        }
                    }
                }
            }
            return pending > 0 ? OptionalLong.of(line) : OptionalLong.empty();
        }
    }
}
