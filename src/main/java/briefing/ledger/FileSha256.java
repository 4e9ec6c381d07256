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
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a file, taken by OpenSSL ({@code openssl dgst -sha256}) when it is on the PATH, else by
 * Java. The launcher runs Java's quick compiler only, which has no use of the CPU's SHA instructions:
 * on the development machine Java hashed the 149 MB of a million-record input in 1.9 s of CPU, OpenSSL
 * in 0.18 s. Both give the same digest; whatever goes wrong with OpenSSL (missing, failing, too slow,
 * printing something else than a digest) only means Java hashes the file, and, after a failure, every
 * file after it. Files under 1 MB are hashed by Java ({@link #of}): starting a process costs more, but for
 * a few files at once ({@link #ofAll}) one process takes them all, whatever their sizes.
 */
public final class FileSha256 {

    private static final FileSha256 OPENSSL = new FileSha256(List.of("openssl", "dgst", "-sha256", "-r"));
    private static final Pattern DIGEST = Pattern.compile("[0-9a-f]{64}");
    static final long SMALLEST_FOR_THE_TOOL = 1 << 20;
    /** Files hashed by one run of the tool: their lines (digest and path) must fit the pipe, as it is read once the tool ended. */
    static final int MOST_AT_ONCE = 8;

    private final List<String> command;
    /** Set once the tool could not be started or failed: not tried again in this process. */
    private volatile boolean unusable;

    /**
     * A hasher that runs {@code command} with the files' paths as last arguments, and reads a hex digest from the start
     * of each line of its output.
     */
    FileSha256(List<String> command) {
        this.command = List.copyOf(command);
    }

    /** OpenSSL while it works, else Java. */
    public static FileSha256 opensslOrJava() {
        return OPENSSL;
    }

    /** The file's SHA-256 in lower-case hex. */
    public String of(Path file) throws IOException {
        Optional<String> outside = start(file).result();
        return outside.isPresent() ? outside.get() : inJava(file);
    }

    /**
     * The SHA-256 of each of a few files, in their order: all taken by one run of the tool whatever their sizes
     * (a briefing's report files: starting a process costs about as much as Java hashing the smaller ones cold),
     * else by Java, as {@link #of} does.
     */
    public List<String> ofAll(List<Path> files) throws IOException {
        Optional<List<String>> outside = files.size() > MOST_AT_ONCE ? Optional.empty() : all(files);
        if (outside.isPresent()) {
            return outside.get();
        }
        List<String> digests = new ArrayList<>();
        for (Path file : files) {
            digests.add(of(file));
        }
        return digests;
    }

    /** The digests the tool printed, a line a file in their order, or empty when it is not to be used or failed. */
    private Optional<List<String>> all(List<Path> files) {
        if (unusable || files.isEmpty()) {
            return Optional.empty();
        }
        List<String> arguments = new ArrayList<>(command);
        long bytes = 0;
        try {
            for (Path file : files) {
                bytes += Files.size(file);
                arguments.add(file.toAbsolutePath().toString());
            }
        } catch (IOException e) {
            return Optional.empty();
        }
        Process process;
        try {
            process = new ProcessBuilder(arguments).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            process.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            unusable = true;
            return Optional.empty();
        }
        Optional<String> printed = new Pending(this, process, bytes).output();
        if (printed.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = printed.get().lines().toList();
        if (lines.size() != files.size()
                || !lines.stream().allMatch(line -> line.length() >= 64 && DIGEST.matcher(line.substring(0, 64)).matches())) {
            unusable = true;
            return Optional.empty();
        }
        return Optional.of(lines.stream().map(line -> line.substring(0, 64)).toList());
    }

    /**
     * Starts hashing the file outside Java, so that the caller can read the file meanwhile; when the tool
     * is not to be used (a small file, a tool that failed before) the result is empty at once.
     */
    Pending start(Path file) {
        if (unusable) {
            return Pending.NONE;
        }
        long bytes;
        try {
            bytes = Files.size(file);
        } catch (IOException e) {
            return Pending.NONE;
        }
        if (bytes < SMALLEST_FOR_THE_TOOL) {
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
            return new Pending(this, process, bytes);
        } catch (IOException | RuntimeException e) {
            unusable = true;
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

        static final Pending NONE = new Pending(null, null, 0);

        private final FileSha256 hasher;
        private final Process process;
        private final long bytes;

        private Pending(FileSha256 hasher, Process process, long bytes) {
            this.hasher = hasher;
            this.process = process;
            this.bytes = bytes;
        }

        /** Whether another process is taking the digest; when not, the caller must take it itself. */
        boolean started() {
            return process != null;
        }

        /**
         * The digest, once the process has ended; empty when it failed, printed no digest, or took longer
         * than a slow disk would (30 s and 10 s a GB).
         */
        Optional<String> result() {
            Optional<String> printed = output();
            if (printed.isEmpty()) {
                return printed;
            }
            String digest = printed.get().length() >= 64 ? printed.get().substring(0, 64) : "";
            return DIGEST.matcher(digest).matches() ? Optional.of(digest) : failed();
        }

        /** What the process printed, once it ended well; empty when it failed or took too long. */
        private Optional<String> output() {
            if (process == null) {
                return Optional.empty();
            }
            try {
                long seconds = 30 + bytes / 100_000_000;
                // the output is a few short lines, which the pipe holds: the process never waits for it to be read
                if (!process.waitFor(seconds, TimeUnit.SECONDS) || process.exitValue() != 0) {
                    return failed();
                }
                try (InputStream out = process.getInputStream()) {
                    return Optional.of(new String(out.readNBytes(MOST_AT_ONCE * 4_200), StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                return failed();
            } catch (InterruptedException e) {
                cancel();
                Thread.currentThread().interrupt();
                return Optional.empty();
            }
        }

        /** Stops the process: its digest is no longer wanted. */
        void cancel() {
            if (process != null) {
                process.destroyForcibly();
            }
        }

        private Optional<String> failed() {
            cancel();
            hasher.unusable = true;
            return Optional.empty();
        }
    }
}
