package briefing.job;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.nio.file.Files;
import java.util.List;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes every report file of the stored briefing into the staging folder. A file already complete
 * there (from an execution that crashed later) is kept: the same briefing gives the same bytes.
 */
class RenderTasklet implements Tasklet {

    private final List<ReportWriter> writers;
    private final BriefingStore store;
    private final RunParameters run;

    RenderTasklet(List<ReportWriter> writers, BriefingStore store, RunParameters run) {
        this.writers = writers;
        this.store = store;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Briefing briefing = store.load(instanceId);
        OutputFolder folder = new OutputFolder(run.outputFolder(), instanceId);
        for (ReportWriter writer : writers) {
            if (!Files.exists(folder.staging().resolve(writer.fileName()))) {
                folder.write(writer.fileName(), out -> writer.write(briefing, out));
            }
        }
        return RepeatStatus.FINISHED;
    }
}
