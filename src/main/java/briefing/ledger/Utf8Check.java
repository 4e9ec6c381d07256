package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.OptionalLong;

/**
 * Finds the line of the first byte that is not well-formed UTF-8 (RFC 3629) and takes the file's size
 * and SHA-256: the digest by OpenSSL while this reads the file ({@link FileSha256}), or, without it, in the
 * same streaming pass.
 */
final class Utf8Check {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    /** The outcome for one file: the line of its first bad byte (empty when valid), its size and SHA-256. */
    record Result(OptionalLong firstBadLine, long bytes, String sha256) {
    }

    private Utf8Check() {
    }

    /** The 1-based line of the first bad byte, or empty when the whole file is valid UTF-8. */
    static OptionalLong firstBadLine(Path file) throws IOException {
        return check(file).firstBadLine();
    }

    static Result check(Path file) throws IOException {
        return check(file, FileSha256.opensslOrJava());
    }

    static Result check(Path file, FileSha256 hasher) throws IOException {
        FileSha256.Pending outside = hasher.start(file);
        MessageDigest sha = outside.started() ? null : Sha256.digest();
        long badAt = -1;
        long offset = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int pending = 0;
            int codePoint = 0;
            int minimum = 0;
            int n;
            while ((n = in.read(buffer)) > 0) {
                if (sha != null) {
                    sha.update(buffer, 0, n);
                }
                for (int i = 0; i < n && badAt < 0; i++) {
                    if (pending == 0) {
                        // plain ASCII, eight bytes at a time
                        while (i + 8 <= n && ((long) LONGS.get(buffer, i) & HIGH_BITS) == 0) {
                            i += 8;
                        }
                        if (i == n) {
                            break;
                        }
                    }
                    int b = buffer[i] & 0xFF;
                    if (pending > 0) {
                        if ((b & 0xC0) != 0x80) {
                            badAt = offset + i;
                        } else {
                            codePoint = (codePoint << 6) | (b & 0x3F);
                            if (--pending == 0 && (codePoint < minimum || codePoint > 0x10FFFF
                                    || (codePoint >= 0xD800 && codePoint <= 0xDFFF))) {
                                badAt = offset + i;
                            }
                        }
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
                            badAt = offset + i;
                        }
                    }
                }
                offset += n;
            }
            if (badAt < 0 && pending > 0) {
                badAt = offset;
            }
        } catch (IOException | RuntimeException | Error e) {
            // the digest is no longer wanted: the process must not go on reading the file
            outside.cancel();
            throw e;
        }
        String hex = sha != null ? HexFormat.of().formatHex(sha.digest()) : outside.result().orElse(null);
        if (hex == null) {
            hex = FileSha256.inJava(file);
        }
        return new Result(badAt < 0 ? OptionalLong.empty() : OptionalLong.of(lineAt(file, badAt)), offset, hex);
    }

    /** The line of the byte at {@code offset}: one more than the line feeds before it. */
    private static long lineAt(Path file, long offset) throws IOException {
        long line = 1;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long position = 0;
            int n;
            while (position < offset && (n = in.read(buffer)) > 0) {
                for (int i = 0; i < n && position < offset; i++, position++) {
                    if (buffer[i] == '\n') {
                        line++;
                    }
                }
            }
        }
        return line;
    }
}
