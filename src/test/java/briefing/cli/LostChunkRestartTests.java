package briefing.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import briefing.BriefingProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An embedded H2 killed with commits still in memory was seen (CrashRestartTests, once in some ten runs) to come
 * back with the ingest step's execution context of a chunk (rows read, counts) but without that chunk's blocks:
 * the resumed run went on after the chunk, and the briefing was made from 394,880 of 400,000 records. Here that
 * state is made on purpose: a run killed mid-ingest, then the blocks of its last committed chunk removed.
 */
class LostChunkRestartTests {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final int ROWS = 250_000;
    /** A chunk's claims go into one block per subject and source: 3 subjects by 8 sources in the generated input. */
    private static final int BLOCKS_PER_CHUNK = 24;

    @Test
    void shouldLoadAgainTheRowsOfAChunkTheDatabaseLostThoughItsStepContextSurvived(@TempDir Path root) throws Exception {
        Path input = Files.createDirectories(root.resolve("input"));
        CrashRestartTests.writeClaims(input.resolve("claims.csv"), ROWS);
        Path reference = Files.createDirectories(root.resolve("reference"));
        BriefingProcess uninterrupted = BriefingProcess.start(reference, args(input, reference));
        assertThat(uninterrupted.exitCode(TIMEOUT)).as(uninterrupted.output()).isEqualTo(0);

        Path work = Files.createDirectories(root.resolve("work"));
        // every commit written to the file at once (no write delay): the killed run leaves exactly what it committed
        BriefingProcess first = BriefingProcess.start(work,
                Map.of("BRIEFING_DB_URL", "jdbc:h2:file:" + work.resolve("data/ledger") + ";WRITE_DELAY=0"), args(input, work));
        assertThat(first.awaitLines("rows read, ", 2, TIMEOUT)).as(first.output()).isTrue();
        first.kill();
        int removed = removeTheLastCommittedChunk(work);
        assumeThat(removed).as("blocks of a committed chunk to remove").isEqualTo(BLOCKS_PER_CHUNK);

        BriefingProcess second = BriefingProcess.start(work, args(input, work));
        assertThat(second.exitCode(TIMEOUT)).as(second.output()).isEqualTo(0);
        assertThat(second.output()).contains("Resuming 2025-W18");
        assertThat(ledgerRows(work)).as(second.output()).isEqualTo(ROWS);
        for (String name : List.of("changes.csv", "rejected.csv", "manifest.json")) {
            assertThat(Files.readString(folder(work).resolve(name))).as("%s; resumed run:%n%s", name, second.output())
                    .isEqualTo(Files.readString(folder(reference).resolve(name)));
        }
    }

    /** Removes the blocks of the last chunk the killed run committed, from all three block tables, as H2 lost them. */
    private static int removeTheLastCommittedChunk(Path work) throws SQLException {
        try (Connection c = connect(work); Statement s = c.createStatement()) {
            String last = "SELECT block_id FROM claim_block ORDER BY block_id DESC FETCH FIRST " + BLOCKS_PER_CHUNK + " ROWS ONLY";
            int removed = 0;
            try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM claim_block")) {
                rs.next();
                if (rs.getLong(1) < 2L * BLOCKS_PER_CHUNK) {
                    return 0;
                }
            }
            List<Long> ids = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(last)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            String in = ids.toString().replace('[', '(').replace(']', ')');
            for (String table : List.of("claim_block", "claim_block_ids", "claim_block_texts")) {
                int n = s.executeUpdate("DELETE FROM " + table + " WHERE block_id IN " + in);
                if (table.equals("claim_block")) {
                    removed = n;
                }
            }
            return removed;
        }
    }

    private static long ledgerRows(Path work) throws SQLException {
        try (Connection c = connect(work);
             ResultSet rs = c.createStatement().executeQuery("SELECT COALESCE(SUM(claims), 0) FROM claim_block")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static Connection connect(Path work) throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + work.resolve("data/ledger"), "sa", "");
    }

    private static String[] args(Path input, Path work) {
        return new String[] {"--period=2025-W18", "--as-of=2099-01-01", "--input=" + input, "--data=" + work.resolve("data"),
                "--reports=" + work.resolve("reports")};
    }

    private static Path folder(Path work) {
        return work.resolve("reports/weekly/2025-W18/as-of-2099-01-01T000000Z");
    }
}
