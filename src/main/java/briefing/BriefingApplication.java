package briefing;

import briefing.cli.CommandLine;
import briefing.cli.DatabaseLock;
import briefing.cli.ExitCode;
import briefing.cli.FailureMessage;
import briefing.cli.LogFileNote;
import briefing.cli.RunLock;
import briefing.job.BriefingLauncher;
import briefing.job.BriefingVerifier;
import briefing.job.RunHistory;
import briefing.ledger.InputCheckCache;
import briefing.ledger.InputChecks;
import briefing.report.LibraryWarmUp;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TimeZone;
import org.slf4j.LoggerFactory;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * The briefing batch job's entry point: parses the command line, takes the run lock, then starts
 * Spring and lets {@link BriefingLauncher} run the period. The exit code is the documented one of
 * {@link ExitCode}, whatever happened.
 */
// A one-shot command: no task executors or schedulers, SSL bundles, availability state, build info, SQL
// init scripts (Flyway makes the schema), JdbcClient, or @Repository exception translation (JdbcTemplate
// translates already). Each bean costs start-up time in every run: with MigrateWhenBehind, 0.3 s a run
// (measured on the development machine). Nor @Transactional proxies (no bean of the job has the annotation:
// Spring Batch wraps its repository and operator in transactions itself, and the steps run in the step's
// transaction), whose creator looked for the annotation on every method of every bean; nor the customizers of
// the transaction manager, the lifecycle processor's properties, Boot's job runner (spring.batch.job.enabled
// is off) or Batch's observations: with these six, Spring started 0.05-0.13 s sooner (medians of twelve
// interleaved runs). A test checks that each name is still an auto-configuration.
@SpringBootApplication(excludeName = {
        "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
        "org.springframework.boot.autoconfigure.task.TaskSchedulingAutoConfiguration",
        "org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration",
        "org.springframework.boot.autoconfigure.availability.ApplicationAvailabilityAutoConfiguration",
        "org.springframework.boot.autoconfigure.info.ProjectInfoAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceInitializationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.persistence.autoconfigure.PersistenceExceptionTranslationAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration",
        "org.springframework.boot.autoconfigure.aop.AopAutoConfiguration",
        "org.springframework.boot.transaction.autoconfigure.TransactionManagerCustomizationAutoConfiguration",
        "org.springframework.boot.autoconfigure.context.LifecycleAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.BatchJobLauncherAutoConfiguration",
        "org.springframework.boot.batch.autoconfigure.observation.BatchObservationAutoConfiguration"})
public class BriefingApplication {

