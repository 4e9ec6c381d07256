package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.BriefingProcess;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import briefing.ledger.PackedClaims;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty launches of the same command at the same moment, as a mis-set cron or an impatient operator
 * would make them: exactly one runs, the others stop at the lock (or, started after it finished,
 * find the period reported), and the ledger and reports are as after a single run.
 */
class ConcurrentLaunchTests {

    private static final int LAUNCHES = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    // small heaps and a quick start: fifty JVMs on a small machine
    private static final List<String> JVM = List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    @TempDir
    Path work;

    @Test
    void shouldLetExactlyOneOfFiftySimultaneousLaunchesRunAndLeaveTheLedgerAndReportsAsAfterOneRun() throws Exception {
        Files.createDirectories(work.resolve("input"));
        Files.copy(Path.of("input/claims-2025-04-30.csv"), work.resolve("input/claims-2025-04-30.csv"));
        // a start gate: each launch waits on a named pipe, so that all fifty JVMs start together
        Path gate = work.resolve("gate");
        assertThat(RenderFaultTests.command("mkfifo", gate.toString())).isEqualTo(0);
        List<String> waitForGate = List.of("sh", "-c", "read go < \"$0\"; exec \"$@\"", gate.toString());

        List<BriefingProcess> launches = new ArrayList<>();
        for (int i = 0; i < LAUNCHES; i++) {
            launches.add(BriefingProcess.start(work, waitForGate, JVM, "--period=2025-W18"));
        }
        List<Integer> codes = new ArrayList<>();
        try (OutputStream open = Files.newOutputStream(gate)) {
            open.write("go\n".repeat(LAUNCHES).getBytes(StandardCharsets.US_ASCII));
            open.flush();
            for (BriefingProcess launch : launches) {
                codes.add(launch.exitCode(TIMEOUT));
            }
        }

        // then: one launch did the work
        List<Integer> workers = new ArrayList<>();
        for (int i = 0; i < LAUNCHES; i++) {
            String output = launches.get(i).output();
            if (output.contains("Reporting 2025-W18")) {
                workers.add(i);
                assertThat(codes.get(i)).as(output).isEqualTo(0);
            } else if (codes.get(i) == 5) {
                assertThat(output).contains("another run holds the lock");
            } else {
                assertThat(codes.get(i)).as(output).isEqualTo(0);
                assertThat(output).containsAnyOf("was already reported", "already holds a briefing");
            }
        }
        assertThat(workers).as("launches that ran the job").hasSize(1);
        assertThat(codes).as("exit codes").contains(5);

        // and the ledger and reports are those of one run
        assertThat(count("SELECT COALESCE(SUM(claims), 0) FROM claim_block")).isEqualTo(9);
        assertThat(storedRecordIds()).hasSize(9).doesNotHaveDuplicates();
        assertThat(count("SELECT COUNT(*) FROM batch_job_execution")).isEqualTo(1);
        try (Stream<Path> periods = Files.list(work.resolve("reports/weekly"))) {
            assertThat(periods.map(p -> p.getFileName().toString())).containsExactly("2025-W18");
        }
        try (Stream<Path> files = Files.list(work.resolve("reports/weekly/2025-W18"))) {
            assertThat(files.map(p -> p.getFileName().toString()).sorted())
                    .containsExactly("briefing.pdf", "briefing.xlsx", "changes.csv", "manifest.json", "rejected.csv");
        }
        BriefingProcess verify = BriefingProcess.start(work, "--verify=" + work.resolve("reports/weekly/2025-W18"));
        assertThat(verify.exitCode(TIMEOUT)).as(verify.output()).isEqualTo(0);
    }

    private List<String> storedRecordIds() throws SQLException {
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT subject, source, data FROM claim_block")) {
            while (rs.next()) {
                PackedClaims.unpack(rs.getBytes(3), rs.getString(1), rs.getString(2)).forEach(p -> ids.add(p.claim().recordId()));
            }
        }
        return ids;
    }

    private long count(String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
