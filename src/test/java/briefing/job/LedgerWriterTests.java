package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.IdIndex;
import briefing.ledger.IdIndexFile;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The index a writer makes when it opens, from the blocks stored before (as a run after an earlier one, or
 * a restarted one, does), or reads from the file the writer before it kept, decides as the index a writer
 * keeps up to date while it stores blocks.
 */
class LedgerWriterTests {

    @TempDir
    Path data;

    private static final Instant INGESTED = Instant.parse("2025-05-05T06:00:00Z");
    private static final LocalDate DAY = LocalDate.of(2025, 4, 30);

    @Test
    void shouldLoadTheSameClaimsAndRejectTheSameRowsWhetherTheIndexWasMadeAtOpenReadOrKeptUpToDate() throws IOException {
        List<List<IngestOutcome>> chunks = List.of(
                rows(range("r", 0, 3000, 600)),
                rows(concat(range("r", 0, 1000, 600), range("r", 1000, 1100, 601), range("r", 3000, 6000, 600),
                        corrections(2000, 2100))),
                rows(concat(range("r", 3000, 4000, 600), range("r", 6000, 9000, 600))));

        Outcome oneWriter = ingest(List.of(chunks), IdIndexFile.in(data.resolve("one")));
        Outcome writerPerChunk = ingest(chunks.stream().map(List::of).toList(), IdIndexFile.in(data.resolve("each")));
        // a file where a folder should be: no index can be kept there, and each writer makes its own
        Files.writeString(data.resolve("not-a-folder"), "");
        Outcome writerPerChunkMakingItsIndex = ingest(chunks.stream().map(List::of).toList(),
                new IdIndexFile(data.resolve("not-a-folder").resolve("id-index.bin")));

        assertThat(oneWriter.counts()).containsExactly(9100L, 2000L, 100L);
        // r1000..r1099 sent again with other values: rows 1,000 to 1,099 of the second chunk
        assertThat(oneWriter.rejections()).hasSize(100).allSatisfy(r -> assertThat(r.line()).isBetween(1002L, 1101L));
        assertThat(oneWriter.ledger()).hasSize(9100);
        // the corrections are in the ledger, and the records they correct
        assertThat(oneWriter.ledger()).extracting(Claim::recordId).contains("c2000", "c2099", "r2000", "r8999");
        assertThat(oneWriter.throughOfferedIndex()).hasSize(9100).containsAllEntriesOf(
                oneWriter.ledger().stream().collect(Collectors.toMap(Claim::recordId, c -> c)));
        assertThat(writerPerChunk).isEqualTo(oneWriter);
        assertThat(data.resolve("each/work/id-index.bin")).exists();
        assertThat(writerPerChunkMakingItsIndex).isEqualTo(oneWriter);
    }

    @Test
    void shouldTakeTheIndexKeptForTheLedgerAsItIs() throws IOException {
        LedgerRepository repository = repository();
        IdIndexFile kept = IdIndexFile.in(data);
        writeChunks(repository, new ExecutionContext(), kept, new IndexHandOff(), List.of(rows(range("r", 0, 3000, 600))));
        IdIndex withAGhost = kept.load(repository.state()).orElseThrow();
        withAGhost.add("ghost", 1, 0);
        // the file now names an id the ledger does not hold: only a writer that reads the file believes it
        Files.delete(data.resolve("work/id-index.bin"));
        kept.save(withAGhost, repository.state());
        IndexHandOff handOff = new IndexHandOff();

        writeChunks(repository, new ExecutionContext(), kept, handOff, List.of());

        assertThat(handOff.take(3).orElseThrow().mayHold("ghost")).isTrue();
    }

    @Test
    void shouldCountTheRowsToComeLowFromTheSizesOfTheInputsCsvFilesAlone(@TempDir Path input) throws IOException {
        Files.write(input.resolve("a.csv"), new byte[16_000]);
        Files.write(input.resolve("b.csv"), new byte[3_200]);
        Files.write(input.resolve("notes.txt"), new byte[160_000]);

        assertThat(BriefingJobConfiguration.expectedRows(input)).isEqualTo(120);
        assertThat(BriefingJobConfiguration.expectedRows(input.resolve("missing"))).isZero();
    }

