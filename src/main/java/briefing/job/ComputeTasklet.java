package briefing.job;

import briefing.change.ChangeCalculator;
import briefing.change.Figures;
import briefing.ledger.LedgerRepository;
import briefing.report.Briefing;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Computes the figures of the period from the claims known at the cutoff and stores the briefing for rendering. */
class ComputeTasklet implements Tasklet {

    private final LedgerRepository ledger;
    private final BriefingStore store;
    private final RunParameters run;

    ComputeTasklet(LedgerRepository ledger, BriefingStore store, RunParameters run) {
        this.ledger = ledger;
        this.store = store;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        ChangeCalculator calculator = new ChangeCalculator(run.period());
        ledger.forEachGroupKnownAt(run.cutoff(), calculator::addGroup);
        Figures figures = calculator.finish();
        store.save(instanceId, new Briefing(figures, run.cutoff(), ledger.rejections(instanceId)));
        contribution.getStepExecution().getExecutionContext().putInt("compute.series", figures.changes().size());
        return RepeatStatus.FINISHED;
    }
}
