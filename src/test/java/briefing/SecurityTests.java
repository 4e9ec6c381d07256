package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The cheap security checks of the configuration and the code: a file-only database, no credentials in code. */
class SecurityTests {

    @Test
    void shouldUseAFileOnlyH2DatabaseWithoutServerOrConsole() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BriefingApplication.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }

        // the default, when BRIEFING_DB_URL does not name a shared PostgreSQL server, is a local H2 file
        String url = properties.getProperty("spring.datasource.url");
        assertThat(url).isEqualTo("${BRIEFING_DB_URL:jdbc:h2:file:${briefing.data}/ledger}");
        assertThat(url.toUpperCase()).doesNotContain("AUTO_SERVER", "TCP", "SSL:", "MEM:");
        assertThat(properties.getProperty("spring.h2.console.enabled", "false")).isEqualTo("false");
        assertThat(properties.getProperty("spring.main.web-application-type")).isEqualTo("none");
        assertThat(properties.getProperty("spring.datasource.password")).isEqualTo("${BRIEFING_DB_PASSWORD:}");
    }

    @Test
    void shouldKeepDatabaseAddressesAndCredentialsOutOfTheCode() throws IOException {
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                assertThat(code).as(source.toString()).doesNotContain("jdbc:", "DriverManager", "setPassword", "password=");
            }
        }
    }
}
