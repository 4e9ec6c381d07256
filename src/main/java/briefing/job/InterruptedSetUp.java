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

    /**
     * Empties {@code dataSource}'s database if it is an H2 file database whose tables are all in its own schema and
     * all empty; says whether it did. {@code DROP ALL OBJECTS} drops every schema: a table in another one, or any row,
     * and the database is not the ledger's alone, or not new.
     */
    static boolean startOver(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            if (!"H2".equals(connection.getMetaData().getDatabaseProductName())
                    || !connection.getMetaData().getURL().toLowerCase(Locale.ROOT).contains(":h2:file:")) {
                return false;
            }
            List<String> tables = new ArrayList<>();
            try (ResultSet found = statement.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_SCHEMA = SCHEMA()"
                    + " FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA <> 'INFORMATION_SCHEMA'")) {
                while (found.next()) {
                    if (!found.getBoolean(3)) {
                        return false;
                    }
                    tables.add(quoted(found.getString(1)) + "." + quoted(found.getString(2)));
                }
            }
            for (String table : tables) {
                if (table.toLowerCase(Locale.ROOT).endsWith(".\"flyway_schema_history\"")) {
                    continue;
                }
                try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM " + table)) {
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

    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
