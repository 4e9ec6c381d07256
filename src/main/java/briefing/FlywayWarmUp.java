package briefing;

import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.slf4j.LoggerFactory;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.stereotype.Component;

/**
 * Makes a throwaway Flyway object on a thread of its own while Spring starts: the first one loads Flyway's
 * plugins and copies their settings through Jackson, some 0.2 s of classes loaded and set up. Boot's own
 * Flyway object, made later on the main thread, waits for it first ({@link #customize}), so that the two never
 * set up the same classes at once.
 */
@Component
class FlywayWarmUp implements FlywayConfigurationCustomizer {

    private static volatile Thread thread;

    static void startAhead() {
        startAhead(FlywayWarmUp::warmUp);
    }

    /** Starts {@code work} as the warm-up that Boot's Flyway waits for; returns its thread. */
    static Thread startAhead(Runnable work) {
        Thread warmUp = new Thread(work, "flyway-warm-up");
        warmUp.setDaemon(true);
        thread = warmUp;
        warmUp.start();
        return warmUp;
    }

    private static void warmUp() {
        try {
            Flyway.configure().load();
        } catch (RuntimeException | LinkageError e) {
            // only a head start: Boot's Flyway meets any real problem itself
            LoggerFactory.getLogger("briefing").debug("Warming up Flyway failed", e);
        }
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        Thread warmUp = thread;
        if (warmUp == null) {
            return;
        }
        try {
            warmUp.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
