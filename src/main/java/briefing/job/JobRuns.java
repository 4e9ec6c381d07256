package briefing.job;

import briefing.period.Period;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Finds the briefing's runs in the job repository with one query on its tables, then reads only the executions
 * found, or, for the cutoffs of a period's completed runs, nothing more than the query gives. Asking the repository instead means reading the last execution of every job instance, with its steps and
 * their contexts, and the repository keeps every run, some seventy a year from cron alone: at 300 instances that
 * reading added 0.4 s to a run's start, once to find the period's last run and once more for the previous
 * period's briefing. The tables are the ones the migrations make ({@code db/migration/.../V1__spring_batch.sql}), under
 * Spring Batch's default prefix {@code BATCH_}; another {@code spring.batch.jdbc.table-prefix} would find no tables.
 */
@Component
class JobRuns {

    /** The job instances of a period (its label the third parameter) with the cutoff at their start. */
    private static final String INSTANCES_OF_PERIOD = "SELECT DISTINCT i.JOB_INSTANCE_ID FROM BATCH_JOB_INSTANCE i"
            + " JOIN BATCH_JOB_EXECUTION e ON e.JOB_INSTANCE_ID = i.JOB_INSTANCE_ID"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + " JOIN BATCH_JOB_EXECUTION_PARAMS x ON x.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID"
            + " WHERE i.JOB_NAME = ? AND p.PARAMETER_NAME = ? AND p.PARAMETER_VALUE = ?"
            + " AND x.PARAMETER_NAME = ? AND x.PARAMETER_VALUE = 'false'";

    private final JdbcTemplate jdbc;
    private final JobRepository jobRepository;

    JobRuns(JdbcTemplate jdbc, JobRepository jobRepository) {
        this.jdbc = jdbc;
        this.jobRepository = jobRepository;
    }

    /**
     * The last execution of each job instance that reported {@code period} with the cutoff at its start (no
     * {@code --as-of}), the newest instance first.
     */
    List<JobExecution> lastRunsOf(Period period) {
        List<Long> instances = jdbc.queryForList(INSTANCES_OF_PERIOD + " ORDER BY i.JOB_INSTANCE_ID DESC", Long.class,
                BriefingJobConfiguration.JOB, RunParameters.PERIOD, period.label(), RunParameters.EXPLICIT_CUTOFF);
        return instances.stream()
                .map(jobRepository::getJobInstance)
                .filter(Objects::nonNull)
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && period.label().equals(e.getJobParameters().getString(RunParameters.PERIOD))
                        && "false".equals(e.getJobParameters().getString(RunParameters.EXPLICIT_CUTOFF)))
                .toList();
    }

    /**
     * The cutoffs of the job instances that reported {@code period} with the cutoff at their start (no {@code --as-of})
     * and whose last execution completed, in no order: what {@link #lastRunsOf} tells of them, from one query, without
     * reading the executions (with their steps and contexts, 18-21 ms for one at a million records, cold).
     */
    List<Instant> completedCutoffsOf(Period period) {
        return jdbc.query("SELECT e.STATUS, c.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e"
                        + " LEFT JOIN BATCH_JOB_EXECUTION_PARAMS c ON c.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND c.PARAMETER_NAME = ?"
                        // an instance's last execution is the one with the highest id, as JobRepository.getLastJobExecution takes it
                        + " WHERE e.JOB_EXECUTION_ID IN (SELECT MAX(l.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION l"
                        + " WHERE l.JOB_INSTANCE_ID IN (" + INSTANCES_OF_PERIOD + ") GROUP BY l.JOB_INSTANCE_ID)",
                (rs, i) -> BatchStatus.COMPLETED.name().equals(rs.getString(1)) && rs.getString(2) != null
                        ? Instant.parse(rs.getString(2)) : null,
                RunParameters.CUTOFF, BriefingJobConfiguration.JOB, RunParameters.PERIOD, period.label(),
                RunParameters.EXPLICIT_CUTOFF).stream().filter(Objects::nonNull).toList();
    }

    /**
     * The periods whose last run with the cutoff at its start (no {@code --as-of}) neither completed nor was abandoned:
     * a run that failed or was killed, which only a run of the same period resumes.
     */
    List<String> unfinishedPeriods() {
        return jdbc.queryForList("SELECT DISTINCT p.PARAMETER_VALUE FROM BATCH_JOB_EXECUTION e"
                        + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                        + " JOIN BATCH_JOB_EXECUTION_PARAMS p ON p.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND p.PARAMETER_NAME = ?"
                        + " JOIN BATCH_JOB_EXECUTION_PARAMS x ON x.JOB_EXECUTION_ID = e.JOB_EXECUTION_ID AND x.PARAMETER_NAME = ?"
                        + " WHERE i.JOB_NAME = ? AND x.PARAMETER_VALUE = 'false' AND e.STATUS NOT IN ('COMPLETED', 'ABANDONED')"
                        + " AND e.JOB_EXECUTION_ID IN (SELECT MAX(l.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION l GROUP BY l.JOB_INSTANCE_ID)"
                        + " ORDER BY p.PARAMETER_VALUE",
                String.class, RunParameters.PERIOD, RunParameters.EXPLICIT_CUTOFF, BriefingJobConfiguration.JOB);
    }

    /**
     * Whether a run of another job instance started after {@code instance} first started: a restart of it would then
     * load records as known at its cutoff that those runs never saw, and that their cutoffs would let in on re-running.
     */
    boolean othersStartedSince(long instanceId) {
        Long later = jdbc.queryForObject("SELECT COUNT(*) FROM BATCH_JOB_EXECUTION e WHERE e.JOB_INSTANCE_ID <> ?"
                + " AND e.JOB_EXECUTION_ID > (SELECT MIN(f.JOB_EXECUTION_ID) FROM BATCH_JOB_EXECUTION f WHERE f.JOB_INSTANCE_ID = ?)",
                Long.class, instanceId, instanceId);
        return later != null && later > 0;
    }

    /** The {@code limit} latest executions of the briefing job, the latest first. */
    List<JobExecution> latest(int limit) {
        if (limit <= 0) {
            return List.of();
        }
        return jdbc.queryForList("SELECT e.JOB_EXECUTION_ID FROM BATCH_JOB_EXECUTION e"
                                + " JOIN BATCH_JOB_INSTANCE i ON i.JOB_INSTANCE_ID = e.JOB_INSTANCE_ID"
                                + " WHERE i.JOB_NAME = ? ORDER BY e.JOB_EXECUTION_ID DESC FETCH FIRST " + limit + " ROWS ONLY",
                        Long.class, BriefingJobConfiguration.JOB).stream()
                .map(jobRepository::getJobExecution)
                .filter(Objects::nonNull)
                .toList();
    }
}
