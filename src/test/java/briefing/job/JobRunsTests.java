package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.period.Period;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.job.parameters.JobParameters;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/** The runs found by a query on the job repository's tables: the same as reading every instance's last execution. */
@SpringBatchTest
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:briefing-job-tests;DB_CLOSE_DELAY=-1",
        "briefing.data=target/briefing-job-tests"})
class JobRunsTests {

    @Autowired
    private JobRepository jobRepository;

    @Autowired
    private JobRepositoryTestUtils jobRepositoryTestUtils;

    @Autowired
    private JobRuns runs;

    private final List<Long> created = new ArrayList<>();

    /** One execution made here (a method of this class that returns a JobExecution is taken by @SpringBatchTest). */
    private record Run(JobExecution execution) {
        long id() {
            return execution.getId();
        }
    }

    @BeforeEach
    @AfterEach
    void emptyJobRepository() {
        jobRepositoryTestUtils.removeJobExecutions();
    }

    @Test
    void shouldFindTheLastRunOfEachInstanceOfThePeriodNewestFirst() {
        Run w17 = run("2025-W17", "2025-04-28T06:00:00Z", false, BatchStatus.COMPLETED);
        Run w18Failed = run("2025-W18", "2025-05-05T06:00:00Z", false, BatchStatus.FAILED);
        Run w18Restarted = runAgain(w18Failed, BatchStatus.COMPLETED);
        run("2025-W18", "2025-05-01T00:00:00Z", true, BatchStatus.COMPLETED);
        Run w18Again = run("2025-W18", "2025-05-12T06:00:00Z", false, BatchStatus.COMPLETED);
        run("2025-04", "2025-05-01T06:00:00Z", false, BatchStatus.COMPLETED);

        assertThat(ids(runs.lastRunsOf(Period.parse("2025-W18")))).containsExactly(w18Again.id(), w18Restarted.id());
        assertThat(ids(runs.lastRunsOf(Period.parse("2025-W17")))).containsExactly(w17.id());
        assertThat(runs.lastRunsOf(Period.parse("2025-W19"))).isEmpty();
        for (String label : List.of("2025-W17", "2025-W18", "2025-W19", "2025-04")) {
            assertThat(ids(runs.lastRunsOf(Period.parse(label)))).as(label).containsExactlyElementsOf(ids(everyInstanceRead(label)));
        }
    }

    @Test
    void shouldFindTheCutoffsOfThePeriodsInstancesWhoseLastRunCompleted() {
        run("2025-W17", "2025-04-28T06:00:00Z", false, BatchStatus.COMPLETED);
        Run w18Failed = run("2025-W18", "2025-05-05T06:00:00Z", false, BatchStatus.FAILED);
        runAgain(w18Failed, BatchStatus.COMPLETED);
        run("2025-W18", "2025-05-01T00:00:00Z", true, BatchStatus.COMPLETED);
        run("2025-W18", "2025-05-12T06:00:00Z", false, BatchStatus.COMPLETED);
        Run w18Stopped = run("2025-W18", "2025-05-19T06:00:00Z", false, BatchStatus.COMPLETED);
        runAgain(w18Stopped, BatchStatus.FAILED);
        run("2025-W18", "2025-05-26T06:00:00Z", false, BatchStatus.STOPPED);
        run("2025-04", "2025-05-01T06:00:00Z", false, BatchStatus.COMPLETED);

        assertThat(runs.completedCutoffsOf(Period.parse("2025-W18")))
                .containsExactlyInAnyOrder(Instant.parse("2025-05-05T06:00:00Z"), Instant.parse("2025-05-12T06:00:00Z"));
        for (String label : List.of("2025-W17", "2025-W18", "2025-W19", "2025-04")) {
            assertThat(runs.completedCutoffsOf(Period.parse(label))).as(label).containsExactlyInAnyOrderElementsOf(
                    everyInstanceRead(label).stream().filter(e -> e.getStatus() == BatchStatus.COMPLETED)
                            .map(e -> RunParameters.from(e.getJobParameters()).cutoff()).toList());
        }
    }

    @Test
    void shouldListTheLatestExecutionsFirst() {
        Run failed = run("2025-W18", "2025-05-05T06:00:00Z", false, BatchStatus.FAILED);
        run("2025-W19", "2025-05-12T06:00:00Z", false, BatchStatus.COMPLETED);
        runAgain(failed, BatchStatus.COMPLETED);
        run("2025-W20", "2025-05-19T06:00:00Z", false, BatchStatus.COMPLETED);

        List<Long> newestFirst = created.stream().sorted(Comparator.reverseOrder()).toList();
        assertThat(ids(runs.latest(3))).containsExactlyElementsOf(newestFirst.subList(0, 3));
        assertThat(ids(runs.latest(10))).containsExactlyElementsOf(newestFirst);
        assertThat(runs.latest(0)).isEmpty();
    }

    /** What the job did before: the last execution of every instance, newest first, kept when it ran the period. */
    private List<JobExecution> everyInstanceRead(String label) {
        return jobRepository.findJobInstances(BriefingJobConfiguration.JOB).stream()
                .sorted(Comparator.comparingLong(JobInstance::getInstanceId).reversed())
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && label.equals(e.getJobParameters().getString(RunParameters.PERIOD))
                        && "false".equals(e.getJobParameters().getString(RunParameters.EXPLICIT_CUTOFF)))
                .toList();
    }

    private Run run(String label, String cutoff, boolean explicitCutoff, BatchStatus status) {
        JobParameters parameters = new RunParameters(Period.parse(label), Instant.parse(cutoff), explicitCutoff,
                Instant.parse(cutoff), Path.of("input"), Path.of("reports")).toJobParameters();
        JobInstance instance = jobRepository.createJobInstance(BriefingJobConfiguration.JOB, parameters);
        return execution(instance, parameters, status);
    }

    private Run runAgain(Run earlier, BatchStatus status) {
        return execution(earlier.execution().getJobInstance(), earlier.execution().getJobParameters(), status);
    }

    private Run execution(JobInstance instance, JobParameters parameters, BatchStatus status) {
        JobExecution execution = jobRepository.createJobExecution(instance, parameters, new ExecutionContext());
        execution.setStatus(status);
        jobRepository.update(execution);
        created.add(execution.getId());
        return new Run(execution);
    }

    private static List<Long> ids(List<JobExecution> executions) {
        return executions.stream().map(JobExecution::getId).toList();
    }
}
