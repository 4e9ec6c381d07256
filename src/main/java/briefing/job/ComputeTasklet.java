package briefing.job;

import briefing.ledger.IdIndex;
import briefing.ledger.IdIndexFile;
import briefing.report.Briefing;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes the figures of the period from the claims known at the cutoff and hands the briefing to rendering. */
class ComputeTasklet implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger("briefing");

    static final String COMPUTE = "compute";
    static final String SERIES = "compute.series";

    private final BriefingAssembler assembler;
    private final BriefingStore store;
    private final IndexHandOff indexHandOff;
    private final IdIndexFile keptIndex;
    private final RunParameters run;

    ComputeTasklet(BriefingAssembler assembler, BriefingStore store, IndexHandOff indexHandOff, IdIndexFile keptIndex,
                   RunParameters run) {
        this.assembler = assembler;
        this.store = store;
        this.indexHandOff = indexHandOff;
        this.keptIndex = keptIndex;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = execution.getJobInstance().getInstanceId();
        // a run resumed after its ingest step completed has none handed over, but most often the one that step kept
        Optional<IdIndex> index = indexHandOff.take(execution.getId()).or(() -> assembler.keptIndex(keptIndex));
        String ledger = assembler.ledgerIdentity();
        long known = assembler.knownAt(run.cutoff());
        if (known == 0 && !ledger.isEmpty()) {
            // the identity of a ledger is the instant of its first records
            log.warn("The cutoff {} is before the ledger's first records were loaded ({}): this briefing knows none of them."
                    + " --as-of is the moment the ledger learnt of a record, not the day it was reported.", run.cutoff(), ledger);
        }
        Briefing briefing = assembler.assemble(run.period(), run.cutoff(), instanceId, known, store.earlier(ledger), index);
        // saved while the render step writes the reports from the briefing held, which waits for the files at its end
        store.saveInBackground(instanceId, ledger, known, briefing);
        contribution.getStepExecution().getExecutionContext().putInt(SERIES, briefing.figures().changes().size());
        return RepeatStatus.FINISHED;
    }
}
