package briefing.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The run lock held in a shared PostgreSQL ledger: a session advisory lock, so that two machines
 * sharing one database never run at once, released by the server when the session ends, however
 * the process ends. On H2, a file database only one process can open, the file lock is enough.
 */
@Component
public class DatabaseLock implements AutoCloseable {

    /** An arbitrary constant naming the briefing job's lock among the database's advisory locks. */
    static final long KEY = 0x62726965666e67L;

    private final DataSource dataSource;
    private Connection held;

    public DatabaseLock(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Takes the lock, or returns false at once when another run holds it. */
    public boolean tryAcquire() throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
            connection.close();
            return true;
        }
        try (Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery("SELECT pg_try_advisory_lock(" + KEY + ")")) {
            result.next();
            if (result.getBoolean(1)) {
                held = connection;
                return true;
            }
        }
        connection.close();
        return false;
    }

    @Override
    public void close() throws SQLException {
        if (held != null) {
            try (Statement statement = held.createStatement()) {
                statement.execute("SELECT pg_advisory_unlock(" + KEY + ")");
            } finally {
                held.close();
                held = null;
            }
        }
    }
}
