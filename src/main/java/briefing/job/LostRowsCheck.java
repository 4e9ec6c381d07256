package briefing.job;

import briefing.ledger.LedgerRepository;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;

/**
 * Before a resumed ingest step goes on from where its execution context says it stopped, checks that the ledger
 * holds the claims that context counts as loaded. An embedded H2 killed with commits still in memory was seen to
 * come back with a chunk's execution context (rows read, claims loaded) but without that chunk's blocks: going on
 * from there would leave those rows out of the ledger for good, and every briefing made from it. The claims this
 * run loaded all carry its instant of ingestion; when the ledger holds another number of them, what the run stored
 * (its blocks, rejections and files read) is removed and the step reads its input again from the start.
 */
class LostRowsCheck implements StepExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("briefing");

    private final LedgerRepository ledger;

    LostRowsCheck(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    @Override
    public void beforeStep(StepExecution step) {
        ExecutionContext context = step.getExecutionContext();
        Instant ingestedAt = RunParameters.from(step.getJobParameters()).ingestedAt();
        // counts made at another instant (a run resumed after other runs started loads at a new one) cannot be checked
        if (!context.containsKey(LedgerWriter.LOADED)
                || !ingestedAt.toString().equals(context.getString(LedgerWriter.COUNTED_AT, null))) {
            return;
        }
        long counted = context.getLong(LedgerWriter.LOADED);
        // blocks H2 kept only in part go first (the writer would remove them as it opens): they are not held
        ledger.removeIncompleteBlocks();
        long held = ledger.claimsIngestedAt(ingestedAt);
        if (held == counted) {
            return;
        }
        long instanceId = step.getJobExecution().getJobInstance().getInstanceId();
        log.warn("The ledger holds {} of the {} records this run loaded before it stopped (the database lost some of its"
                + " last commits): loading its input again from the start.", held, counted);
        ledger.removeIngest(ingestedAt, instanceId);
        step.setExecutionContext(new ExecutionContext());
    }
}
