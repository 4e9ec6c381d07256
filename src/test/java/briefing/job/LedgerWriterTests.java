package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The index a writer makes when it opens, from the blocks stored before (as a run after an earlier one, or
 * a restarted one, does), decides as the index a writer keeps up to date while it stores blocks.
 */
class LedgerWriterTests {

    private static final Instant INGESTED = Instant.parse("2025-05-05T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 4, 30);

    @Test
    void shouldLoadTheSameClaimsAndRejectTheSameRowsWhetherTheIndexWasMadeAtOpenOrKeptUpToDate() {
        List<List<IngestOutcome>> chunks = List.of(
                rows(range("r", 0, 3000, 600)),
                rows(concat(range("r", 0, 1000, 600), range("r", 1000, 1100, 601), range("r", 3000, 6000, 600),
                        corrections(2000, 2100))),
                rows(concat(range("r", 3000, 4000, 600), range("r", 6000, 9000, 600))));

        Outcome oneWriter = ingest(List.of(chunks));
        Outcome writerPerChunk = ingest(chunks.stream().map(List::of).toList());

        assertThat(oneWriter.counts()).containsExactly(9100L, 2000L, 100L);
        // r1000..r1099 sent again with other values: rows 1,000 to 1,099 of the second chunk
        assertThat(oneWriter.rejections()).hasSize(100).allSatisfy(r -> assertThat(r.line()).isBetween(1002L, 1101L));
        assertThat(oneWriter.ledger()).hasSize(9100);
        // the corrections are in the ledger, and the records they correct
        assertThat(oneWriter.ledger()).extracting(Claim::recordId).contains("c2000", "c2099", "r2000", "r8999");
        assertThat(oneWriter.throughOfferedIndex()).hasSize(9100).containsAllEntriesOf(
                oneWriter.ledger().stream().collect(Collectors.toMap(Claim::recordId, c -> c)));
        assertThat(writerPerChunk).isEqualTo(oneWriter);
    }

    private record Outcome(List<Long> counts, List<Rejection> rejections, List<Claim> ledger, Map<String, Claim> throughOfferedIndex) {
    }

    /** Each writer opened in turn on the same ledger and execution context writes its chunks. */
    private static Outcome ingest(List<List<List<IngestOutcome>>> chunksByWriter) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        LedgerRepository repository = new LedgerRepository(new JdbcTemplate(h2));
        ExecutionContext context = new ExecutionContext();
        IndexHandOff handOff = new IndexHandOff();
        for (List<List<IngestOutcome>> chunks : chunksByWriter) {
            LedgerWriter writer = new LedgerWriter(repository, INGESTED, 1, handOff, 3);
            writer.open(context);
            for (List<IngestOutcome> rows : chunks) {
                // the step's items are batches of rows
                List<List<IngestOutcome>> batches = new ArrayList<>();
                for (int from = 0; from < rows.size(); from += InputRowReader.BATCH) {
                    batches.add(rows.subList(from, Math.min(rows.size(), from + InputRowReader.BATCH)));
                }
                writer.write(new Chunk<>(batches));
            }
            writer.update(context);
            writer.close();
        }
        List<Claim> ledger = new ArrayList<>();
        repository.forEachGroupKnownAt(INGESTED, group -> ledger.addAll(repository.completeClaims(group.claims(), Optional.empty()).values().stream()
                .sorted((a, b) -> a.recordId().compareTo(b.recordId())).toList()));
        // the index the last writer offers to the compute step of its job execution places every stored record
        Map<String, Claim> throughOfferedIndex = repository.completeClaims(ledger, Optional.of(handOff.take(3).orElseThrow()));
        return new Outcome(List.of(context.getLong(LedgerWriter.LOADED), context.getLong(LedgerWriter.ALREADY_IN_LEDGER),
                context.getLong(LedgerWriter.REJECTED)), repository.rejections(1), ledger, throughOfferedIndex);
    }

    private static List<Claim> range(String prefix, int from, int to, long value) {
        List<Claim> claims = new ArrayList<>();
        for (int i = from; i < to; i++) {
            claims.add(claim(prefix + i, "Source " + i % 3, value + i, null));
        }
        return claims;
    }

    /** New records that correct r{from}..r{to - 1}. */
    private static List<Claim> corrections(int from, int to) {
        List<Claim> claims = new ArrayList<>();
        for (int i = from; i < to; i++) {
            claims.add(claim("c" + i, "Source " + i % 3, 700 + i, "r" + i));
        }
        return claims;
    }

    private static Claim claim(String id, String source, long value, String supersedes) {
        return new Claim(id, DAY, source, null, "DPRK forces in Russia", Metric.KILLED, value, value, Qualifier.EXACT,
                Basis.CUMULATIVE, DAY, null, "https://example.org/" + id, supersedes, null);
    }

    @SafeVarargs
    private static List<Claim> concat(List<Claim>... parts) {
        List<Claim> all = new ArrayList<>();
        for (List<Claim> part : parts) {
            all.addAll(part);
        }
        return all;
    }

    private static List<IngestOutcome> rows(List<Claim> claims) {
        List<IngestOutcome> rows = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            rows.add(new IngestOutcome(claims.get(i), new InputRow("claims.csv", i + 2, new String[0], null), null));
        }
        return rows;
    }
}
