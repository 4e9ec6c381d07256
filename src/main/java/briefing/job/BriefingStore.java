package briefing.job;

import briefing.change.Figures;
import briefing.ledger.Claim;
import briefing.period.Period;
import briefing.report.Briefing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * Hands the computed briefing from the compute step to the render steps through a file under the
 * data folder, so a restarted run renders exactly what was computed, without recomputing. The steps of
 * one process share the briefing last held, saved or loaded without reading the file again. It also keeps
 * the last briefing computed, whose records the next one mostly shows again.
 */
class BriefingStore {

    private static final String EARLIER = "earlier-briefing.bin";
    private static final String CODE = codeDigest();

    private final Path workFolder;
    private volatile FutureTask<Void> pendingSave;
    private long heldInstanceId = -1;
    private volatile Briefing lastSaved;
    private volatile byte[] lastEncoded;
    private Briefing held;
    /**
     * The figures of the earlier briefing as last read, and their bytes: a run that takes them as they are
     * (the same claims known) stores them again without encoding them again.
     */
    private volatile Figures earlierFigures;
    private volatile byte[] earlierFiguresBytes;

    BriefingStore(Path dataFolder) {
        this.workFolder = dataFolder.resolve("work");
    }

    /**
     * Holds the briefing for the steps of this process at once, then on a thread of its own saves it and keeps it as
     * the earlier briefing; {@link #awaitSaved} waits for both files. The render step, which needs only the briefing
     * held, meanwhile writes the reports; if the run stops before the files are written, its restart finds no stored
     * briefing and computes it again (see {@link RenderTasklet}).
     */
    void saveInBackground(long jobInstanceId, String ledger, long knownClaims, Briefing briefing) {
        hold(jobInstanceId, briefing);
        FutureTask<Void> task = new FutureTask<>(() -> {
            save(jobInstanceId, briefing);
            saveEarlier(ledger, knownClaims, briefing);
            return null;
        });
        Thread thread = new Thread(task, "briefing-save");
        thread.setDaemon(true);
        pendingSave = task;
        thread.start();
    }

    /** Waits until the briefing given to {@link #saveInBackground} is saved; at once when none is being saved. */
    void awaitSaved() throws IOException {
        FutureTask<Void> task = pendingSave;
        if (task == null) {
            return;
        }
        try {
            task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("Interrupted while the briefing was being saved");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("The briefing could not be saved", e.getCause());
        } finally {
            pendingSave = null;
        }
    }

    void save(long jobInstanceId, Briefing briefing) throws IOException {
        Files.createDirectories(workFolder);
        Path target = file(jobInstanceId);
        Path temp = workFolder.resolve(target.getFileName() + ".tmp");
        byte[] encoded = encode(briefing);
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer bytes = ByteBuffer.wrap(encoded);
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
            // on the disk before it is in place, and synced here, on the saving thread, rather than by the sync of the
            // database as it closes at the run's end (ext4 writes the data of the files written since with its journal)
            channel.force(false);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        hold(jobInstanceId, briefing);
        lastSaved = briefing;
        lastEncoded = encoded;
    }

