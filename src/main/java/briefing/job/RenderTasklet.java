package briefing.job;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import briefing.thread.Futures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private static final Logger log = LoggerFactory.getLogger("briefing");

    private final List<ReportWriter> writers;
    private final BriefingStore store;
    private final BriefingAssembler assembler;
    private final RunParameters run;

    RenderTasklet(List<ReportWriter> writers, BriefingStore store, BriefingAssembler assembler, RunParameters run) {
        this.writers = writers;
        this.store = store;
        this.assembler = assembler;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        long instanceId = chunkContext.getStepContext().getStepExecution().getJobExecution().getJobInstance().getInstanceId();
        Briefing briefing = briefing(instanceId);
        OutputFolder folder = new OutputFolder(run.outputFolder(), instanceId);
        ExecutorService pool = Futures.daemonPool(PARALLEL, "render");
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
        // the stored briefing is on disk before the step completes: a restart from here on reads it
        store.awaitSaved();
        return RepeatStatus.FINISHED;
    }

    /**
     * The briefing the compute step made: held in memory, else stored (after a restart). A run stopped after the
     * compute step but before its briefing was saved (the save runs beside this step) finds none: it is computed
     * again, the same figures from the same claims known at the same cutoff.
     */
    private Briefing briefing(long instanceId) throws IOException {
        try {
            return store.load(instanceId);
        } catch (IOException e) {
            log.info("The stored briefing of run {} is missing or unreadable ({}); computing it again.", instanceId, e.getMessage());
            Briefing briefing = assembler.assemble(run.period(), run.cutoff(), instanceId);
            store.save(instanceId, briefing);
            return briefing;
        }
    }

    private static void write(OutputFolder folder, ReportWriter writer, Briefing briefing) {
        try {
            folder.write(writer.fileName(), out -> writer.write(briefing, out));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
