package briefing.job;

import briefing.report.Briefing;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Hands the computed briefing from the compute step to the render steps through a file under the
 * data folder, so a restarted run renders exactly what was computed, without recomputing. The steps of
 * one process share the briefing last saved or loaded without reading the file again.
 */
class BriefingStore {

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
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(temp), 1 << 16);
             ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(briefing);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        hold(jobInstanceId, briefing);
    }

    Briefing load(long jobInstanceId) throws IOException {
        if (jobInstanceId == heldInstanceId && Files.exists(file(jobInstanceId))) {
            return held;
        }
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file(jobInstanceId)), 1 << 16);
             ObjectInputStream objects = new ObjectInputStream(in)) {
            Briefing briefing = (Briefing) objects.readObject();
            hold(jobInstanceId, briefing);
            return briefing;
        } catch (ClassNotFoundException e) {
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
        return workFolder.resolve("briefing-" + jobInstanceId + ".ser");
    }
}
