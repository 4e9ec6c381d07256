package briefing.job;

import briefing.ledger.FileSha256;
import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import briefing.report.ReportWriter;
import briefing.report.manifest.Manifest;
import briefing.report.manifest.ManifestJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/** Builds the manifest of a run from its rendered files, its input files and its ingest's counts. */
@Component
class ManifestFactory {

    private final List<ReportWriter> writers;
    private final LedgerRepository ledger;
    private final JobRepository jobRepository;

    ManifestFactory(List<ReportWriter> reportWriters, LedgerRepository ledger, JobRepository jobRepository) {
        this.writers = reportWriters;
        this.ledger = ledger;
        this.jobRepository = jobRepository;
    }

    /**
     * Writes the manifest of the files rendered into {@code folder}'s staging, the folder's last file, for a run
     * whose briefing has {@code series} rows in {@code changes.csv}. It names the execution that began the run:
     * a run resumed after a crash gives the same manifest as one that was not.
     */
    void writeInto(OutputFolder folder, RunParameters run, JobInstance instance, long series) throws IOException {
        long firstExecutionId = jobRepository.getJobExecutions(instance).stream().mapToLong(JobExecution::getId).min()
                .orElseThrow();
        Manifest manifest = create(run, instance, firstExecutionId, series, folder.staging());
        folder.write(OutputFolder.MANIFEST, out -> out.write(ManifestJson.of(manifest).getBytes(StandardCharsets.UTF_8)));
    }

    private Manifest create(RunParameters run, JobInstance instance, long executionId, long series, Path renderedFolder)
            throws IOException {
        List<Path> files = writers.stream().map(writer -> renderedFolder.resolve(writer.fileName())).toList();
        List<String> digests = FileSha256.opensslOrJava().ofAll(files);
        List<Manifest.FileEntry> outputs = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            outputs.add(new Manifest.FileEntry(writers.get(i).fileName(), Files.size(files.get(i)), digests.get(i), null));
        }
        StepExecution ingest = jobRepository.getLastStepExecution(instance, BriefingJobConfiguration.INGEST);
        ExecutionContext counts = ingest == null ? new ExecutionContext() : ingest.getExecutionContext();
        long loaded = counts.getLong(LedgerWriter.LOADED, 0L);
        long already = counts.getLong(LedgerWriter.ALREADY_IN_LEDGER, 0L);
        long rejected = counts.getLong(LedgerWriter.REJECTED, 0L);
        List<Manifest.FileEntry> inputs = counts.containsKey(InputRowReader.FILES_RECORDED)
                ? entries(ledger.inputsRead(instance.getInstanceId()))
                : inputs(run.input());
        return new Manifest(run.period(), run.cutoff(), run.explicitCutoff(), instance.getJobName(),
                instance.getInstanceId(), executionId, inputs,
                new Manifest.Counts(loaded + already + rejected, loaded, already, rejected,
                        ledger.countKnownAt(run.cutoff()), series),
                outputs);
    }

    private static List<Manifest.FileEntry> entries(List<InputFiles.FileSummary> files) {
        return files.stream().map(f -> new Manifest.FileEntry(f.name(), f.bytes(), f.sha256(), f.rows())).toList();
    }

    /** The input files as they are now: for a run whose ingest did not record what it read. */
    private static List<Manifest.FileEntry> inputs(Path folder) throws IOException {
        Map<String, Long> rows = new HashMap<>();
        List<Path> files;
        try (InputFiles input = InputFiles.open(folder)) {
            files = input.files();
            InputRow row;
            while ((row = input.next()) != null) {
                rows.merge(row.file(), 1L, Long::sum);
            }
        }
        List<Manifest.FileEntry> entries = new ArrayList<>();
        for (Path file : files) {
            String name = folder.relativize(file).toString();
            entries.add(entry(file, name, rows.getOrDefault(name, 0L)));
        }
        return entries;
    }

    private static Manifest.FileEntry entry(Path file, String name, Long rows) throws IOException {
        return new Manifest.FileEntry(name, Files.size(file), FileSha256.opensslOrJava().of(file), rows);
    }
}
