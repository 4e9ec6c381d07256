package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.mock.env.MockEnvironment;

class DatabaseOpenedAheadTests {

    @TempDir
    Path data;

    @Test
    void shouldNeverMakeADatabaseThatIsMissing() throws Exception {
        DatabaseOpenedAhead ahead = DatabaseOpenedAhead.start(h2(data.resolve("ledger")));

        ahead.release();
        ahead.awaitClosed();

        assertThat(data.resolve("ledger.mv.db")).doesNotExist();
    }

    @Test
    void shouldHoldAnExistingDatabaseOpenUntilReleasedAndLeaveItAsItWas() throws Exception {
        String url = "jdbc:h2:file:" + data.resolve("ledger");
        try (Connection c = DriverManager.getConnection(url, "sa", ""); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE claim_block (block_id BIGINT PRIMARY KEY)");
            s.execute("INSERT INTO claim_block VALUES (7)");

            DatabaseOpenedAhead ahead = DatabaseOpenedAhead.start(h2(data.resolve("ledger")));
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (sessions(s) < 2 && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(sessions(s)).isEqualTo(2);
            ahead.release();
            ahead.awaitClosed();

            assertThat(sessions(s)).isEqualTo(1);
            try (ResultSet rs = s.executeQuery("SELECT block_id FROM claim_block")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(7);
                assertThat(rs.next()).isFalse();
            }
        }
    }

    private static long sessions(Statement s) throws Exception {
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM INFORMATION_SCHEMA.SESSIONS")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void shouldLeaveAnyOtherDatabaseToSpring() {
        MockEnvironment postgres = new MockEnvironment().withProperty("spring.datasource.url", "jdbc:postgresql://db.example/briefing");

        assertThat(DatabaseOpenedAhead.start(postgres)).isNull();
        assertThat(DatabaseOpenedAhead.start(new MockEnvironment())).isNull();
    }

    private static MockEnvironment h2(Path database) {
        return new MockEnvironment().withProperty("spring.datasource.url", "jdbc:h2:file:" + database)
                .withProperty("spring.datasource.username", "sa").withProperty("spring.datasource.password", "");
    }
}
