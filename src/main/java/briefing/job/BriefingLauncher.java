package briefing.job;

import briefing.cli.CommandLine;
import briefing.cli.FailureMessage;
import briefing.ledger.InputFiles;
import briefing.period.Granularity;
import briefing.period.Period;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.Job;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.launch.JobOperator;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.core.step.StepExecution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Decides what one invocation does for a period and a cutoff, using the job repository as the
 * memory of earlier runs: nothing when the period was already reported, a restart of the execution
 * that failed or was killed, or a new job instance.
 */
@Component
public class BriefingLauncher {

    private static final Logger log = LoggerFactory.getLogger("briefing");

    /** What a run did, for the exit code and the last log line. */
    public enum Result { REPORTED, REPORTED_WITH_REJECTIONS, ALREADY_REPORTED, FAILED }

    /** What a run did and, when it failed, why in one line. */
    public record Outcome(Result result, String failure) {

        static Outcome of(Result result) {
            return new Outcome(result, null);
        }
    }

    private final JobOperator jobOperator;
    private final JobRepository jobRepository;
    private final Job briefingJob;
    private final Clock clock;
    private final Granularity defaultGranularity;
    private final BriefingRecreator recreator;
    private final JobRuns runs;

    public BriefingLauncher(JobOperator jobOperator, JobRepository jobRepository, Job briefingJob, Clock clock,
                            @Value("${briefing.default-granularity:weekly}") String defaultGranularity,
                            BriefingRecreator recreator, JobRuns runs) {
        this.recreator = recreator;
        this.runs = runs;
        this.jobOperator = jobOperator;
        this.jobRepository = jobRepository;
        this.briefingJob = briefingJob;
        this.clock = clock;
        this.defaultGranularity = Granularity.fromName(defaultGranularity);
    }

    public Outcome run(Optional<Period> requestedPeriod, Optional<Instant> asOf, Path input, Path reports) throws Exception {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        Period period = requestedPeriod.orElseGet(() -> Period.lastEndedBefore(LocalDate.now(clock), defaultGranularity));
        RunParameters fresh = new RunParameters(period, asOf.orElse(now), asOf.isPresent(), now, input, reports);
        warnOfUnfinished(period);
        warnOfEmpty(input);
        if (asOf.isPresent() && asOf.get().isBefore(period.end().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant())) {
            log.warn("The cutoff {} is before {} ended (on {}): this briefing is a preview, without what the ledger learnt"
                    + " after the cutoff.", asOf.get(), period.label(), period.end());
        }
        if (asOf.isPresent() && asOf.get().isAfter(now)) {
            log.warn("The cutoff {} is later than now: records loaded before it, from now on, would count on re-running it,"
                    + " so this briefing is reproducible only until the next records arrive (--verify then says it differs).",
                    asOf.get());
        }
        Optional<JobExecution> earlier = asOf.isPresent()
                ? Optional.ofNullable(jobRepository.getLastJobExecution(BriefingJobConfiguration.JOB, fresh.toJobParameters()))
                : lastRunWithoutCutoff(period);
        if (earlier.isPresent()) {
            JobExecution last = earlier.get();
            RunParameters original = RunParameters.from(last.getJobParameters());
            if (last.getStatus() == BatchStatus.COMPLETED) {
                if (asOf.isPresent() && !Files.exists(fresh.outputFolder().resolve(OutputFolder.MANIFEST))) {
                    // an auditor's re-run into another reports folder: the same files, from the same run
                    OutputFolder folder = new OutputFolder(fresh.outputFolder(), last.getJobInstance().getInstanceId());
                    recreator.recreate(last.getJobInstance(), folder);
                    folder.publish(recreator.fileNames());
                    log.info("Briefing {} (cutoff {}) written again to {} from run {}.", period.label(), original.cutoff(),
                            fresh.outputFolder(), last.getJobInstance().getInstanceId());
                    return Outcome.of(Result.REPORTED);
                }
                log.info("Period {} (cutoff {}) was already reported in {}: nothing to do.", period.label(),
                        original.cutoff(), original.outputFolder());
                if (!Files.exists(original.outputFolder().resolve(OutputFolder.MANIFEST))) {
                    log.warn("That folder no longer holds the briefing (moved or deleted?): scripts/briefing --period={}"
                            + " --as-of={} makes it again, with the same figures, under as-of-<cutoff>/ of the --reports folder.",
                            period.label(), original.cutoff());
                }
                return Outcome.of(Result.ALREADY_REPORTED);
            }
            if (last.getStatus().isRunning()) {
                // this process holds the run lock, so an execution still marked running was killed
                log.info("Execution {} of {} was left {} by a process that ended; marking it failed.", last.getId(),
                        period.label(), last.getStatus());
                last = jobOperator.recover(last);
            }
            long instanceId = last.getJobInstance().getInstanceId();
            boolean othersSince = runs.othersStartedSince(instanceId);
            if (othersSince && !original.explicitCutoff() && !completed(last, BriefingJobConfiguration.INGEST)) {
                // its records still to load would count as known at its cutoff, before runs that never saw them
                log.info("{} (cutoff {}) stopped in its ingest and other runs came after it: abandoning execution {} and"
                        + " reporting {} anew.", period.label(), original.cutoff(), last.getId(), period.label());
                jobOperator.abandon(last);
                return start(fresh);
            }
            // Records loaded now count as loaded now when other runs came after this one started (its cutoff, given,
            // leaves them out anyway). The folders stay the run's (the ingest resumes by file number and row, the later
            // steps from the files staged beside its reports folder), but for an input folder that is missing and a
            // reports folder its render step never completed in: those, this command's may correct.
            Path resumedInput = Files.isDirectory(original.input()) ? original.input() : fresh.input();
            Path resumedReports = completed(last, BriefingJobConfiguration.RENDER) ? original.reports() : fresh.reports();
            RunParameters resumed = new RunParameters(original.period(), original.cutoff(), original.explicitCutoff(),
                    othersSince ? now : original.ingestedAt(), resumedInput, resumedReports);
            if (Files.exists(resumed.outputFolder().resolve(OutputFolder.MANIFEST))) {
                log.info("{} already holds a briefing: nothing to do (it is never overwritten).", resumed.outputFolder());
                return Outcome.of(Result.ALREADY_REPORTED);
            }
            requireInput(resumed.input());
            log.info("Resuming {} (cutoff {}) from execution {}, which ended {}.", period.label(), original.cutoff(),
                    last.getId(), last.getStatus());
            return outcome(jobOperator.start(briefingJob, resumed.toJobParameters()));
        }
        return start(fresh);
    }

