package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** On H2, and on PostgreSQL too when a server is given (BRIEFING_TEST_PG_URL, as .ci/run does). */
class LedgerRepositoryTests {

    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static final Instant LOADED_AT = Instant.parse("2025-05-01T00:00:00Z");

    private JdbcTemplate jdbc;
    private LedgerRepository ledger;

    static Stream<String> databases() {
        String server = System.getenv("BRIEFING_TEST_PG_URL");
        return server != null && server.startsWith("jdbc:postgresql:") ? Stream.of("h2", "postgresql") : Stream.of("h2");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldReadBackEveryFieldAsStoredEvenBeforeTheGregorianCalendarBegan(String database) throws SQLException {
        useNew(database);
        Claim claim = new Claim("old-1", LocalDate.of(1582, 10, 10), "NIS", "Yonhap", "DPRK forces in Russia", Metric.KILLED,
                300, 310, Qualifier.AT_LEAST, Basis.INCREMENT, LocalDate.of(0, 1, 1), LocalDate.of(1, 1, 1),
                "https://example.org/한", "old-0", "a note, with \"quotes\"");

        ledger.insertBlocks(List.of(new StoredClaim(claim, "claims.csv", 2)), Instant.EPOCH, new IdIndex());

        StoredClaim stored = ledger.findByIds(List.of("old-1"), ledger.idIndex()).get("old-1");
        assertThat(stored.claim()).isEqualTo(claim);
        assertThat(stored.file()).isEqualTo("claims.csv");
        assertThat(stored.line()).isEqualTo(2);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldFindEachIdInItsBlockAndNoIdThatWasNeverStored(String database) throws SQLException {
        useNew(database);
        IdIndex index = new IdIndex();
        List<StoredClaim> first = claims("a", 0, 3000);
        List<StoredClaim> second = claims("b", 3000, 10);
        ledger.insertBlocks(first, Instant.EPOCH, index);
        ledger.insertBlocks(second, Instant.EPOCH.plusSeconds(60), index);

        for (IdIndex fresh : List.of(index, ledger.idIndex())) {
            Map<String, StoredClaim> found = ledger.findByIds(List.of("k0", "k2999", "k3009", "k3010", "x"), fresh);
            assertThat(found.keySet()).containsExactlyInAnyOrder("k0", "k2999", "k3009");
            assertThat(found.get("k3009").file()).isEqualTo("b.csv");
            assertThat(found.get("k2999")).isEqualTo(first.get(2999));
        }
        assertThat(ledger.idIndex().size()).isEqualTo(3010);
        // without the index, by a pass over the fingerprints: how claims whose fingerprints collide are completed
        RecordLookup lookup = new RecordLookup(jdbc, new BlockBytes(jdbc));
        assertThat(lookup.byFingerprints(List.of("k5", "k3001", "k3010", "x"))).containsOnlyKeys("k5", "k3001")
                .containsEntry("k3001", second.get(1));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldMakeAnEmptyLedgersIndexAtOnceAndAnyOtherFromItsBlocks(String database) throws SQLException {
        useNew(database);
        IdIndexFile kept = new IdIndexFile(Path.of("target", "no-such-folder", "id-index.bin"));
        IdIndex empty = ledger.idIndex(kept, 100_000);
        assertThat(empty.size()).isZero();
        ledger.insertBlocks(claims("a", 0, 30), LOADED_AT, empty);

        IdIndex made = ledger.idIndex(kept, 100_000);

        assertThat(made.size()).isEqualTo(30);
        assertThat(ledger.findByIds(List.of("k0", "k29", "k30"), made)).containsOnlyKeys("k0", "k29");
        assertThat(ledger.findByIds(List.of("k0", "k29", "k30"), empty)).containsOnlyKeys("k0", "k29");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldTellAnEmbeddedDatabaseAndReadItsBlocksAheadLeavingTheLedgerAsItWas(String database) throws SQLException {
        useNew(database);
        ledger.readBlocksAhead();
        ledger.insertBlocks(claims("a", 0, 30), LOADED_AT, new IdIndex());
        LedgerState before = ledger.state();

        ledger.readBlocksAhead();

        assertThat(ledger.isEmbedded()).isEqualTo(database.equals("h2"));
        assertThat(ledger.state()).isEqualTo(before);
        List<Claim> streamed = new ArrayList<>();
        ledger.forEachGroupKnownAt(LOADED_AT, group -> streamed.addAll(group.claims()));
        assertThat(streamed).hasSize(30);
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldCompleteTheClaimsReadFromTheBlocksWithTheirTexts(String database) throws SQLException {
        useNew(database);
        IdIndex index = new IdIndex();
        List<StoredClaim> first = claims("a", 0, 3000);
        List<StoredClaim> second = claims("b", 3000, 10);
        ledger.insertBlocks(first, LOADED_AT, index);
        ledger.insertBlocks(second, Instant.parse("2025-05-02T00:00:00Z"), index);
        // an id stored twice (in two places, as two ids sharing a fingerprint would be) is still completed
        ledger.insertBlocks(claims("c", 3005, 1), Instant.parse("2025-05-03T00:00:00Z"), index);
        List<Claim> streamed = new ArrayList<>();
        ledger.forEachGroupKnownAt(Instant.parse("2025-05-02T00:00:00Z"), group -> streamed.addAll(group.claims()));
        List<Claim> shown = List.of(streamed.get(1), streamed.get(2999), streamed.get(3005), streamed.get(3001));

        // found by a pass over the fingerprints, through the index kept while storing, and through one made anew
        for (Optional<IdIndex> places : List.of(Optional.<IdIndex>empty(), Optional.of(index), Optional.of(ledger.idIndex()))) {
            Map<String, Claim> complete = ledger.completeClaims(shown, places);

            assertThat(shown.get(0).citation()).isNull();
            assertThat(complete).containsOnlyKeys("k1", "k2999", "k3005", "k3001")
                    .containsEntry("k1", first.get(1).claim())
                    .containsEntry("k2999", first.get(2999).claim())
                    .containsEntry("k3005", second.get(5).claim())
                    .containsEntry("k3001", second.get(1).claim());
            assertThat(complete.get("k2999").citation()).isEqualTo("https://example.org/2999");
        }
        assertThat(ledger.completeClaims(List.of(), Optional.empty())).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldPackTheClaimTableOfALedgerMadeByAnEarlierVersionIntoBlocksOnce(String database) throws SQLException {
        useNew(database);
        List<StoredClaim> legacy = claims("legacy", 0, 25);
        legacy.forEach(s -> LegacyClaimRows.insert(jdbc, s, LOADED_AT));
        // the packed copy an earlier version kept beside the claim table (in another format)
        jdbc.update("INSERT INTO claim_block (subject, source, ingested_at, claims, data) VALUES ('DPRK', 'NIS', ?, 25, ?)",
                OffsetDateTime.parse("2025-05-01T00:00:00Z"), new byte[] {1});

        assertThat(ledger.isEmpty()).isFalse();

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim", Long.class)).isZero();
        assertThat(ledger.countKnownAt(LOADED_AT)).isEqualTo(25);
        assertThat(ledger.findByIds(List.of("k7"), ledger.idIndex())).containsEntry("k7", legacy.get(7));
        List<Claim> streamed = new ArrayList<>();
        ledger.forEachGroupKnownAt(LOADED_AT, group -> streamed.addAll(group.claims()));
        assertThat(streamed).extracting(Claim::recordId).containsExactlyElementsOf(legacy.stream().map(StoredClaim::recordId).toList());
        assertThat(ledger.identity()).isEqualTo("2025-05-01T00:00:00Z");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldReadTheBlocksPackedInTheCallersTransactionWhichAnotherConnectionDoesNotSee(String database) throws SQLException {
        useNew(database);
        List<StoredClaim> legacy = new ArrayList<>(claims("legacy", 0, 3000));
        legacy.addAll(fromSource("ISW", claims("legacy", 3000, 2000)));
        legacy.forEach(s -> LegacyClaimRows.insert(jdbc, s, LOADED_AT));
        TransactionTemplate step = new TransactionTemplate(new DataSourceTransactionManager(jdbc.getDataSource()));

        // the claims counted first, as the compute step does, which packs them
        List<Claim> streamed = step.execute(status -> {
            assertThat(ledger.countKnownAt(LOADED_AT)).isEqualTo(5000);
            return unpacked(ledger.groupsKnownAt(LOADED_AT));
        });

        assertThat(streamed).extracting(Claim::recordId).containsExactlyInAnyOrderElementsOf(
                legacy.stream().map(StoredClaim::recordId).toList());
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldRemoveTheBlocksAnInterruptedRunLeftIncomplete(String database) throws SQLException {
        useNew(database);
        List<StoredClaim> whole = claims("whole", 0, 100);
        ledger.insertBlocks(whole, LOADED_AT, null);
        assertThat(ledger.removeIncompleteBlocks()).isZero();
        List<StoredClaim> leftover = claims("leftover", 100, 50);
        leaveIncompleteBlocks(leftover);

        assertThat(ledger.removeIncompleteBlocks()).isEqualTo(3);
        ledger.insertBlocks(leftover, LOADED_AT, null);

        assertThat(ledger.removeIncompleteBlocks()).isZero();
        assertThat(ledger.countKnownAt(LOADED_AT)).isEqualTo(150);
        assertThat(ledger.idIndex().size()).isEqualTo(150);
        assertThat(ledger.findByIds(List.of("k0", "k120"), ledger.idIndex())).containsEntry("k0", whole.get(0))
                .containsEntry("k120", leftover.get(20));
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldNumberNewBlocksAfterEveryRowAnInterruptedRunLeft(String database) throws SQLException {
        useNew(database);
        ledger.insertBlocks(claims("whole", 0, 100), LOADED_AT, null);
        // the fingerprints and texts of the block after the last, without the block (as seen after a kill)
        jdbc.update("INSERT INTO claim_block_ids (block_id, record_ids) VALUES (2, ?)", (Object) IdIndex.pack(List.of("k100")));
        jdbc.update("INSERT INTO claim_block_texts (block_id, texts) VALUES (3, ?)", (Object) new byte[] {1});

        ledger.insertBlocks(claims("more", 200, 10), LOADED_AT, null);

        assertThat(ledger.state().lastBlock()).isEqualTo(4);
        assertThat(ledger.countKnownAt(LOADED_AT)).isEqualTo(110);
    }

    /**
     * What an H2 killed in a chunk's transaction was seen to keep: a block's fingerprints without the block (5);
     * here also texts alone (6), and a block without its fingerprints and texts (7).
     */
    private void leaveIncompleteBlocks(List<StoredClaim> claims) {
        jdbc.update("INSERT INTO claim_block_ids (block_id, record_ids) VALUES (5, ?)",
                (Object) IdIndex.pack(claims.stream().map(StoredClaim::recordId).toList()));
        jdbc.update("INSERT INTO claim_block_texts (block_id, texts) VALUES (6, ?)", (Object) new byte[] {1});
        jdbc.update("INSERT INTO claim_block (block_id, subject, source, ingested_at, claims, data) VALUES (7, 'DPRK', 'NIS', ?, ?, ?)",
                OffsetDateTime.parse("2025-05-01T00:00:00Z"), claims.size(), new byte[] {1});
    }

    private static List<Claim> unpacked(List<LedgerRepository.PackedGroup> groups) {
        return groups.stream().flatMap(group -> group.unpack().claims().stream()).toList();
    }

    private static List<StoredClaim> fromSource(String source, List<StoredClaim> claims) {
        return claims.stream().map(stored -> {
            Claim c = stored.claim();
            return new StoredClaim(new Claim(c.recordId(), c.reportedOn(), source, c.conduit(), c.subject(), c.metric(),
                    c.valueLow(), c.valueHigh(), c.qualifier(), c.basis(), c.asOf(), c.windowStart(), c.citation(),
                    c.supersedes(), c.note()), stored.file(), stored.line());
        }).toList();
    }

    private static List<StoredClaim> claims(String file, int from, int count) {
        List<StoredClaim> claims = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Claim claim = new Claim("k" + i, LocalDate.of(2025, 4, 30), "NIS", i % 2 == 0 ? null : "via " + i, "DPRK",
                    Metric.KILLED, i, i + i % 3, Qualifier.EXACT, Basis.CUMULATIVE, LocalDate.of(2025, 4, 29), null,
                    "https://example.org/" + i, null, i % 5 == 0 ? "note " + i : null);
            claims.add(new StoredClaim(claim, file + ".csv", i + 2));
        }
        return claims;
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldReadBackTheRejectionsOfARunPackedOrStoredARowEachByAnEarlierVersion(String database) throws SQLException {
        useNew(database);
        InputRow unreadable = InputRow.faulty(new Rejection("b.csv", 7, "", "", "The row has 3 values; the header has 15."));
        InputRow badValue = new InputRow("a.csv", 12, new String[] {"k1", "2025-13-01", null}, null);
        InputRow wrongEncoding = new InputRow("a.csv", 4, new String[] {"k2"}, null);
        ledger.insertRejections(1, List.of(
                new LedgerRepository.RejectedRow(Rejection.ofValue(badValue, Column.REPORTED_ON, "Not a date."), badValue),
                new LedgerRepository.RejectedRow(unreadable.fault(), unreadable)));
        ledger.insertRejections(1, List.of(
                new LedgerRepository.RejectedRow(Rejection.ofRow(wrongEncoding, "Not UTF-8."), wrongEncoding)));
        ledger.insertRejections(2, List.of(
                new LedgerRepository.RejectedRow(Rejection.ofRow(wrongEncoding, "Not UTF-8."), wrongEncoding)));
        // as a version before the packed rejections stored them
        jdbc.update("INSERT INTO rejection (job_instance_id, input_file, input_line, record_id, column_name, reason, row_values)"
                + " VALUES (1, 'a.csv', 9, 'k9', 'metric', 'Not a metric.', ?)", new InputRow("a.csv", 9, new String[] {"k9"}, null)
                .encodedValues());
        LedgerRepository upgraded = new LedgerRepository(jdbc);
        ledger.recordInputRead(1, new InputFiles.FileSummary(0, "a.csv", 100, "ab", 20));

        assertThat(upgraded.rejections(1)).containsExactly(
                new Rejection("a.csv", 4, "k2", "", "Not UTF-8."),
                new Rejection("a.csv", 9, "k9", "metric", "Not a metric."),
                new Rejection("a.csv", 12, "k1", "reported_on", "Not a date."),
                new Rejection("b.csv", 7, "", "", "The row has 3 values; the header has 15."));
        assertThat(upgraded.rejections(2)).containsExactly(new Rejection("a.csv", 4, "k2", "", "Not UTF-8."));
        // a later run that meets a.csv again checks these rows again, as read
        InputFiles.KnownFile known = upgraded.knownFile("a.csv", "ab", 100).orElseThrow();
        assertThat(known.toCheck()).extracting(InputRow::line).containsExactly(4L, 9L, 12L);
        assertThat(known.toCheck().get(2).value(Column.REPORTED_ON)).isEqualTo("2025-13-01");
        assertThat(known.toCheck().get(2).value(Column.SOURCE)).isNull();
        assertThat(known.toCheck().get(1).value(Column.RECORD_ID)).isEqualTo("k9");
    }

    @ParameterizedTest
    @MethodSource("databases")
    void shouldTakeAConflictWithAStoredRecordAsItWasAndCheckOtherRejectionsAgain(String database) throws SQLException {
        useNew(database);
        InputRow clash = new InputRow("a.csv", 5, new String[] {"k1"}, null);
        InputRow badDate = new InputRow("a.csv", 6, new String[] {"k2", "2025-13-01"}, null);
        Rejection conflict = Rejection.ofValue(clash, Column.RECORD_ID, "The record id k1 in a.csv line 5 was already loaded"
                + " with other content from a.csv line 2; records are never changed: give a correction a new id and supersedes=k1.");
        ledger.insertRejections(1, List.of(new LedgerRepository.RejectedRow(conflict, clash),
                new LedgerRepository.RejectedRow(Rejection.ofValue(badDate, Column.REPORTED_ON, "Not a date."), badDate)));
        ledger.recordInputRead(1, new InputFiles.FileSummary(0, "a.csv", 100, "ab", 20));

        InputFiles.KnownFile known = ledger.knownFile("a.csv", "ab", 100).orElseThrow();

        // the conflict comes back as it was, not to be checked again; the other row is checked again
        assertThat(known.toCheck()).extracting(InputRow::line).containsExactly(5L, 6L);
        assertThat(known.toCheck().get(0).fault()).isEqualTo(conflict);
        assertThat(known.toCheck().get(1).fault()).isNull();
        assertThat(known.toCheck().get(1).value(Column.REPORTED_ON)).isEqualTo("2025-13-01");
        // and a later run that rejects it so again keeps its values, as the first did
        ledger.insertRejections(2, List.of(new LedgerRepository.RejectedRow(conflict, known.toCheck().get(0))));
        ledger.recordInputRead(2, new InputFiles.FileSummary(0, "a.csv", 100, "ab", 20));
        InputRow again = ledger.knownFile("a.csv", "ab", 100).orElseThrow().toCheck().get(0);
        assertThat(again.fault()).isEqualTo(conflict);
        assertThat(again.value(Column.RECORD_ID)).isEqualTo("k1");
    }

    private void useNew(String database) throws SQLException {
        DataSource dataSource;
        if (database.equals("h2")) {
            JdbcDataSource h2 = new JdbcDataSource();
            h2.setURL("jdbc:h2:mem:ledger-" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
            dataSource = h2;
        } else {
            String server = System.getenv("BRIEFING_TEST_PG_URL");
            String name = "ledger_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
            try (Connection c = DriverManager.getConnection(server, "briefing", ""); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE " + name);
            }
            PGSimpleDataSource pg = new PGSimpleDataSource();
            pg.setURL(server.substring(0, server.lastIndexOf('/') + 1) + name);
            pg.setUser("briefing");
            dataSource = pg;
        }
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common", "classpath:db/migration/" + database)
                .load().migrate();
        jdbc = new JdbcTemplate(dataSource);
        ledger = new LedgerRepository(jdbc);
    }
}
