package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The word-at-a-time check finds the same first bad line as a plain byte-at-a-time one, and hashes the file. */
class Utf8CheckPropertyTests {

    private static final int TRIES = 2000;

    // mostly ASCII runs with line feeds, and now and then a piece of a multi-byte sequence, good or bad
    private static final List<byte[]> PIECES = List.of("abcdefgh".getBytes(), "a,b\n".getBytes(), "\n".getBytes(),
            "é".getBytes(), "한".getBytes(), "😀".getBytes(), new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xA9},
            new byte[] {(byte) 0xE0, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
            new byte[] {(byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {(byte) 0xFF},
            new byte[] {(byte) 0xC0, (byte) 0xAF});
    private static final int ASCII_PIECES = 3;
    /** Java's digest, in the same pass as the check (OpenSSL's is tested by {@link FileSha256Tests}): quicker for 2,000 small files. */
    private static final FileSha256 JAVA_ONLY = new FileSha256(List.of("/nonexistent/briefing-no-such-tool"));

    @Test
    void shouldFindTheSameLineAsTheByteAtATimeCheck() throws IOException {
        for (int seed = 0; seed < TRIES; seed++) {
            byte[] content = bytes(new Random(seed));
            Path file = Files.createTempFile("utf8", ".csv");
            try {
                Files.write(file, content);

                Utf8Check.Result result = Utf8Check.check(file, JAVA_ONLY);

                String description = "seed " + seed + ": " + HexFormat.of().formatHex(content);
                assertThat(result.firstBadLine()).as(description).isEqualTo(byteAtATime(content));
                assertThat(result.bytes()).as(description).isEqualTo(content.length);
                assertThat(result.sha256()).as(description).isEqualTo(HexFormat.of().formatHex(Sha256.digest().digest(content)));
            } finally {
                Files.delete(file);
            }
        }
    }

    private static byte[] bytes(Random random) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int i = random.nextInt(41); i > 0; i--) {
            boolean anyPiece = random.nextInt(31) == 0;
            all.writeBytes(PIECES.get(random.nextInt(anyPiece ? PIECES.size() : ASCII_PIECES)));
        }
        return all.toByteArray();
    }

    /** The first version of the check, one byte at a time. */
    private static OptionalLong byteAtATime(byte[] bytes) {
        long line = 1;
        int pending = 0;
        int codePoint = 0;
        int minimum = 0;
        for (byte value : bytes) {
            int b = value & 0xFF;
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
        return pending > 0 ? OptionalLong.of(line) : OptionalLong.empty();
    }
}
