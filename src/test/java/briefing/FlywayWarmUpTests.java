package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

class FlywayWarmUpTests {

    @Test
    void shouldLetBootsFlywayBeMadeOnlyOnceTheWarmUpIsDone() {
        Thread warmUp = FlywayWarmUp.startAhead(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        new FlywayWarmUp().customize(Flyway.configure());

        assertThat(warmUp.isAlive()).isFalse();
    }
}
