package briefing.job;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An embedded H2 database whose first set-up was cut short (the run killed while the migrations ran): H2 commits
 * each table as it makes it, so the next run found tables its migration makes again and failed, then failed every
 * run after on the failed migration in the history. A database that holds no record and no run yet is made anew
 * instead; one that holds anything is left as it is, for its owner to look at. PostgreSQL makes a migration's
 * tables in its transaction, and keeps or drops them whole.
 */
final class InterruptedSetUp {

    private static final Logger log = LoggerFactory.getLogger("briefing");

    private InterruptedSetUp() {
    }

    /** Empties {@code dataSource}'s database if it is an H2 one with nothing in its tables; says whether it did. */
    static boolean startOver(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())) {
                return false;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_SCHEMA = SCHEMA() AND TABLE_TYPE = 'BASE TABLE'")) {
                while (found.next()) {
                    tables.add(found.getString(1));
                }
            }
            for (String table : tables) {
                if (table.toLowerCase(Locale.ROOT).equals("flyway_schema_history")) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM \"" + table.replace("\"", "\"\"") + "\"")) {
                    if (rows.next() && rows.getLong(1) > 0) {
                        return false;
                    }
                }
            }
            log.warn("The database's first set-up was cut short and it holds no record and no run yet: making it anew.");
            statement.execute("DROP ALL OBJECTS");
            return true;
        } catch (SQLException e) {
            log.debug("Looking at a database whose migration failed", e);
            return false;
        }
    }
}
