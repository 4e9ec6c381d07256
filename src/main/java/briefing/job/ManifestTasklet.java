package briefing.job;

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
        manifests.writeInto(new OutputFolder(run.outputFolder(), instanceId), run, execution.getJobInstance(), series);
        return RepeatStatus.FINISHED;
    }
}
