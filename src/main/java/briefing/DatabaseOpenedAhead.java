package briefing;

import java.sql.Connection;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.jdbc.DatabaseDriver;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * Opens an embedded H2 ledger that exists already, on a thread of its own while Spring starts, and keeps it
 * open until {@link #release}d, once Spring's own pool has connected and found the database open: H2 reads its
 * schema and sets itself up when a file is first opened, some 0.2-0.3 s whatever the ledger's size. Never makes
 * a database: a missing one is left to the migrations.
 */
final class DatabaseOpenedAhead {

    private final CountDownLatch released = new CountDownLatch(1);
    private final Thread thread;

    private DatabaseOpenedAhead(DataSource dataSource) {
        thread = new Thread(() -> holdOpen(dataSource), "database-open");
        thread.setDaemon(true);
    }

    /** Starts opening the database of {@code spring.datasource.url} when it is an H2 one; does nothing for any other. */
    static DatabaseOpenedAhead start(Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || DatabaseDriver.fromJdbcUrl(url) != DatabaseDriver.H2) {
            return null;
        }
        DataSource dataSource = DataSourceBuilder.create().type(SimpleDriverDataSource.class).url(url + ";IFEXISTS=TRUE")
                .username(environment.getProperty("spring.datasource.username"))
                .password(environment.getProperty("spring.datasource.password")).build();
        DatabaseOpenedAhead ahead = new DatabaseOpenedAhead(dataSource);
        ahead.thread.start();
        return ahead;
    }

    private void holdOpen(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            released.await();
        } catch (Exception e) {
            // only a head start: Spring's pool meets any real problem itself
            LoggerFactory.getLogger("briefing").debug("Opening the database ahead failed", e);
        }
    }

    /** Lets the database go: H2 closes it if no other connection is open. */
    void release() {
        released.countDown();
    }

    /** Waits until the connection opened ahead is closed, after {@link #release}. */
    void awaitClosed() throws InterruptedException {
        thread.join();
    }
}
