package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class MigrateWhenBehindTests {

    @Test
    void shouldKnowTheNewestMigrationOfTheBuild() throws IOException {
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            List<String> versions = files.map(p -> p.getFileName().toString()).filter(n -> n.matches("V[0-9_]+__.*\\.sql"))
                    .map(n -> n.substring(1, n.indexOf("__")).replace('_', '.')).toList();
            String newest = versions.stream().max(Comparator.comparing(MigrateWhenBehindTests::sortable)).orElseThrow();

            assertThat(MigrateWhenBehind.NEWEST).isEqualTo(newest);
        }
    }

    @Test
    void shouldMigrateANewOrOlderSchemaAndLeaveACurrentOneAlone() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:migrate-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        Flyway older = Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .target("7").load();
        Flyway flyway = Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load();

        assertThat(MigrateWhenBehind.isCurrent(h2, "flyway_schema_history")).isFalse();
        older.migrate();
        assertThat(MigrateWhenBehind.isCurrent(h2, "flyway_schema_history")).isFalse();

        new MigrateWhenBehind().migrate(flyway);

        assertThat(jdbc.queryForList("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"version\" IS NOT NULL"
                + " ORDER BY \"installed_rank\"", String.class)).containsExactly("1", "2", "3", "4", "5", "6.1", "7", "8");
        assertThat(MigrateWhenBehind.isCurrent(h2, "flyway_schema_history")).isTrue();
        jdbc.update("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '3'");
        assertThat(MigrateWhenBehind.isCurrent(h2, "flyway_schema_history")).isFalse();
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
