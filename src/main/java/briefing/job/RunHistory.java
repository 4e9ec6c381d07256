package briefing.job;

import java.io.PrintStream;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.stereotype.Component;

/** Prints the recent runs recorded in the job repository, newest first: what {@code --history} shows. */
@Component
public class RunHistory {

    private static final DateTimeFormatter STARTED = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final JobRepository jobRepository;
    private final JobRuns runs;

    public RunHistory(JobRepository jobRepository, JobRuns runs) {
        this.jobRepository = jobRepository;
        this.runs = runs;
    }

    public void print(PrintStream out, int limit) {
        List<JobExecution> executions = runs.latest(limit);
        out.printf(Locale.ROOT, "%-9s %-9s %-26s %-9s %-19s %9s %9s %9s %9s %4s%n", "execution", "period", "cutoff", "status",
                "started (UTC)", "seconds", "read", "loaded", "rejected", "exit");
        for (JobExecution execution : executions) {
            RunParameters run = RunParameters.from(execution.getJobParameters());
            ExecutionContext counts = ingestCounts(execution.getJobInstance());
            long loaded = counts.getLong(LedgerWriter.LOADED, 0L);
            long already = counts.getLong(LedgerWriter.ALREADY_IN_LEDGER, 0L);
            long rejected = counts.getLong(LedgerWriter.REJECTED, 0L);
            String started = execution.getStartTime() == null ? "" : STARTED.format(execution.getStartTime());
            String seconds = execution.getStartTime() == null || execution.getEndTime() == null ? ""
                    : String.format(Locale.ROOT, "%.1f", Duration.between(execution.getStartTime(), execution.getEndTime()).toMillis() / 1000.0);
            out.printf(Locale.ROOT, "%-9d %-9s %-26s %-9s %-19s %9s %9d %9d %9d %4s%n", execution.getId(), run.period().label(),
                    run.cutoff() + (run.explicitCutoff() ? "" : "*"), execution.getStatus(), started, seconds,
                    loaded + already + rejected, loaded, rejected, exitCode(execution.getStatus(), rejected));
        }
        out.println(executions.isEmpty() ? "No runs yet." : "* cutoff = the moment the run started (no --as-of)."
                + " Counts are the run's whole ingest, over all its executions.");
    }

    private ExecutionContext ingestCounts(JobInstance instance) {
        StepExecution ingest = jobRepository.getLastStepExecution(instance, BriefingJobConfiguration.INGEST);
        return ingest == null ? new ExecutionContext() : Objects.requireNonNull(ingest.getExecutionContext());
    }

    private static String exitCode(BatchStatus status, long rejected) {
        if (status == BatchStatus.COMPLETED) {
            return rejected > 0 ? "3" : "0";
        }
        return status.isRunning() ? "" : "4";
    }
}
