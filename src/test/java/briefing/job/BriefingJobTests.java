package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.IdIndex;
import briefing.ledger.LedgerRepository;
import briefing.ledger.LegacyClaimRows;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.StoredClaim;
import briefing.period.Period;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.test.JobOperatorTestUtils;
import org.springframework.batch.test.JobRepositoryTestUtils;
import org.springframework.batch.test.context.SpringBatchTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** The whole job over the sample input, checked through the changes.csv it writes. */
@SpringBatchTest
@SpringBootTest(properties = {
        "spring.datasource.url=jdbc:h2:mem:briefing-job-tests;DB_CLOSE_DELAY=-1",
        "briefing.data=target/briefing-job-tests"})
class BriefingJobTests {

    private static final Instant CUTOFF = Instant.parse("2099-01-01T00:00:00Z");

    @Autowired
    private JobOperatorTestUtils jobOperatorTestUtils;

    @Autowired
    private JobRepositoryTestUtils jobRepositoryTestUtils;

    @Autowired
    private JdbcTemplate jdbc;

    @Autowired
    private LedgerRepository ledger;

    @TempDir
    Path reports;

    @BeforeEach
    void emptyLedgerAndJobRepository() {
        jobRepositoryTestUtils.removeJobExecutions();
        jdbc.update("DELETE FROM claim");
        jdbc.update("DELETE FROM claim_block");
        jdbc.update("DELETE FROM claim_block_ids");
        jdbc.update("DELETE FROM claim_block_texts");
        jdbc.update("DELETE FROM claim_series");
        jdbc.update("DELETE FROM rejection");
        jdbc.update("DELETE FROM rejection_block");
        jdbc.update("DELETE FROM input_read");
    }

    @Test
    void shouldReportWeek18OfTheSample() throws Exception {
        List<String> rows = run("2025-W18");

        assertThat(rows).contains(
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,killed,NIS (South Korea),false,600,600,300,300,300,300,100.0,new,nis-2025-04-30-killed,2025-04-30,2025-04-30",
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,casualties,NIS (South Korea),false,4700,4700,3000,3000,1700,1700,56.7,new,nis-2025-04-30-casualties,2025-04-30,2025-04-30",
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,casualties,ALL,true,4000,4700,3000,4000,1000,700,24.3,new,,,",
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,deployed,\"Officials of Ukraine, South Korea and the US\",false,10000,12000,10000,12000,0,0,0.0,carried,officials-2024-autumn-deployed,2024-11-30,2024-11-30",
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,labourers,NIS (South Korea),false,15000,15000,,,,,,first,nis-2025-04-30-labourers,2025-04-30,2025-04-30",
                "2025-W18,2025-04-28,2025-05-04,DPRK forces in Russia,repatriated,NIS (South Korea),false,2000,2000,,,,,,first,nis-2025-04-30-repatriated,2025-03-31,2025-04-30");
        assertThat(rows).hasSize(1 + 15);
    }

    @Test
    void shouldReportAprilAgainstMarch() throws Exception {
        List<String> rows = run("2025-04");

        assertThat(rows).contains(
                "2025-04,2025-04-01,2025-04-30,DPRK forces in Russia,killed,NIS (South Korea),false,600,600,300,300,300,300,100.0,new,nis-2025-04-30-killed,2025-04-30,2025-04-30",
                "2025-04,2025-04-01,2025-04-30,DPRK forces in Russia,casualties,South Korean military,false,4000,4000,4000,4000,0,0,0.0,carried,sk-military-2025-03-casualties,2025-03-31,2025-03-31",
                "2025-04,2025-04-01,2025-04-30,DPRK forces in Russia,reinforcements,ALL,true,3000,3000,3000,3000,0,0,0.0,carried,,,");
    }

    @Test
    void shouldReportFirstQuarterWithDerivedCasualties() throws Exception {
        List<String> rows = run("2025-Q1");

        assertThat(rows).contains(
                "2025-Q1,2025-01-01,2025-03-31,DPRK forces in Russia,casualties,NIS (South Korea),true,3000,3000,,,,,,first,nis-2025-01-killed+nis-2025-01-wounded,2025-01-31,2025-01-31",
                "2025-Q1,2025-01-01,2025-03-31,DPRK forces in Russia,casualties,South Korean military,false,4000,4000,,,,,,first,sk-military-2025-03-casualties,2025-03-31,2025-03-31",
                "2025-Q1,2025-01-01,2025-03-31,DPRK forces in Russia,casualties,ALL,true,3000,4000,,,,,,first,,,",
                "2025-Q1,2025-01-01,2025-03-31,DPRK forces in Russia,deployed,ALL,true,10000,12000,10000,12000,0,0,0.0,carried,,,",
                "2025-Q1,2025-01-01,2025-03-31,DPRK forces in Russia,reinforcements,South Korean military,false,3000,3000,,,,,,first,sk-military-2025-03-reinforcements,2025-03-31,2025-03-31");
        assertThat(rows).noneMatch(r -> r.contains("labourers"));
    }

