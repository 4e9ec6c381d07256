package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

class LedgerRepositoryTests {

    @Test
    void shouldReadBackEveryDateAsStoredEvenBeforeTheGregorianCalendarBegan() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:ledger-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load().migrate();
        LedgerRepository ledger = new LedgerRepository(new JdbcTemplate(dataSource));
        Claim claim = new Claim("old-1", LocalDate.of(1582, 10, 10), "NIS", null, "DPRK forces in Russia", Metric.KILLED,
                300, 300, Qualifier.EXACT, Basis.CUMULATIVE, LocalDate.of(0, 1, 1), LocalDate.of(1, 1, 1), null, null, null);

        ledger.insertClaims(List.of(new LedgerRepository.NewClaim(claim, "claims.csv", 2)), Instant.EPOCH, 1);

        assertThat(ledger.findByIds(List.of("old-1")).get("old-1").claim()).isEqualTo(claim);
    }
}
