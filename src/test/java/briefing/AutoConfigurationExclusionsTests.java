package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Boot ignores an excluded name that is no class at all: after a rename in Boot, the exclusion would quietly stop. */
class AutoConfigurationExclusionsTests {

    @Test
    void shouldExcludeAutoConfigurationsThatExist() throws ClassNotFoundException {
        String[] excluded = BriefingApplication.class.getAnnotation(SpringBootApplication.class).excludeName();

        assertThat(excluded).hasSize(14);
        for (String name : excluded) {
            assertThat(Class.forName(name).isAnnotationPresent(AutoConfiguration.class)).as(name).isTrue();
        }
    }
}
