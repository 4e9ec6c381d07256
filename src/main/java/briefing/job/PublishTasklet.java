package briefing.job;

import briefing.report.ReportWriter;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Moves the finished files into the period's folder, manifest last, and drops the run's work file. */
class PublishTasklet implements Tasklet {

    private final List<ReportWriter> writers;
    private final BriefingStore store;
    private final RunParameters run;

    PublishTasklet(List<ReportWriter> writers, BriefingStore store, RunParameters run) {
        this.writers = writers;
        this.store = store;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        List<String> names = new ArrayList<>(writers.stream().map(ReportWriter::fileName).toList());
        names.add(OutputFolder.MANIFEST);
        new OutputFolder(run.outputFolder(), instanceId).publish(names);
        store.delete(instanceId);
        return RepeatStatus.FINISHED;
    }
}