    @Test
    void shouldReportSecondQuarterAgainstTheFirst() throws Exception {
        List<String> rows = run("2025-Q2");

        assertThat(rows).contains(
                "2025-Q2,2025-04-01,2025-06-30,DPRK forces in Russia,casualties,NIS (South Korea),false,4700,4700,3000,3000,1700,1700,56.7,new,nis-2025-04-30-casualties,2025-04-30,2025-04-30",
                "2025-Q2,2025-04-01,2025-06-30,DPRK forces in Russia,wounded,NIS (South Korea),false,2700,2700,2700,2700,0,0,0.0,carried,nis-2025-01-wounded,2025-01-31,2025-01-31",
                "2025-Q2,2025-04-01,2025-06-30,DPRK forces in Russia,killed,ALL,true,600,600,300,300,300,300,100.0,new,,,");
    }

    @Test
    void shouldListEachReportFileInTheManifestWithItsSizeAndSha256() throws Exception {
        BatchStatus status = launch("2025-W18", Instant.parse("2099-01-01T00:00:00Z"), true);

        assertThat(status).isEqualTo(BatchStatus.COMPLETED);
        Path folder = reports.resolve("weekly/2025-W18/as-of-2099-01-01T000000Z");
        String manifest = Files.readString(folder.resolve("manifest.json"));
        for (String name : List.of("changes.csv", "rejected.csv", "briefing.xlsx", "briefing.pdf")) {
            byte[] content = Files.readAllBytes(folder.resolve(name));
            String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
            assertThat(manifest).contains("{\"file\": \"" + name + "\", \"bytes\": " + content.length + ", \"sha256\": \"" + sha256 + "\"}");
        }
    }

    @Test
    void shouldNotSeeRecordsIngestedAfterTheCutoff() throws Exception {
        BatchStatus status = launch("2025-W18", Instant.parse("2000-01-01T00:00:00Z"), true);

        assertThat(status).isEqualTo(BatchStatus.COMPLETED);
        Path folder = reports.resolve("weekly/2025-W18/as-of-2000-01-01T000000Z");
        assertThat(Files.readAllLines(folder.resolve("changes.csv"))).hasSize(1);
        assertThat(Files.readString(folder.resolve("manifest.json"))).contains("\"loaded\": 9", "\"ledgerRecordsAtCutoff\": 0");
    }

    @Test
    void shouldReportTheSameFromALedgerMadeByAnEarlierVersionWhoseClaimsWereRowsOfTheClaimTable() throws Exception {
        List<String> first = run("2025-W18");
        Map<String, Instant> ingestedAt = new HashMap<>();
        ledger.forEachGroupKnownAt(CUTOFF, group -> {
            for (int i = 0; i < group.claims().size(); i++) {
                ingestedAt.put(group.claims().get(i).recordId(), group.ingestedAt().get(i));
            }
        });
        Map<String, StoredClaim> stored = ledger.findByIds(ingestedAt.keySet(), ledger.idIndex());
        stored.forEach((id, s) -> LegacyClaimRows.insert(jdbc, s, ingestedAt.get(id)));
        jdbc.update("DELETE FROM claim_block_ids");
        jdbc.update("DELETE FROM claim_block_texts");

        assertThat(launch("2025-W18", CUTOFF.plusSeconds(1), true)).isEqualTo(BatchStatus.COMPLETED);

        assertThat(Files.readAllLines(reports.resolve("weekly/2025-W18/as-of-2099-01-01T000001Z/changes.csv")))
                .isEqualTo(first);
        assertThat(jdbc.queryForObject("SELECT SUM(claims) FROM claim_block", Long.class)).isEqualTo(9);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim", Long.class)).isZero();
        assertThat(ledger.findByIds(ingestedAt.keySet(), ledger.idIndex())).isEqualTo(stored);
    }

