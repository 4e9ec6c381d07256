package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.BriefingProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;

/**
 * The ledger and job repository on a real PostgreSQL server (started by .ci/run through
 * scripts/test-postgres, which sets BRIEFING_TEST_PG_URL): the same figures and bytes as on H2, and
 * the lock held in the database across machines. Each test gets a database of its own.
 */
@EnabledIfEnvironmentVariable(named = "BRIEFING_TEST_PG_URL", matches = "jdbc:postgresql:.*")
class PostgresTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final AtomicInteger DATABASES = new AtomicInteger();

    @TempDir
    Path work;

    private Map<String, String> database;

    @BeforeEach
    void createDatabase() throws SQLException {
        String server = System.getenv("BRIEFING_TEST_PG_URL");
        String name = "briefing_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(server, "briefing", ""); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        database = Map.of("BRIEFING_DB_URL", server.substring(0, server.lastIndexOf('/') + 1) + name,
                "BRIEFING_DB_USER", "briefing", "BRIEFING_DB_PASSWORD", "");
    }

    @Test
    void shouldWriteTheSameBriefingOnPostgresAsOnH2() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), input.resolve("claims-2025-04-30.csv"));
        String[] args = {"--period=2025-W18", "--as-of=2099-01-01"};

        BriefingProcess onPostgres = BriefingProcess.start(work, database, withData(args, "pg"));
        assertThat(onPostgres.exitCode(TIMEOUT)).as(onPostgres.output()).isEqualTo(0);
        BriefingProcess onH2 = BriefingProcess.start(work, Map.of(), withData(args, "h2"));
        assertThat(onH2.exitCode(TIMEOUT)).as(onH2.output()).isEqualTo(0);

        Path pg = work.resolve("pg-reports/weekly/2025-W18/as-of-2099-01-01T000000Z");
        Path h2 = work.resolve("h2-reports/weekly/2025-W18/as-of-2099-01-01T000000Z");
        for (String name : List.of("changes.csv", "rejected.csv", "briefing.xlsx", "briefing.pdf", "manifest.json")) {
            assertThat(Files.readAllBytes(pg.resolve(name))).as(name).isEqualTo(Files.readAllBytes(h2.resolve(name)));
        }
        assertThat(Files.readString(pg.resolve("changes.csv")))
                .contains("killed,NIS (South Korea),false,600,600,300,300,300,300,100.0,new,nis-2025-04-30-killed");
    }

    @Test
    void shouldNotRunWhileAnotherMachineHoldsTheLockInTheSharedDatabase() throws Exception {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), input.resolve("claims-2025-04-30.csv"));
        // The other machine is this test's own session: it holds the job's advisory lock, as a run there would.
        // Separate data folders, so no file lock is shared: only the database can keep the two apart.
        try (Connection otherMachine = DriverManager.getConnection(database.get("BRIEFING_DB_URL"), "briefing", "");
             Statement statement = otherMachine.createStatement()) {
            statement.execute("SELECT pg_advisory_lock(" + DatabaseLock.KEY + ")");

            BriefingProcess refused = BriefingProcess.start(work, database, withData(new String[] {"--period=2025-W18"}, "b"));

            assertThat(refused.exitCode(TIMEOUT)).as(refused.output()).isEqualTo(5);
            assertThat(refused.output()).contains("another run holds the lock in the shared database");
            assertThat(work.resolve("b-reports/weekly/2025-W18")).doesNotExist();
        }
        // the session ended, and with it the lock, as when the other machine's run ends (or dies)
        BriefingProcess next = BriefingProcess.start(work, database, withData(new String[] {"--period=2025-W18"}, "b"));
        assertThat(next.exitCode(TIMEOUT)).as(next.output()).isEqualTo(0);
        assertThat(work.resolve("b-reports/weekly/2025-W18/manifest.json")).exists();
        BriefingProcess again = BriefingProcess.start(work, database, withData(new String[] {"--period=2025-W18"}, "a"));
        assertThat(again.exitCode(TIMEOUT)).as(again.output()).isEqualTo(0);
        assertThat(again.output()).contains("already reported");
        // the runs, as the shared job repository lists them for either machine
        BriefingProcess history = BriefingProcess.start(work, database, withData(new String[] {"--history"}, "a"));
        assertThat(history.exitCode(TIMEOUT)).as(history.output()).isEqualTo(0);
        assertThat(history.output()).containsPattern("\\d+ +2025-W18 +\\S+\\* +COMPLETED ");
    }

    private String[] withData(String[] args, String machine) {
        String[] all = new String[args.length + 2];
        System.arraycopy(args, 0, all, 0, args.length);
        all[args.length] = "--data=" + work.resolve(machine + "-data");
        all[args.length + 1] = "--reports=" + work.resolve(machine + "-reports");
        return all;
    }
}
