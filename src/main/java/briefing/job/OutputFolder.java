package briefing.job;

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

    boolean isPublished() {
        return Files.exists(target.resolve(MANIFEST));
    }

    void write(String fileName, Content content) throws IOException {
        Files.createDirectories(staging);
        Path temp = staging.resolve("." + fileName + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp)) {
            content.writeTo(out);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(temp);
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
}
