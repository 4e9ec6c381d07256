package briefing.ledger;

import java.io.BufferedInputStream;
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
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            long line = 1;
            int b;
            while ((b = in.read()) != -1) {
                if (b == '\n') {
                    line++;
                    continue;
                }
                if (b < 0x80) {
                    continue;
                }
                int extra;
                int min;
                int cp;
                if (b >= 0xC2 && b <= 0xDF) {
                    extra = 1;
                    min = 0x80;
                    cp = b & 0x1F;
                } else if (b >= 0xE0 && b <= 0xEF) {
                    extra = 2;
                    min = 0x800;
                    cp = b & 0x0F;
                } else if (b >= 0xF0 && b <= 0xF4) {
                    extra = 3;
                    min = 0x10000;
                    cp = b & 0x07;
                } else {
                    return OptionalLong.of(line);
                }
                for (int i = 0; i < extra; i++) {
                    in.mark(1);
                    int next = in.read();
                    if (next == -1 || (next & 0xC0) != 0x80) {
                        return OptionalLong.of(line);
                    }
                    cp = (cp << 6) | (next & 0x3F);
                }
                if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                    return OptionalLong.of(line);
                }
            }
            return OptionalLong.empty();
        }
    }
}