    public static void main(String[] args) {
        // periods, cutoffs and the job repository's times are all UTC, whatever the machine's zone
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        // and the files the same bytes whatever its locale: libraries format numbers in the default one (under ar-SA,
        // OpenPDF wrote the PDF's table of offsets in Arabic-Indic digits, cut to bytes: a broken file)
        Locale.setDefault(Locale.ENGLISH);
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        CommandLine cli;
        try {
            cli = CommandLine.parse(args, env);
        } catch (CommandLine.UsageException e) {
            System.err.println("briefing: " + e.getMessage() + " (see --help)");
            return ExitCode.USAGE.code();
        }
        if (cli.help()) {
            System.out.print(CommandLine.usage());
            return ExitCode.DONE.code();
        }
        try {
            Optional<RunLock> lock = RunLock.tryAcquire(cli.data());
            if (lock.isEmpty()) {
                Path lockFile = cli.data().resolve("briefing.lock");
                System.err.println("briefing: another run holds the lock " + lockFile + "; nothing was touched.");
                LogFileNote.warn(LogFileNote.logFileOf(cli.data()), Instant.now(),
                        "Another run holds the lock " + lockFile + "; nothing was touched.");
                return ExitCode.LOCKED.code();
            }
            try (RunLock held = lock.get()) {
                if (cli.verify().isEmpty() && !cli.history()) {
                    // the input files are hashed while Spring starts
                    InputChecks.startAhead(cli.input(), InputCheckCache.in(cli.data()));
                }
                SpringApplicationBuilder application = new SpringApplicationBuilder(BriefingApplication.class);
                StartAhead ahead = new StartAhead();
                if (!cli.history()) {
                    application.listeners(ahead);
                }
                ConfigurableApplicationContext context;
                try {
                    context = application.run("--briefing.data=" + cli.data());
                } finally {
                    ahead.release();
                }
                DatabaseLock databaseLock = context.getBean(DatabaseLock.class);
                if (!databaseLock.tryAcquire()) {
                    LoggerFactory.getLogger("briefing").warn("Another run holds the lock in the shared database; nothing was touched.");
                    System.err.println("briefing: another run holds the lock in the shared database; nothing was touched.");
                    return SpringApplication.exit(context, ExitCode.LOCKED::code);
                }
                if (cli.verify().isPresent()) {
                    return SpringApplication.exit(context, verify(context.getBean(BriefingVerifier.class), cli.verify().get())::code);
                }
                if (cli.history()) {
                    context.getBean(RunHistory.class).print(System.out, 50);
                    return SpringApplication.exit(context, ExitCode.DONE::code);
                }
                BriefingLauncher.Outcome outcome;
                try {
                    outcome = context.getBean(BriefingLauncher.class).run(cli.period(), cli.asOf(), cli.input(), cli.reports());
                } catch (CommandLine.UsageException e) {
                    LoggerFactory.getLogger("briefing").warn("{}", e.getMessage());
                    System.err.println("briefing: " + e.getMessage() + " (see --help)");
                    return SpringApplication.exit(context, ExitCode.USAGE::code);
                }
                InputChecks.saveCache();
                if (outcome.failure() != null) {
                    System.err.println("briefing: the run failed: " + outcome.failure());
                }
                ExitCode code = exitCode(outcome.result());
                return SpringApplication.exit(context, code::code);
            }
        } catch (SpringApplication.AbandonedRunException e) {
            throw e; // the build's ahead-of-time processing stops the run here, once the context is prepared
        } catch (Exception e) {
            // in the log file too, once Spring has set logging up (a database that cannot be opened fails its start)
            LoggerFactory.getLogger("briefing").error("The run failed: {}", FailureMessage.of(e));
            LoggerFactory.getLogger("briefing").debug("The run failed", e);
            System.err.println("briefing: the run failed: " + FailureMessage.of(e));
            return ExitCode.FAILED.code();
        }
    }

    private static ExitCode verify(BriefingVerifier verifier, Path folder) throws IOException {
        List<String> differing = verifier.verify(folder);
        LoggerFactory.getLogger("briefing").info("verify {}: {}", folder,
                differing.isEmpty() ? "every file matches its re-creation" : "differing " + String.join(", ", differing));
        if (differing.isEmpty()) {
            System.out.println("verify: every file of " + folder + " matches its re-creation.");
            return ExitCode.DONE;
        }
        System.out.println("verify: these files of " + folder + " differ from their re-creation: " + String.join(", ", differing));
        return ExitCode.VERIFY_MISMATCH;
    }

    private static ExitCode exitCode(BriefingLauncher.Result result) {
        return switch (result) {
            case REPORTED, ALREADY_REPORTED -> ExitCode.DONE;
            case REPORTED_WITH_REJECTIONS -> ExitCode.DONE_WITH_REJECTIONS;
            case FAILED -> ExitCode.FAILED;
        };
    }

    /**
     * Starts opening the database and the report libraries once Spring has prepared its environment and set up
     * logging (its listener runs first, on this event): POI's loggers, made on the warm-up thread while SLF4J was
     * still starting on the main one, had SLF4J print a warning about replayed logging calls on standard error.
     */
    private static final class StartAhead implements ApplicationListener<ApplicationEnvironmentPreparedEvent> {

        private DatabaseOpenedAhead database;

        @Override
        public void onApplicationEvent(ApplicationEnvironmentPreparedEvent event) {
            database = DatabaseOpenedAhead.start(event.getEnvironment());
            FlywayWarmUp.startAhead();
            LibraryWarmUp.startAhead();
        }

        /** Once Spring has started: its pool has connected to the database. */
        void release() {
            if (database != null) {
                database.release();
            }
        }
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
