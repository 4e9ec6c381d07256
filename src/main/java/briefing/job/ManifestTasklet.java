package briefing.job;

import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import briefing.ledger.Sha256;
import briefing.report.Briefing;
import briefing.report.ReportWriter;
import briefing.report.manifest.Manifest;
import briefing.report.manifest.ManifestJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes {@code manifest.json} into the staging folder, from the rendered files and the ingest's counts. */
class ManifestTasklet implements Tasklet {

    private final List<ReportWriter> writers;
    private final BriefingStore store;
    private final LedgerRepository ledger;
    private final JobRepository jobRepository;
    private final RunParameters run;

    ManifestTasklet(List<ReportWriter> writers, BriefingStore store, LedgerRepository ledger, JobRepository jobRepository,
                    RunParameters run) {
        this.writers = writers;
        this.store = store;
        this.ledger = ledger;
        this.jobRepository = jobRepository;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = execution.getJobInstance().getInstanceId();
        Briefing briefing = store.load(instanceId);
        OutputFolder folder = new OutputFolder(run.outputFolder(), instanceId);
        List<Manifest.FileEntry> outputs = new ArrayList<>();
        for (ReportWriter writer : writers) {
            outputs.add(entry(folder.staging().resolve(writer.fileName()), writer.fileName(), null));
        }
        StepExecution ingest = jobRepository.getLastStepExecution(execution.getJobInstance(), BriefingJobConfiguration.INGEST);
        ExecutionContext counts = ingest.getExecutionContext();
        long loaded = counts.getLong(LedgerWriter.LOADED, 0L);
        long already = counts.getLong(LedgerWriter.ALREADY_IN_LEDGER, 0L);
        long rejected = counts.getLong(LedgerWriter.REJECTED, 0L);
        Manifest manifest = new Manifest(run.period(), run.cutoff(), run.explicitCutoff(),
                execution.getJobInstance().getJobName(), instanceId, execution.getId(), inputs(),
                new Manifest.Counts(loaded + already + rejected, loaded, already, rejected,
                        ledger.countKnownAt(run.cutoff()), briefing.figures().changes().size()),
                outputs);
        folder.write(OutputFolder.MANIFEST, out -> out.write(ManifestJson.of(manifest).getBytes(StandardCharsets.UTF_8)));
        return RepeatStatus.FINISHED;
    }

    private List<Manifest.FileEntry> inputs() throws IOException {
        Map<String, Long> rows = new HashMap<>();
        List<Path> files;
        try (InputFiles input = InputFiles.open(run.input())) {
            files = input.files();
            InputRow row;
            while ((row = input.next()) != null) {
                rows.merge(row.file(), 1L, Long::sum);
            }
        }
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (Path file : files) {
            String name = run.input().relativize(file).toString();
            entries.add(entry(file, name, rows.getOrDefault(name, 0L)));
        }
        return entries;
    }

    private static Manifest.FileEntry entry(Path file, String name, Long rows) throws IOException {
        MessageDigest sha = Sha256.digest();
        long bytes = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            int n;
            while ((n = in.read(buffer)) > 0) {
                sha.update(buffer, 0, n);
                bytes += n;
            }
        }
        return new Manifest.FileEntry(name, bytes, HexFormat.of().formatHex(sha.digest()), rows);
    }
}
