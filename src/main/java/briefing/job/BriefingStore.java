package briefing.job;

import briefing.ledger.Claim;
import briefing.report.Briefing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hands the computed briefing from the compute step to the render steps through a file under the
 * data folder, so a restarted run renders exactly what was computed, without recomputing. The steps of
 * one process share the briefing last saved or loaded without reading the file again. It also keeps
 * the full records the last briefing showed, which the next one mostly shows again.
 */
class BriefingStore {

    private static final String SHOWN_CLAIMS = "shown-claims.bin";

    private final Path workFolder;
    private long heldInstanceId = -1;
    private Briefing held;

    BriefingStore(Path dataFolder) {
        this.workFolder = dataFolder.resolve("work");
    }

    void save(long jobInstanceId, Briefing briefing) throws IOException {
        Files.createDirectories(workFolder);
        Path target = file(jobInstanceId);
        Path temp = workFolder.resolve(target.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            BriefingCodec.write(briefing, out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        hold(jobInstanceId, briefing);
    }

    /**
     * Keeps the full records the briefing shows, for the next run to take from here instead of the
     * ledger: a record never changes once in the ledger, so they stay right as long as the ledger is
     * the same one ({@code ledger}: {@link briefing.ledger.LedgerRepository#identity()}).
     */
    void saveShownClaims(String ledger, Briefing briefing) throws IOException {
        if (ledger.isEmpty()) {
            return;
        }
        Map<String, Claim> shown = new LinkedHashMap<>();
        briefing.figures().newClaims().forEach(c -> shown.putIfAbsent(c.recordId(), c));
        briefing.figures().recordsBehind().forEach(c -> shown.putIfAbsent(c.recordId(), c));
        Path target = workFolder.resolve(SHOWN_CLAIMS);
        Path temp = workFolder.resolve(SHOWN_CLAIMS + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16))) {
            out.writeUTF(ledger);
            BriefingCodec.writeClaims(List.copyOf(shown.values()), out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The records kept by {@link #saveShownClaims}, by id; none when they came from another ledger or are unreadable. */
    Map<String, Claim> shownClaims(String ledger) {
        Path file = workFolder.resolve(SHOWN_CLAIMS);
        if (ledger.isEmpty() || !Files.exists(file)) {
            return Map.of();
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            if (!in.readUTF().equals(ledger)) {
                return Map.of();
            }
            Map<String, Claim> claims = new HashMap<>();
            BriefingCodec.readClaims(in).forEach(c -> claims.put(c.recordId(), c));
            return claims;
        } catch (IOException | RuntimeException e) {
            return Map.of();
        }
    }

    Briefing load(long jobInstanceId) throws IOException {
        if (jobInstanceId == heldInstanceId && Files.exists(file(jobInstanceId))) {
            return held;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file(jobInstanceId)), 1 << 16))) {
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

    private synchronized void hold(long jobInstanceId, Briefing briefing) {
        heldInstanceId = jobInstanceId;
        held = briefing;
    }

    private Path file(long jobInstanceId) {
        return workFolder.resolve("briefing-" + jobInstanceId + ".bin");
    }
}
