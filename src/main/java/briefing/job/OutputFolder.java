package briefing.job;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * The folder a run writes into: files are first written to a staging folder under temporary names
 * and moved to their names only when complete; {@link #publish} then moves them to the period's
 * folder, {@code manifest.json} last, so a reader who sees the manifest sees the whole briefing.
 */
class OutputFolder {

    static final String MANIFEST = "manifest.json";

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path target;
    private final Path staging;

    OutputFolder(Path target, long jobInstanceId) {
        this.target = target;
        this.staging = target.resolveSibling("." + target.getFileName() + ".staging-" + jobInstanceId);
    }

    Path target() {
        return target;
    }

    Path staging() {
        return staging;
    }

    void write(String fileName, Content content) throws IOException {
        Files.createDirectories(staging);
        Path temp = staging.resolve("." + fileName + ".tmp");
        FailedWrites out = new FailedWrites(Files.newOutputStream(temp));
        try (out) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
            IOException writeFailure = out.causeMissingFrom(e);
            if (writeFailure != null) {
                throw writeFailure;
            }
            throw e;
        }
        Files.move(temp, staging.resolve(fileName), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    void publish(Iterable<String> fileNamesManifestLast) throws IOException {
        Files.createDirectories(target);
        for (String name : fileNamesManifestLast) {
            Path staged = staging.resolve(name);
            if (Files.exists(staged)) {
                // a publish cut short by a crash has moved some files already; moving the rest completes it
                Files.move(staged, target.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            }
        }
        try (Stream<Path> leftovers = Files.list(staging)) {
            for (Path leftover : leftovers.toList()) {
                Files.delete(leftover);
            }
        }
        Files.delete(staging);
    }

    /**
     * Remembers the first write to the file that failed. Some writers (POI) report a failed write
     * without its cause, and "No space left on device" says more than "the part failed to be saved".
     */
    private static final class FailedWrites extends FilterOutputStream {

        private IOException failure;

        FailedWrites(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            try {
                out.write(b);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            try {
                out.write(bytes, offset, length);
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void flush() throws IOException {
            try {
                out.flush();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } catch (IOException e) {
                throw remember(e);
            }
        }

        private IOException remember(IOException e) {
            if (failure == null) {
                failure = e;
            }
            return e;
        }

        /** The failed write behind {@code e}, when {@code e} does not carry it; null otherwise. */
        IOException causeMissingFrom(Throwable e) {
            for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
                if (cause == failure) {
                    return null;
                }
            }
            if (failure != null) {
                failure.addSuppressed(e);
            }
            return failure;
        }
    }
}