    @Test
    void shouldNotKeepAnIndexThatNamesTheClaimsOfAChunkRolledBack() {
        DataSource database = database();
        LedgerRepository repository = new LedgerRepository(new JdbcTemplate(database));
        TransactionTemplate chunkTransaction = new TransactionTemplate(new DataSourceTransactionManager(database));
        IdIndexFile kept = IdIndexFile.in(data);
        IndexHandOff handOff = new IndexHandOff();
        LedgerWriter writer = new LedgerWriter(repository, INGESTED, 1, handOff, 3, kept, true, 0);
        writer.open(new ExecutionContext());
        chunkTransaction.executeWithoutResult(status -> writer.write(new Chunk<>(List.of(rows(range("r", 0, 500, 600))))));
        assertThatThrownBy(() -> chunkTransaction.executeWithoutResult(status -> {
            writer.write(new Chunk<>(List.of(rows(range("r", 500, 1000, 600)))));
            throw new IllegalStateException("the chunk's commit failed");
        })).hasMessageContaining("commit failed");

        writer.close();
        handOff.awaitKept();

        assertThat(repository.state().claims()).isEqualTo(500);
        assertThat(kept.load(repository.state())).isEmpty();
    }

    @Test
    void shouldMakeTheIndexAgainOnceAnotherMachineHasStoredBlocks() {
        LedgerRepository repository = repository();
        IdIndexFile here = IdIndexFile.in(data.resolve("here"));
        IdIndexFile elsewhere = IdIndexFile.in(data.resolve("elsewhere"));
        writeChunks(repository, new ExecutionContext(), here, new IndexHandOff(), List.of(rows(range("r", 0, 3000, 600))));
        writeChunks(repository, new ExecutionContext(), elsewhere, new IndexHandOff(), List.of(rows(range("r", 3000, 6000, 600))));
        ExecutionContext again = new ExecutionContext();

        writeChunks(repository, again, here, new IndexHandOff(), List.of(rows(range("r", 0, 6000, 600))));

        assertThat(List.of(again.getLong(LedgerWriter.LOADED), again.getLong(LedgerWriter.ALREADY_IN_LEDGER),
                again.getLong(LedgerWriter.REJECTED))).containsExactly(0L, 6000L, 0L);
    }

    private record Outcome(List<Long> counts, List<Rejection> rejections, List<Claim> ledger, Map<String, Claim> throughOfferedIndex) {
    }

    /** Each writer opened in turn on the same ledger and execution context writes its chunks. */
    private static Outcome ingest(List<List<List<IngestOutcome>>> chunksByWriter, IdIndexFile kept) {
        LedgerRepository repository = repository();
        ExecutionContext context = new ExecutionContext();
        IndexHandOff handOff = new IndexHandOff();
        for (List<List<IngestOutcome>> chunks : chunksByWriter) {
            writeChunks(repository, context, kept, handOff, chunks);
        }
        List<Claim> ledger = new ArrayList<>();
        repository.forEachGroupKnownAt(INGESTED, group -> ledger.addAll(repository.completeClaims(group.claims(), Optional.empty()).values().stream()
                .sorted((a, b) -> a.recordId().compareTo(b.recordId())).toList()));
        // the index the last writer offers to the compute step of its job execution places every stored record
        Map<String, Claim> throughOfferedIndex = repository.completeClaims(ledger, Optional.of(handOff.take(3).orElseThrow()));
        return new Outcome(List.of(context.getLong(LedgerWriter.LOADED), context.getLong(LedgerWriter.ALREADY_IN_LEDGER),
                context.getLong(LedgerWriter.REJECTED)), repository.rejections(1), ledger, throughOfferedIndex);
    }

    private static LedgerRepository repository() {
        return new LedgerRepository(new JdbcTemplate(database()));
    }

    private static DataSource database() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:writer-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration/common", "classpath:db/migration/h2").load().migrate();
        return h2;
    }

    /** One writer, opened on the ledger and the execution context, writes the chunks and closes; its index is kept then. */
    private static void writeChunks(LedgerRepository repository, ExecutionContext context, IdIndexFile kept, IndexHandOff handOff,
                                    List<List<IngestOutcome>> chunks) {
        LedgerWriter writer = new LedgerWriter(repository, INGESTED, 1, handOff, 3, kept, false, 1_000);
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
        handOff.awaitKept();
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
