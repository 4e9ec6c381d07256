package briefing.job;

import briefing.report.Briefing;
import briefing.report.ReportWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Writes the files of a completed run again, from the ledger and the job repository alone, without
 * a new job instance: the same period, cutoff, rejections, ids and counts, so the same bytes. Serves
 * {@code --verify} and an auditor's {@code --as-of} re-run into another reports folder.
 */
@Component
class BriefingRecreator {

    private final JobRepository jobRepository;
    private final BriefingAssembler assembler;
    private final ManifestFactory manifests;
    private final List<ReportWriter> writers;

    BriefingRecreator(JobRepository jobRepository, BriefingAssembler assembler, ManifestFactory manifests,
                      List<ReportWriter> reportWriters) {
        this.jobRepository = jobRepository;
        this.assembler = assembler;
        this.manifests = manifests;
        this.writers = reportWriters;
    }

    /** The names of the files a run writes, manifest last. */
    List<String> fileNames() {
        List<String> names = new ArrayList<>(writers.stream().map(ReportWriter::fileName).toList());
        names.add(OutputFolder.MANIFEST);
        return names;
    }

    /** Writes every file of the run of {@code instance} into {@code folder}, manifest last. */
    void recreate(JobInstance instance, OutputFolder folder) throws IOException {
        List<JobExecution> executions = jobRepository.getJobExecutions(instance);
        JobExecution first = executions.stream().min((a, b) -> Long.compare(a.getId(), b.getId())).orElseThrow();
        RunParameters run = RunParameters.from(first.getJobParameters());
        Briefing briefing = assembler.assemble(run.period(), run.cutoff(), instance.getInstanceId());
        for (ReportWriter writer : writers) {
            folder.write(writer.fileName(), out -> writer.write(briefing, out));
        }
        manifests.writeInto(folder, run, instance, briefing.figures().changes().size());
    }

}
