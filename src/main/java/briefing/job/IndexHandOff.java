package briefing.job;

import briefing.ledger.IdIndex;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The index of every record id that the ingest step kept up to date, handed to the compute step of the same
 * job execution, which then finds the records a briefing shows without a pass over the ledger. Nothing else
 * writes to the ledger between the two steps (the run lock is held), and an execution that restarts after
 * the ingest step has none to take: its compute step makes the pass.
 */
@Component
class IndexHandOff {

    private long jobExecutionId = -1;
    private IdIndex index;

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
}
