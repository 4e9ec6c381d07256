package briefing.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * The checks of input files taken by earlier runs on this machine, so that a file met again is not read
 * and hashed again, as git's index spares it from hashing a file that did not change: a check is used
 * only for the same device and inode, size, modification time and status-change time (ctime, which
 * every write to the file moves, and which no program can set back), under whatever name (a hard link
 * is the same file). Checks of files that no longer exist are dropped when the cache is saved. A file changed less than
 * {@link #RACY} before it was checked is not remembered: a later change within the file system's clock
 * resolution could leave all of these the same. On a file system without ctime nothing is remembered.
 * Kept in one small text file of the data folder, written whole at the end of the ingest.
 */
public final class InputCheckCache {

    static final Duration RACY = Duration.ofSeconds(2);

    /** One state of a file, under one of its names. */
    record Stat(String path, String fileKey, long size, long modifiedNanos, long changedNanos) {

        boolean sameState(Stat other) {
            return fileKey.equals(other.fileKey) && size == other.size && modifiedNanos == other.modifiedNanos
                    && changedNanos == other.changedNanos;
        }
    }

    private final Path file;
    private final Duration racy;
    private final Map<String, Entry> entries = new TreeMap<>();

    private record Entry(Stat stat, Utf8Check.Result result) {
    }

    InputCheckCache(Path file, Duration racy) {
        this.file = file;
        this.racy = racy;
    }

    /** The cache kept in the data folder, empty when it does not exist or cannot be read. */
    public static InputCheckCache in(Path dataFolder) {
        InputCheckCache cache = new InputCheckCache(dataFolder.resolve("work").resolve("input-checks.tsv"), RACY);
        cache.load();
        return cache;
    }

    /** The state of the file now, empty when the file system does not give its ctime. */
    static Optional<Stat> stat(Path path) throws IOException {
        Path absolute = path.toAbsolutePath().normalize();
        BasicFileAttributes attributes = Files.readAttributes(absolute, BasicFileAttributes.class);
        Optional<FileTime> changed = changeTime(absolute);
        if (changed.isEmpty() || attributes.fileKey() == null) {
            return Optional.empty();
        }
        return Optional.of(new Stat(absolute.toString(), attributes.fileKey().toString(), attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), changed.get().to(TimeUnit.NANOSECONDS)));
    }

    /** The file's status-change time (ctime), empty on a file system that does not give it. */
    static Optional<FileTime> changeTime(Path file) throws IOException {
        try {
            return Files.getAttribute(file, "unix:ctime") instanceof FileTime ctime ? Optional.of(ctime) : Optional.empty();
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The check taken of this very state of the file, if one was. */
    synchronized Optional<Utf8Check.Result> find(Stat stat) {
        Entry entry = entries.get(stat.fileKey());
        return entry != null && entry.stat().sameState(stat) ? Optional.of(entry.result()) : Optional.empty();
    }

    /** Remembers a check that began at {@code checkedFrom}, unless the file changed too shortly before. */
    synchronized void remember(Stat stat, Utf8Check.Result result, Instant checkedFrom) {
        Instant settledBy = checkedFrom.minus(racy);
        long settled = TimeUnit.SECONDS.toNanos(settledBy.getEpochSecond()) + settledBy.getNano();
        boolean oneLine = stat.path().chars().noneMatch(c -> c == '\t' || c == '\n' || c == '\r');
        if (oneLine && stat.modifiedNanos() < settled && stat.changedNanos() < settled) {
            entries.put(stat.fileKey(), new Entry(stat, result));
        } else {
            entries.remove(stat.fileKey());
        }
    }

    /** Writes the cache whole (a new file moved over the old one); a failure only costs the next run time. */
    public synchronized void save() {
        List<String> lines = new ArrayList<>();
        entries.values().removeIf(e -> !exists(e.stat().path()));
        entries.values().forEach(e -> lines.add(String.join("\t", e.stat().path(), e.stat().fileKey(),
                Long.toString(e.stat().size()), Long.toString(e.stat().modifiedNanos()), Long.toString(e.stat().changedNanos()),
                e.result().sha256(), e.result().firstBadLine().isPresent() ? Long.toString(e.result().firstBadLine().getAsLong()) : "-")));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temporary, lines, StandardCharsets.UTF_8);
            try {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | UncheckedIOException e) {
            // the next run checks the files again
        }
    }

    /**
     * Whether a file remembered under this name still exists. False for a name that is not a path: a JVM whose locale
     * cannot encode a file's name (the POSIX locale, for claims-국정원.csv) names it with replacement characters.
     */
    private static boolean exists(String path) {
        try {
            return Files.exists(Path.of(path));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private void load() {
        if (!Files.isRegularFile(file)) {
            return;
        }
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                String[] f = line.split("\t", -1);
                if (f.length != 7) {
                    continue;
                }
                Stat stat = new Stat(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]));
                OptionalLong bad = f[6].equals("-") ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(f[6]));
                entries.put(stat.fileKey(), new Entry(stat, new Utf8Check.Result(bad, stat.size(), f[5])));
            }
        } catch (IOException | RuntimeException e) {
            entries.clear(); // a damaged cache is no cache: every file is checked
        }
    }
}