    private byte[] encode(Briefing briefing) throws IOException {
        ByteArrayStreams.Out bytes = new ByteArrayStreams.Out(1 << 20);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            if (briefing.figures() == earlierFigures) {
                out.write(earlierFiguresBytes);
            } else {
                BriefingCodec.writeFigures(briefing.figures(), out);
            }
            BriefingCodec.writeRest(briefing, out);
        }
        return bytes.toByteArray();
    }

    /**
     * A briefing computed earlier on this machine, kept for the next run: its full records (a record never
     * changes once in the ledger, so they stay right as long as the ledger is the same one, {@code
     * ledger}: {@link briefing.ledger.LedgerRepository#identity()}), and its figures, which a run of the
     * same period whose cutoff knows as many claims can take as they are. Its period, cutoff and number of
     * claims known are read at once, the briefing itself on a thread of its own, while the run goes on.
     */
    record Earlier(Period period, Instant cutoff, long knownClaims, CompletableFuture<Optional<Briefing>> decoded) {

        Earlier(Briefing briefing, long knownClaims) {
            this(briefing.figures().period(), briefing.cutoff(), knownClaims, CompletableFuture.completedFuture(Optional.of(briefing)));
        }

        /** Whether the claims known at {@code cutoff} are those this briefing was computed from. */
        boolean sameClaims(Period period, Instant cutoff, long known) {
            // the ledger only grows: as many claims known at a cutoff no earlier are the same claims
            return this.period.equals(period) && !this.cutoff.isAfter(cutoff) && knownClaims == known;
        }

        /** The briefing, once read; empty when its bytes turn out unreadable. */
        Optional<Briefing> briefing() {
            return decoded.join();
        }

        /** The full records it shows, by id. */
        Map<String, Claim> shownClaims() {
            Map<String, Claim> shown = new HashMap<>();
            briefing().ifPresent(briefing -> {
                briefing.figures().newClaims().forEach(c -> shown.put(c.recordId(), c));
                briefing.figures().recordsBehind().forEach(c -> shown.put(c.recordId(), c));
            });
            return shown;
        }
    }

    /** Keeps the briefing for {@link #earlier}, with the number of claims known at its cutoff. */
    void saveEarlier(String ledger, long knownClaims, Briefing briefing) throws IOException {
        if (ledger.isEmpty()) {
            return;
        }
        Files.createDirectories(workFolder);
        Path target = workFolder.resolve(EARLIER);
        Path temp = workFolder.resolve(EARLIER + ".tmp");
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
             DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))) {
            out.writeUTF(ledger);
            out.writeUTF(CODE);
            out.writeLong(knownClaims);
            out.writeUTF(briefing.figures().period().label());
            out.writeLong(briefing.cutoff().getEpochSecond());
            out.writeInt(briefing.cutoff().getNano());
            // encoded once when it was just saved for rendering
            out.write(briefing == lastSaved ? lastEncoded : encode(briefing));
            out.flush();
            channel.force(false);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * The briefing kept by {@link #saveEarlier}; none when it came from another ledger or another build, or is
     * unreadable. The briefing itself is read on a thread of its own (some 0.1 s for a ledger of a million claims).
     */
    Optional<Earlier> earlier(String ledger) {
        Path file = workFolder.resolve(EARLIER);
        if (ledger.isEmpty() || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            ByteArrayStreams.In stream = new ByteArrayStreams.In(bytes);
            DataInputStream in = new DataInputStream(stream);
            if (!in.readUTF().equals(ledger) || !in.readUTF().equals(CODE)) {
                return Optional.empty();
            }
            long known = in.readLong();
            Period period = Period.parse(in.readUTF());
            Instant cutoff = Instant.ofEpochSecond(in.readLong(), in.readInt());
            CompletableFuture<Optional<Briefing>> decoded = new CompletableFuture<>();
            Thread thread = new Thread(() -> decoded.complete(decode(bytes, stream, in)), "earlier-briefing");
            thread.setDaemon(true);
            thread.start();
            return Optional.of(new Earlier(period, cutoff, known, decoded));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * The period of the briefing kept by {@link #saveEarlier}, read from the start of its file alone, whatever
     * ledger or build made it; empty when there is none or it is unreadable.
     */
    Optional<Period> earlierPeriod() {
        Path file = workFolder.resolve(EARLIER);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 10))) {
            in.readUTF();
            in.readUTF();
            in.readLong();
            return Optional.of(Period.parse(in.readUTF()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private Optional<Briefing> decode(byte[] bytes, ByteArrayStreams.In stream, DataInputStream in) {
        try {
            int figuresFrom = stream.position();
            Figures figures = BriefingCodec.readFigures(in);
            int figuresTo = stream.position();
            Briefing briefing = BriefingCodec.readRest(figures, in);
            earlierFiguresBytes = Arrays.copyOfRange(bytes, figuresFrom, figuresTo);
            earlierFigures = figures;
            return Optional.of(briefing);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Tells builds that compute figures differently apart: checksums of the classes that compute and keep them. CRC-32C
     * and CRC-32, which the processor computes (a SHA-256 of the same bytes took 20-30 ms of every run's start on the
     * main thread, under the quick compiler); they tell one build from the next, not a forgery from the original.
     */
    private static String codeDigest() {
        CRC32C crc32c = new CRC32C();
        CRC32 crc32 = new CRC32();
        for (String name : List.of("job/BriefingStore", "change/ChangeCalculator", "change/GroupValues", "change/SeriesValue", "change/Range",
                "ledger/PackedClaims", "ledger/LedgerRepository", "job/BriefingCodec", "job/BriefingAssembler")) {
            try (InputStream in = BriefingStore.class.getResourceAsStream("/briefing/" + name + ".class")) {
                byte[] bytes = in.readAllBytes();
                crc32c.update(bytes);
                crc32.update(bytes);
            } catch (IOException | RuntimeException e) {
                // never equal to another build's
                return UUID.randomUUID().toString();
            }
        }
        return HexFormat.of().toHexDigits(crc32c.getValue() << 32 | crc32.getValue());
    }

    Briefing load(long jobInstanceId) throws IOException {
        Briefing inMemory = held(jobInstanceId);
        if (inMemory != null) {
            return inMemory;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayStreams.In(Files.readAllBytes(file(jobInstanceId))))) {
            Briefing briefing = BriefingCodec.read(in);
            hold(jobInstanceId, briefing);
            return briefing;
        } catch (RuntimeException e) {
            throw new IOException("The stored briefing of run " + jobInstanceId + " is unreadable", e);
        }
    }

    void delete(long jobInstanceId) throws IOException {
        Files.deleteIfExists(file(jobInstanceId));
        if (jobInstanceId == heldInstanceId) {
            hold(-1, null);
        }
    }

    private synchronized Briefing held(long jobInstanceId) {
        return jobInstanceId == heldInstanceId ? held : null;
    }

    private synchronized void hold(long jobInstanceId, Briefing briefing) {
        heldInstanceId = jobInstanceId;
        held = briefing;
    }

    private Path file(long jobInstanceId) {
        return workFolder.resolve("briefing-" + jobInstanceId + ".bin");
    }
}
