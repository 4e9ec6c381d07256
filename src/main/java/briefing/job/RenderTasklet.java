package briefing.job;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/**
 * Writes every report file of the stored briefing into the staging folder, two at a time (each writer
 * depends on the briefing only, and most of a writer's time in a short run is its library starting up).
 * A file already complete there (from an execution that crashed later) is kept: the same briefing gives
 * the same bytes.
 */
class RenderTasklet implements Tasklet {

    /** Files written at the same time: the machine this runs on may have only two cores. */
    private static final int PARALLEL = 2;

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
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL, runnable -> {
            Thread thread = new Thread(runnable, "render");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<CompletableFuture<Void>> files = new ArrayList<>();
            for (ReportWriter writer : writers) {
                if (!Files.exists(folder.staging().resolve(writer.fileName()))) {
                    files.add(CompletableFuture.runAsync(() -> write(folder, writer, briefing), pool));
                }
            }
            CompletableFuture.allOf(files.toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause()
                    : e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            pool.shutdown();
        }
        return RepeatStatus.FINISHED;
    }

    private static void write(OutputFolder folder, ReportWriter writer, Briefing briefing) {
        try {
            folder.write(writer.fileName(), out -> writer.write(briefing, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
