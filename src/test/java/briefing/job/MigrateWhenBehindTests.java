package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Flyway's migrate is skipped only for a schema whose history ends with the build's newest migration. */
class MigrateWhenBehindTests {

    private static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");

    @Test
    void shouldKnowTheNewestMigrationOfABuildThatHasVersionedMigrationsOnly() throws IOException {
        List<String> names;
        try (Stream<Path> files = Files.walk(MIGRATIONS)) {
            names = files.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
        }
        String newest = names.stream().filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.'))
                .max(Comparator.comparing(MigrateWhenBehindTests::sortable)).orElseThrow();

        assertThat(MigrateWhenBehind.NEWEST).isEqualTo(newest);
        // repeatable migrations and callbacks run even when no version is new: skipping migrate would skip them
        assertThat(names).allMatch(n -> n.matches("V[0-9_]+__.*\\.sql"));
    }

    @Test
    void shouldMigrateANewOrOlderSchemaAndLeaveACurrentOneAlone() {
        DataSource h2 = newDatabase();
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Flyway older = flyway(h2, "classpath:db/migration/common", "classpath:db/migration/h2").target("7").load();

        assertThat(MigrateWhenBehind.isCurrent(h2, null, "flyway_schema_history")).isFalse();
        older.migrate();
        assertThat(MigrateWhenBehind.isCurrent(h2, null, "flyway_schema_history")).isFalse();

        new MigrateWhenBehind().migrate(flyway(h2, "classpath:db/migration/common", "classpath:db/migration/h2").load());

        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"", String.class)).containsExactly("1", "2", "3", "4", "5", "6.1", "7", "8", "9");
        assertThat(MigrateWhenBehind.isCurrent(h2, null, "flyway_schema_history")).isTrue();
        assertThat(MigrateWhenBehind.isCurrent(h2, "PUBLIC", "flyway_schema_history")).isTrue();
        // Flyway itself would fail here: migration 1 is applied but not among these locations
        Flyway missingOne = flyway(h2, "classpath:db/migration/common").load();
        assertThatThrownBy(missingOne::migrate).isInstanceOf(FlywayException.class);
        new MigrateWhenBehind().migrate(missingOne);

        jdbc.update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
        assertThat(MigrateWhenBehind.isCurrent(h2, null, "flyway_schema_history")).isFalse();
    }

    private static DataSource newDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        return h2;
    }

    private static FluentConfiguration flyway(DataSource dataSource, String... locations) {
        return Flyway.configure().dataSource(dataSource).locations(locations);
    }

    /** "6.1" after "6" and before "10". */
    private static String sortable(String version) {
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%08d", Integer.parseInt(part)));
        }
        return key.toString();
    }
}
