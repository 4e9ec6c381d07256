package briefing.job;

import briefing.report.Briefing;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes the figures of the period from the claims known at the cutoff and stores the briefing for rendering. */
class ComputeTasklet implements Tasklet {

    static final String COMPUTE = "compute";
    static final String SERIES = "compute.series";

    private final BriefingAssembler assembler;
    private final BriefingStore store;
    private final RunParameters run;

    ComputeTasklet(BriefingAssembler assembler, BriefingStore store, RunParameters run) {
        this.assembler = assembler;
        this.store = store;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        String ledger = assembler.ledgerIdentity();
        long known = assembler.knownAt(run.cutoff());
        Briefing briefing = assembler.assemble(run.period(), run.cutoff(), instanceId, known, store.earlier(ledger));
        store.save(instanceId, briefing);
        store.saveEarlier(ledger, known, briefing);
        contribution.getStepExecution().getExecutionContext().putInt(SERIES, briefing.figures().changes().size());
        return RepeatStatus.FINISHED;
    }
}
