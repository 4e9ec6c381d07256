package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.BriefingProcess;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * kill -9 during a step, then the same command again: the run resumes, loads no record twice, and
 * writes the same bytes as a run that was never interrupted. Separate JVMs, as cron would start them.
 */
class CrashRestartTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final String AS_OF = "--as-of=2099-01-01";
    private static final int ROWS = 400_000;

    @TempDir
    static Path shared;

    private static Path input;
    private static Path reference;

    @BeforeAll
    static void generateInputAndAnUninterruptedRun() throws Exception {
        input = Files.createDirectories(shared.resolve("input"));
        writeClaims(input.resolve("claims.csv"), ROWS);
        Path work = Files.createDirectories(shared.resolve("uninterrupted"));
        BriefingProcess run = BriefingProcess.start(work, args(work));
        assertThat(run.exitCode(TIMEOUT)).as(run.output()).isEqualTo(0);
        reference = folder(work);
    }

    /**
     * Killed mid-ingest after the third progress line, not the first: H2 keeps the last half second of
     * commits in memory (its write delay), and a run killed before anything reached the file starts
     * afresh rather than resuming, which is right but not what this tests.
     */
    @ParameterizedTest
    @CsvSource({"'rows read, ', 3", "step ingest COMPLETED, 1", "step compute COMPLETED, 1"})
    void shouldResumeAfterAKillAndWriteTheSameBytes(String killAfterLine, int occurrences, @TempDir Path work)
            throws Exception {
        BriefingProcess first = BriefingProcess.start(work, args(work));
        assertThat(first.awaitLines(killAfterLine, occurrences, TIMEOUT)).as(first.output()).isTrue();
        first.kill();

        BriefingProcess second = BriefingProcess.start(work, args(work));

        assertThat(second.exitCode(TIMEOUT)).as(second.output()).isEqualTo(0);
        assertThat(second.output()).contains("Resuming 2025-W18");
        // first: a ledger that lost rows makes every file differ, and this says why
        assertThat(ledgerRows(work)).as("records in the ledger; resumed run:%n%s", second.output()).isEqualTo(ROWS);
        for (String name : List.of("changes.csv", "rejected.csv", "manifest.json")) {
            // compared as text (UTF-8, so equal bytes): a failure shows the lines that differ, and both runs' output
            assertThat(Files.readString(folder(work).resolve(name)))
                    .as("%s after a kill at \"%s\"; killed run:%n%s%nresumed run:%n%s", name, killAfterLine, first.output(),
                            second.output())
                    .isEqualTo(Files.readString(reference.resolve(name)));
        }
        try (Stream<Path> files = Files.list(folder(work))) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.startsWith("."));
        }
    }

    private static String[] args(Path work) {
        return new String[] {"--period=2025-W18", AS_OF, "--input=" + input, "--data=" + work.resolve("data"),
                "--reports=" + work.resolve("reports")};
    }

    private static Path folder(Path work) {
        return work.resolve("reports/weekly/2025-W18/as-of-2099-01-01T000000Z");
    }

    private static long ledgerRows(Path work) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "");
             ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(SUM(claims), 0) FROM claim_block")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void writeClaims(Path file, int rows) throws IOException {
        Random random = new Random(7);
        String[] metrics = {"deployed", "killed", "wounded", "casualties"};
        LocalDate start = LocalDate.of(2024, 6, 1);
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("record_id,reported_on,source,subject,metric,value_low,value_high\n");
            for (int i = 0; i < rows; i++) {
                int low = random.nextInt(10_000);
                out.write("r" + i + "," + start.plusDays(random.nextInt(330)) + ",Source " + random.nextInt(8)
                        + ",Force " + random.nextInt(3) + "," + metrics[random.nextInt(metrics.length)] + "," + low
                        + "," + (low + random.nextInt(500)) + "\n");
            }
        }
    }
}
