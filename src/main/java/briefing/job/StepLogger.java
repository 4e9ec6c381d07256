package briefing.job;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.listener.JobExecutionListener;
import org.springframework.batch.core.listener.StepExecutionListener;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.batch.core.ExitStatus;

/** Logs one line per step with its counts and duration, and one for the job. */
class StepLogger implements StepExecutionListener, JobExecutionListener {

    private static final Logger log = LoggerFactory.getLogger("briefing.job");

    @Override
    public ExitStatus afterStep(StepExecution step) {
        var context = step.getExecutionContext();
        long loaded = context.getLong(LedgerWriter.LOADED, 0L);
        long already = context.getLong(LedgerWriter.ALREADY_IN_LEDGER, 0L);
        long rejected = context.getLong(LedgerWriter.REJECTED, 0L);
        // rows, not items: the rows of a file read before that are all in the ledger pass as one item
        String counts = BriefingJobConfiguration.INGEST.equals(step.getStepName())
                ? String.format(Locale.ROOT, " read=%d loaded=%d alreadyInLedger=%d rejected=%d", loaded + already + rejected, loaded,
                        already, rejected)
                : "";
        log.info("step {} {} in {} ms{}", step.getStepName(), step.getStatus(), millis(step.getStartTime(), step.getEndTime()), counts);
        return null;
    }

    @Override
    public void afterJob(JobExecution job) {
        log.info("job {} {} in {} ms", job.getJobInstance().getJobName(), job.getStatus(),
                millis(job.getStartTime(), job.getEndTime()));
    }

    private static long millis(LocalDateTime start, LocalDateTime end) {
        return start == null ? 0 : Duration.between(start, end == null ? LocalDateTime.now() : end).toMillis();
    }
}
