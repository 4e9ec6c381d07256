package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.AnnotatedElement;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.transaction.annotation.Transactional;

class AutoConfigurationExclusionsTests {

    /** Boot ignores an excluded name that is no class at all: after a rename in Boot, the exclusion would quietly stop. */
    @Test
    void shouldExcludeAutoConfigurationsThatExist() throws ClassNotFoundException {
        String[] excluded = BriefingApplication.class.getAnnotation(SpringBootApplication.class).excludeName();

        assertThat(excluded).hasSize(14);
        for (String name : excluded) {
            assertThat(Class.forName(name).isAnnotationPresent(AutoConfiguration.class)).as(name).isTrue();
        }
    }

    /** Without Boot's transaction auto-configuration nothing reads the annotation: it would quietly do nothing. */
    @Test
    void shouldHaveNoTransactionalAnnotationInTheJobsClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        Path classes = Path.of(BriefingApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> annotated = new ArrayList<>();
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.map(classes::relativize).map(Path::toString).filter(name -> name.endsWith(".class"))
                    .map(name -> name.substring(0, name.length() - ".class".length()).replace('/', '.')).toList();
        }
        for (String name : names) {
            Class<?> type = Class.forName(name, false, getClass().getClassLoader());
            List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredMethods()));
            elements.add(type);
            elements.stream().filter(element -> element.isAnnotationPresent(Transactional.class))
                    .forEach(element -> annotated.add(element.toString()));
        }

        assertThat(names).contains("briefing.job.BriefingLauncher", "briefing.ledger.LedgerRepository");
        assertThat(annotated).isEmpty();
    }
}
