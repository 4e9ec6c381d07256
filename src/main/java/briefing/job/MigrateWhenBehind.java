package briefing.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.stereotype.Component;

/**
 * How Boot's Flyway migrates the schema at start-up: as Boot does ({@code flyway.migrate()}), unless the
 * schema history already ends with this build's newest migration, every one of them successful. Flyway's
 * migrate first lists and validates every migration of the build against the history, which took about
 * 0.1 s of each run on the development machine and finds nothing to do in all but the first run after an
 * upgrade. The history is read with two queries; any doubt (no history table, a failed migration, an
 * older or newer version) leaves the decision to Flyway. What this skips is validation, so it holds only
 * while the build has versioned migrations alone, never edited once released (no repeatable {@code R__}
 * migrations and no callbacks: a test checks).
 */
@Component
class MigrateWhenBehind implements FlywayMigrationStrategy {

    /** The version of the newest migration under {@code db/migration} (checked by a test). */
    static final String NEWEST = "9";

    @Override
    public void migrate(Flyway flyway) {
        DataSource dataSource = flyway.getConfiguration().getDataSource();
        if (isCurrent(dataSource, flyway.getConfiguration().getDefaultSchema(), flyway.getConfiguration().getTable())) {
            return;
        }
        try {
            flyway.migrate();
        } catch (FlywayException e) {
            if (!InterruptedSetUp.startOver(dataSource)) {
                throw e;
            }
            flyway.migrate();
        }
    }

    /** Whether the history ({@code table}, in {@code schema} or, when null, the connection's) ends with {@link #NEWEST}. */
    static boolean isCurrent(DataSource dataSource, String schema, String table) {
        String history = (schema == null ? "" : quoted(schema) + ".") + quoted(table);
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            try (ResultSet failed = statement.executeQuery("SELECT COUNT(*) FROM " + history + " WHERE NOT \"success\"")) {
                if (!failed.next() || failed.getLong(1) != 0) {
                    return false;
                }
            }
            try (ResultSet last = statement.executeQuery("SELECT \"version\" FROM " + history
                    + " WHERE \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
                return last.next() && NEWEST.equals(last.getString(1));
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
