package briefing.job;

import briefing.report.manifest.Manifest;
import briefing.report.manifest.ManifestJson;
import java.nio.charset.StandardCharsets;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;

/** Writes {@code manifest.json} into the staging folder, from the rendered files and the ingest's counts. */
class ManifestTasklet implements Tasklet {

    private final ManifestFactory manifests;
    private final JobRepository jobRepository;
    private final BriefingStore store;
    private final RunParameters run;

    ManifestTasklet(ManifestFactory manifests, JobRepository jobRepository, BriefingStore store, RunParameters run) {
        this.manifests = manifests;
        this.jobRepository = jobRepository;
        this.store = store;
        this.run = run;
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        JobExecution execution = chunkContext.getStepContext().getStepExecution().getJobExecution();
        long instanceId = execution.getJobInstance().getInstanceId();
        // the number of series, kept by the compute step: the briefing itself need not be read again
        StepExecution compute = jobRepository.getLastStepExecution(execution.getJobInstance(), ComputeTasklet.COMPUTE);
        long series = compute != null && compute.getExecutionContext().containsKey(ComputeTasklet.SERIES)
                ? compute.getExecutionContext().getInt(ComputeTasklet.SERIES)
                : store.load(instanceId).figures().changes().size();
        OutputFolder folder = new OutputFolder(run.outputFolder(), instanceId);
        // the execution that began the run: a run resumed after a crash gives the same manifest as one that was not
        long firstExecutionId = jobRepository.getJobExecutions(execution.getJobInstance()).stream()
                .mapToLong(JobExecution::getId).min().orElse(execution.getId());
        Manifest manifest = manifests.create(run, execution.getJobInstance(), firstExecutionId, series, folder.staging());
        folder.write(OutputFolder.MANIFEST, out -> out.write(ManifestJson.of(manifest).getBytes(StandardCharsets.UTF_8)));
        return RepeatStatus.FINISHED;
    }
}
