package briefing.job;

import briefing.ledger.IdIndex;
import java.util.Optional;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The index of every record id that the ingest step kept up to date, handed to the compute step of the same
 * job execution, which then finds the records a briefing shows without a pass over the ledger. Nothing else
 * writes to the ledger between the two steps (the run lock is held), and an execution that restarts after
 * the ingest step has none to take: its compute step makes the pass. The index is also kept in a file for the
 * next run, on a thread of its own while the job goes on (some 30-60 ms at a million records, which the step's
 * end waited for), and the job's end waits for that, as does the next ingest in the same process.
 */
@Component
class IndexHandOff implements JobExecutionListener {

    private long jobExecutionId = -1;
    private IdIndex index;
    private Thread keeping;

    /** Keeps the index the ingest step of this execution ended with, in place of any other. */
    synchronized void offer(long jobExecutionId, IdIndex index) {
        this.jobExecutionId = jobExecutionId;
        this.index = index;
    }

    /** The index offered by this execution, once; empty if it offered none. */
    synchronized Optional<IdIndex> take(long jobExecutionId) {
        Optional<IdIndex> taken = jobExecutionId == this.jobExecutionId ? Optional.ofNullable(index) : Optional.empty();
        this.jobExecutionId = -1;
        this.index = null;
        return taken;
    }

    /**
     * Runs {@code keep} on a thread of its own, once any earlier one has ended. The index it keeps must not change
     * meanwhile: the compute step only reads it.
     */
    void keepInBackground(Runnable keep) {
        awaitKept();
        Thread thread = new Thread(keep, "index-keep");
        thread.setDaemon(true);
        synchronized (this) {
            keeping = thread;
        }
        thread.start();
    }

    /** Waits until what {@link #keepInBackground} runs has ended; at once when nothing runs. */
    void awaitKept() {
        Thread thread;
        synchronized (this) {
            thread = keeping;
        }
        if (thread == null) {
            return;
        }
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void afterJob(JobExecution jobExecution) {
        awaitKept();
    }
}
