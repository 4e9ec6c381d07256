package briefing.ledger;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The UTF-8 checks and SHA-256 of input files ({@link Utf8Check}), taken ahead on two background threads:
 * from the very start of a run, while Spring starts (hashing a large input takes about as long as the
 * start, and a run that knows every file does little else in its ingest), and by {@link InputFiles}
 * ahead of the file it reads. A check taken ahead is used only if the file is still the one it checked
 * (same file, size, modification and status-change time); otherwise the file is checked again. A run
 * started from the command line also uses the checks of earlier runs ({@link InputCheckCache}).
 */
public final class InputChecks {

    private record Version(Object fileKey, long size, long modifiedNanos, Optional<FileTime> changed) {
    }

    private record Pending(Version version, Future<Utf8Check.Result> result) {
    }

    private static final ThreadPoolExecutor POOL = pool();
    private static final Map<Path, Pending> PENDING = new ConcurrentHashMap<>();
    private static volatile InputCheckCache cache;

    private InputChecks() {
    }

    private static ThreadPoolExecutor pool() {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(2, 2, 1, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "input-check");
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
        return pool;
    }

    /**
     * Starts checking every input file of the folder, in reading order, but those the cache knows unchanged;
     * a folder that cannot be listed is left to the job.
     */
    public static void startAhead(Path folder, InputCheckCache remembered) {
        cache = remembered;
        try {
            for (Path file : InputFiles.list(folder)) {
                submit(file);
            }
        } catch (IOException | RuntimeException e) {
            // the ingest reads the folder again and reports what is wrong with it
        }
    }

    /** Starts checking the file unless a check of it is already under way. */
    static void submit(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Version version = version(key);
        PENDING.compute(key, (k, pending) -> pending != null && pending.version().equals(version) ? pending
                : new Pending(version, start(k)));
    }

    /** Writes the checks of this run and earlier ones to the cache, if there is one. */
    public static void saveCache() {
        InputCheckCache remembered = cache;
        if (remembered != null) {
            remembered.save();
        }
    }

    private static Future<Utf8Check.Result> start(Path file) {
        InputCheckCache remembered = cache;
        if (remembered != null) {
            try {
                Optional<Utf8Check.Result> known = InputCheckCache.stat(file).flatMap(remembered::find);
                if (known.isPresent()) {
                    return CompletableFuture.completedFuture(known.get());
                }
            } catch (IOException e) {
                // checked below, where a real problem with the file is met
            }
        }
        return POOL.submit(() -> check(file));
    }

    /** Checks the file, and remembers the check when the file was the same before and after it. */
    private static Utf8Check.Result check(Path file) throws IOException {
        InputCheckCache remembered = cache;
        if (remembered == null) {
            return Utf8Check.check(file);
        }
        Instant from = Instant.now();
        Optional<InputCheckCache.Stat> before = InputCheckCache.stat(file);
        Utf8Check.Result result = Utf8Check.check(file);
        if (before.isPresent() && before.equals(InputCheckCache.stat(file))) {
            remembered.remember(before.get(), result, from);
        }
        return result;
    }

    /** The check of the file as it is now: the one taken ahead if the file has not changed since, else a new one. */
    static Utf8Check.Result take(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        Pending pending = PENDING.remove(key);
        if (pending == null || !pending.version().equals(version(key))) {
            if (pending != null) {
                pending.result().cancel(true);
            }
            return check(key);
        }
        try {
            return pending.result().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while checking " + file);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IllegalStateException("Checking " + file + " failed", e.getCause());
        }
    }

    /** Drops the checks of these files that are still pending (a reader that stops early). */
    static void forget(Collection<Path> files) {
        for (Path file : files) {
            Pending pending = PENDING.remove(file.toAbsolutePath().normalize());
            if (pending != null) {
                pending.result().cancel(true);
            }
        }
    }

    private static Version version(Path file) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
        return new Version(Objects.requireNonNullElse(attributes.fileKey(), file), attributes.size(),
                attributes.lastModifiedTime().to(TimeUnit.NANOSECONDS), InputCheckCache.changeTime(file));
    }
}