    private Outcome start(RunParameters run) throws Exception {
        if (Files.exists(run.outputFolder().resolve(OutputFolder.MANIFEST))) {
            log.info("{} already holds a briefing: nothing to do (it is never overwritten).", run.outputFolder());
            return Outcome.of(Result.ALREADY_REPORTED);
        }
        requireInput(run.input());
        Period period = run.period();
        log.info("Reporting {} ({} to {}) with cutoff {}.", period.label(), period.start(), period.end(), run.cutoff());
        return outcome(jobOperator.start(briefingJob, run.toJobParameters()));
    }

    /** Cron runs each period once: a period whose run did not finish waits for someone to run it again. */
    private void warnOfUnfinished(Period period) {
        for (String other : runs.unfinishedPeriods()) {
            if (!other.equals(period.label())) {
                log.warn("The run of {} did not finish; scripts/briefing --period={} reports it.", other, other);
            }
        }
    }

    /**
     * A run that will read its input folder needs one: a usage error, before a job is started that would fail and wait
     * to be resumed. A run that finds its period reported never reads it (a machine of a team may lack the share).
     */
    private static void requireInput(Path input) {
        if (!Files.isDirectory(input)) {
            throw new CommandLine.UsageException("--input: " + input
                    + (Files.exists(input) ? " is not a folder" : " does not exist") + "; give the folder of the *.csv claim files.");
        }
    }

    private static void warnOfEmpty(Path input) {
        try {
            if (Files.isDirectory(input) && InputFiles.list(input).isEmpty()) {
                log.warn("The input folder {} holds no *.csv file: the briefing shows only what the ledger knew already."
                        + " Is the folder the right one, or a share that is not mounted?", input);
            }
        } catch (IOException e) {
            // the run that reads it says why it cannot
        }
    }

    /** Whether the step {@code name} of {@code execution}'s run completed (in it or in an execution before it). */
    private boolean completed(JobExecution execution, String name) {
        StepExecution step = jobRepository.getLastStepExecution(execution.getJobInstance(), name);
        return step != null && step.getStatus() == BatchStatus.COMPLETED;
    }

    private Outcome outcome(JobExecution execution) {
        RunParameters run = RunParameters.from(execution.getJobParameters());
        if (execution.getStatus() != BatchStatus.COMPLETED) {
            String step = execution.getStepExecutions().stream().filter(s -> s.getStatus() != BatchStatus.COMPLETED)
                    .map(StepExecution::getStepName).findFirst().orElse("?");
            List<Throwable> failures = execution.getAllFailureExceptions();
            String why = failures.isEmpty() ? execution.getExitStatus().getExitCode() : FailureMessage.of(failures.get(0));
            why = why.endsWith(".") ? why.substring(0, why.length() - 1) : why;
            // the stack traces stay in the job repository (exit messages), and in the log at debug level
            failures.forEach(f -> log.debug("Step {} failed", step, f));
            String failure = why + " (step " + step + " of " + run.period().label() + "); run the same command again to resume.";
            log.error("Briefing {} {} in step {}: {}. Run the same command again to resume.", run.period().label(),
                    execution.getStatus(), step, why);
            return new Outcome(Result.FAILED, failure);
        }
        StepExecution ingest = jobRepository.getLastStepExecution(execution.getJobInstance(), BriefingJobConfiguration.INGEST);
        long rejected = ingest == null ? 0 : ingest.getExecutionContext().getLong(LedgerWriter.REJECTED, 0L);
        log.info("Briefing {} (cutoff {}) written to {}; {} input rows rejected.", run.period().label(), run.cutoff(),
                run.outputFolder(), rejected);
        return Outcome.of(rejected > 0 ? Result.REPORTED_WITH_REJECTIONS : Result.REPORTED);
    }

    /** The newest run of the period that used the default cutoff (the moment it started). */
    private Optional<JobExecution> lastRunWithoutCutoff(Period period) {
        return runs.lastRunsOf(period).stream().findFirst();
    }
}
