package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a file, taken by OpenSSL ({@code openssl dgst -sha256}) when it is on the PATH, else by
 * Java. The launcher runs Java's quick compiler only, which has no use of the CPU's SHA instructions:
 * on the development machine Java hashed the 149 MB of a million-record input in 1.9 s of CPU, OpenSSL
 * in 0.18 s. Both give the same digest; whatever goes wrong with OpenSSL (missing, failing, printing
 * something else than a digest) only means Java hashes the file.
 */
public final class FileSha256 {

    private static final FileSha256 OPENSSL = new FileSha256(List.of("openssl", "dgst", "-sha256", "-r"));
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");

    private final List<String> command;
    /** Set once the tool could not be started: not tried again in this process. */
    private volatile boolean missing;

    /** A hasher that runs {@code command} with the file's path as last argument, and reads a hex digest from the start of its output. */
    FileSha256(List<String> command) {
        this.command = List.copyOf(command);
    }

    public static FileSha256 get() {
        return OPENSSL;
    }

    /** The file's SHA-256 in lower-case hex. */
    public String of(Path file) throws IOException {
        Optional<String> outside = start(file).result();
        return outside.isPresent() ? outside.get() : inJava(file);
    }

    /**
     * Starts hashing the file outside Java, so that the caller can read the file meanwhile; when the tool
     * cannot be started the result is empty at once.
     */
    Pending start(Path file) {
        if (missing) {
            return Pending.NONE;
        }
        List<String> arguments = new ArrayList<>(command);
        arguments.add(file.toAbsolutePath().toString());
        try {
            Process process = new ProcessBuilder(arguments)
                    .redirectInput(ProcessBuilder.Redirect.PIPE)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            return new Pending(process);
        } catch (IOException | RuntimeException e) {
            missing = true;
            return Pending.NONE;
        }
    }

    /** Java's own SHA-256 of the file. */
    static String inJava(Path file) throws IOException {
        MessageDigest sha = Sha256.digest();
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** A digest being taken by another process. */
    static final class Pending {

        static final Pending NONE = new Pending(null);

        private final Process process;

        private Pending(Process process) {
            this.process = process;
        }

        /** Whether another process is taking the digest; when not, the caller must take it itself. */
        boolean started() {
            return process != null;
        }

        /** The digest, once the process has ended; empty when it failed or printed no digest. */
        Optional<String> result() {
            if (process == null) {
                return Optional.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String printed = new String(out.readNBytes(256), StandardCharsets.US_ASCII);
                boolean succeeded = process.waitFor() == 0;
                String digest = printed.length() >= 64 ? printed.substring(0, 64) : "";
                return succeeded && DIGEST.matcher(digest).matches() ? Optional.of(digest) : Optional.empty();
            } catch (IOException e) {
                process.destroy();
                return Optional.empty();
            } catch (InterruptedException e) {
                process.destroy();
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }
    }
}