    @Test
    void shouldCheckOnlyTheRowsThatWereNotLoadedWhenAFileIsReadAgain(@TempDir Path input) throws Exception {
        // a correction that names a record of a file read after it is rejected, then accepted once that record is in
        Files.writeString(input.resolve("a.csv"), """
                record_id,reported_on,source,subject,metric,value_low,supersedes
                k1-fix,2025-04-30,NIS (South Korea),DPRK forces in Russia,killed,650,k1
                w1,2025-04-30,NIS (South Korea),DPRK forces in Russia,wounded,2700,
                """);
        Files.writeString(input.resolve("b.csv"), """
                record_id,reported_on,source,subject,metric,value_low,supersedes
                k1,2025-04-29,NIS (South Korea),DPRK forces in Russia,killed,600,
                """);

        assertThat(launch("2025-W18", CUTOFF, true, input)).isEqualTo(BatchStatus.COMPLETED);
        assertThat(launch("2025-W18", CUTOFF.plusSeconds(1), true, input)).isEqualTo(BatchStatus.COMPLETED);

        String first = Files.readString(reports.resolve("weekly/2025-W18/as-of-2099-01-01T000000Z/manifest.json"));
        String second = Files.readString(reports.resolve("weekly/2025-W18/as-of-2099-01-01T000001Z/manifest.json"));
        assertThat(first).contains("\"rowsRead\": 3", "\"loaded\": 2", "\"alreadyInLedger\": 0", "\"rejected\": 1");
        assertThat(second).contains("\"rowsRead\": 3", "\"loaded\": 1", "\"alreadyInLedger\": 2", "\"rejected\": 0");
        assertThat(jdbc.queryForList("SELECT file_name FROM input_read ORDER BY job_instance_id, file_index", String.class))
                .containsExactly("a.csv", "b.csv", "a.csv", "b.csv");
        assertThat(Files.readAllLines(reports.resolve("weekly/2025-W18/as-of-2099-01-01T000001Z/changes.csv")))
                .anyMatch(row -> row.contains(",killed,NIS (South Korea),false,650,650,"));
    }

    @Test
    void shouldStreamEveryClaimKnownAtTheCutoffFromTheManySmallBlocksOfALargeIngest() {
        IdIndex index = new IdIndex();
        Instant first = Instant.parse("2025-06-01T00:00:00Z");
        Instant second = Instant.parse("2025-06-08T00:00:00Z");
        for (int chunk = 0; chunk < 20; chunk++) {
            ledger.insertBlocks(claims(chunk * 10, 10), first, index);
        }
        ledger.insertBlocks(claims(1000, 5), second, index);

        List<String> known = new ArrayList<>();
        ledger.forEachGroupKnownAt(first, group -> group.claims().forEach(c -> known.add(c.recordId())));

        assertThat(known).hasSize(200).doesNotHaveDuplicates().doesNotContain("k1000");
        assertThat(ledger.countKnownAt(first)).isEqualTo(200);
        assertThat(ledger.countKnownAt(second)).isEqualTo(205);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM claim_block_texts", Long.class)).isEqualTo(21);
        Map<String, StoredClaim> merged = ledger.findByIds(List.of("k0", "k99", "k199", "k1004", "k200"), ledger.idIndex());
        assertThat(merged.keySet()).containsExactlyInAnyOrder("k0", "k99", "k199", "k1004");
        assertThat(merged.get("k199").line()).isEqualTo(199);
        assertThat(merged.get("k199").claim().citation()).isEqualTo("https://example.org/199");
    }

    /** Claims to write straight to the blocks. */
    private static List<StoredClaim> claims(int from, int count) {
        List<StoredClaim> claims = new ArrayList<>();
        for (int i = from; i < from + count; i++) {
            Claim claim = new Claim("k" + i, LocalDate.of(2025, 4, 30), "NIS", null, "DPRK", Metric.KILLED, i, i,
                    Qualifier.EXACT, Basis.CUMULATIVE, LocalDate.of(2025, 4, 30), null, "https://example.org/" + i, null, null);
            claims.add(new StoredClaim(claim, "a.csv", i));
        }
        return claims;
    }

    private List<String> run(String label) throws Exception {
        assertThat(launch(label, CUTOFF, false)).isEqualTo(BatchStatus.COMPLETED);
        Period period = Period.parse(label);
        Path changes = reports.resolve(period.granularity().folder()).resolve(label).resolve("changes.csv");
        return Files.readAllLines(changes, StandardCharsets.UTF_8);
    }

    /** Not a JobExecution: Spring Batch's test listeners would take a method returning one for a factory. */
    private BatchStatus launch(String label, Instant cutoff, boolean explicit) throws Exception {
        return launch(label, cutoff, explicit, Path.of("input"));
    }

    private BatchStatus launch(String label, Instant cutoff, boolean explicit, Path input) throws Exception {
        RunParameters run = new RunParameters(Period.parse(label), cutoff, explicit, Instant.parse("2025-06-01T00:00:00Z"),
                input, reports);
        return jobOperatorTestUtils.startJob(run.toJobParameters()).getStatus();
    }
}
