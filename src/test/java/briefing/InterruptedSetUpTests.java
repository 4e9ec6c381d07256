package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run killed while it made a new ledger's tables: the next run makes them anew, unless the database holds anything. */
class InterruptedSetUpTests {

    @TempDir
    Path work;

    @Test
    void shouldMakeANewLedgerAnewWhenItsFirstSetUpWasCutShort() throws SQLException {
        String url = cutShort(work.resolve("data"));

        assertThat(BriefingApplication.run(args(), Map.of())).isEqualTo(0);
        assertThat(work.resolve("reports/weekly/2025-W18/manifest.json")).exists();
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement();
             ResultSet failed = statement.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE NOT \"success\"")) {
            assertThat(failed.next()).isTrue();
            assertThat(failed.getLong(1)).isZero();
        }
    }

    @Test
    void shouldLeaveADatabaseThatHoldsAnythingAsItIs() throws SQLException {
        String url = cutShort(work.resolve("data"));
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("INSERT INTO claim_block (block_id) VALUES (1)");
        }

        assertThat(BriefingApplication.run(args(), Map.of())).isEqualTo(4);
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("SELECT COUNT(*) FROM claim_block")) {
            assertThat(kept.next()).isTrue();
            assertThat(kept.getLong(1)).isEqualTo(1);
        }
    }

    @Test
    void shouldLeaveADatabaseWithTablesInAnotherSchemaAsItIs() throws SQLException {
        String url = cutShort(work.resolve("data"));
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE SCHEMA other");
            statement.execute("CREATE TABLE other.kept (x INT)");
        }

        assertThat(BriefingApplication.run(args(), Map.of())).isEqualTo(4);
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement();
             ResultSet kept = statement.executeQuery("SELECT COUNT(*) FROM other.kept")) {
            assertThat(kept.next()).isTrue();
        }
    }

    /** A ledger migrated up to V2, with the first table of V3 made: as a run killed inside V3 leaves it on H2. */
    private static String cutShort(Path data) throws SQLException {
        String url = "jdbc:h2:file:" + data.resolve("ledger");
        Flyway.configure().dataSource(url, "sa", "").locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("2").load().migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", ""); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE claim_block (block_id BIGINT)");
        }
        return url;
    }

    private String[] args() {
        return new String[] {"--period=2025-W18", "--input=input", "--data=" + work.resolve("data"), "--reports=" + work.resolve("reports")};
    }
}
