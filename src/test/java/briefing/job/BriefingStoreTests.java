package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import briefing.change.ChangeCalculator;
import briefing.change.Range;
import briefing.change.Restatement;
import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import briefing.report.Briefing;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BriefingStoreTests {

    @TempDir
    Path data;

    @Test
    void shouldGiveBackTheBriefingItSavedWhenReadByAnotherProcess() throws Exception {
        Briefing briefing = briefing();
        new BriefingStore(data).save(7, briefing);

        assertThat(new BriefingStore(data).load(7)).isEqualTo(briefing);
    }

    @Test
    void shouldHoldTheBriefingAtOnceAndSaveItAndKeepItAsTheEarlierOneInTheBackground() throws Exception {
        Briefing briefing = briefing();
        BriefingStore store = new BriefingStore(data);

        store.saveInBackground(7, "2025-05-05T06:00:00Z", 3, briefing);

        assertThat(store.load(7)).isSameAs(briefing);
        store.awaitSaved();
        assertThat(new BriefingStore(data).load(7)).isEqualTo(briefing);
        assertThat(new BriefingStore(data).earlier("2025-05-05T06:00:00Z").orElseThrow().briefing()).contains(briefing);
        store.awaitSaved();
    }

    @Test
    void shouldTellWhenTheBriefingCouldNotBeSavedInTheBackground() throws Exception {
        Files.writeString(data.resolve("work"), "a file where the folder should be");
        BriefingStore store = new BriefingStore(data);

        store.saveInBackground(7, "2025-05-05T06:00:00Z", 3, briefing());

        assertThatThrownBy(store::awaitSaved).isInstanceOf(IOException.class);
        store.awaitSaved();
    }

    @Test
    void shouldKeepTheEarlierBriefingForTheSameLedgerOnly() throws Exception {
        Briefing briefing = briefing();
        new BriefingStore(data).saveEarlier("2025-05-05T06:00:00Z", 3, briefing);

        BriefingStore.Earlier earlier = new BriefingStore(data).earlier("2025-05-05T06:00:00Z").orElseThrow();
        assertThat(earlier.briefing()).contains(briefing);
        assertThat(earlier.shownClaims()).containsOnlyKeys("k1", "k2", "i1")
                .containsEntry("k2", briefing.figures().newClaims().get(1));
        assertThat(new BriefingStore(data).earlier("2026-01-01T00:00:00Z")).isEmpty();
    }

    @Test
    void shouldGiveTheEarlierBriefingsPeriodAtOnceAndNoBriefingWhenItsBytesAreCut() throws Exception {
        Briefing briefing = briefing();
        new BriefingStore(data).saveEarlier("2025-05-05T06:00:00Z", 3, briefing);
        Path file = data.resolve("work/earlier-briefing.bin");
        byte[] whole = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(whole, whole.length / 2));

        BriefingStore.Earlier earlier = new BriefingStore(data).earlier("2025-05-05T06:00:00Z").orElseThrow();

        assertThat(earlier.period()).isEqualTo(Period.parse("2025-W18"));
        assertThat(earlier.cutoff()).isEqualTo(briefing.cutoff());
        assertThat(earlier.knownClaims()).isEqualTo(3);
        assertThat(earlier.briefing()).isEmpty();
        assertThat(earlier.shownClaims()).isEmpty();
    }

    @Test
    void shouldTellTheEarlierBriefingsPeriodFromTheStartOfItsFileAlone() throws Exception {
        BriefingStore store = new BriefingStore(data);
        assertThat(store.earlierPeriod()).isEmpty();

        store.saveEarlier("2025-05-05T06:00:00Z", 3, briefing());
        Path file = data.resolve("work/earlier-briefing.bin");
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 120));

        assertThat(new BriefingStore(data).earlierPeriod()).contains(Period.parse("2025-W18"));
        Files.write(file, Arrays.copyOf(Files.readAllBytes(file), 20));
        assertThat(new BriefingStore(data).earlierPeriod()).isEmpty();
    }

    @Test
    void shouldStoreTheEarlierFiguresTakenAsTheyAreAsItWouldHaveEncodedThem() throws Exception {
        new BriefingStore(data).saveEarlier("2025-05-05T06:00:00Z", 3, briefing());
        BriefingStore store = new BriefingStore(data);
        Briefing again = new Briefing(store.earlier("2025-05-05T06:00:00Z").orElseThrow().briefing().orElseThrow().figures(),
                Instant.parse("2099-01-01T00:00:00Z"), List.of(new Rejection("c.csv", 9, "y", "metric", "unknown metric")),
                null, List.of());

        store.save(8, again);
        Path fresh = Files.createDirectories(data.resolve("fresh"));
        new BriefingStore(fresh).save(8, again);

        assertThat(Files.readAllBytes(data.resolve("work/briefing-8.bin")))
                .isEqualTo(Files.readAllBytes(fresh.resolve("work/briefing-8.bin")));
        assertThat(new BriefingStore(data).load(8)).isEqualTo(again);
    }

    @Test
    void shouldTakeTheEarlierFiguresOnlyForTheSamePeriodAndAsManyClaimsKnownAtACutoffNoEarlier() {
        BriefingStore.Earlier earlier = new BriefingStore.Earlier(briefing(), 3);
        Period period = Period.parse("2025-W18");
        Instant cutoff = briefing().cutoff();

        assertThat(earlier.sameClaims(period, cutoff.plusSeconds(60), 3)).isTrue();
        assertThat(earlier.sameClaims(period, cutoff.plusSeconds(60), 4)).isFalse();
        assertThat(earlier.sameClaims(period, cutoff.minusSeconds(60), 3)).isFalse();
        assertThat(earlier.sameClaims(Period.parse("2025-W19"), cutoff.plusSeconds(60), 3)).isFalse();
    }

    private static Briefing briefing() {
        String source = "NIS (South Korea)";
        List<Claim> claims = List.of(
                claim("k1", "2025-04-15", source, Metric.KILLED, 300, 300, Basis.CUMULATIVE, null),
                new Claim("k2", LocalDate.parse("2025-04-30"), source, "Yonhap", "DPRK forces in Russia", Metric.KILLED, 600, 650,
                        Qualifier.ABOUT, Basis.CUMULATIVE, LocalDate.parse("2025-04-29"), null, "https://example.org/ä",
                        "k1", "Корея 한국"),
                claim("i1", "2025-04-29", "JCS", Metric.REINFORCEMENTS, 1000, 1200, Basis.INCREMENT, LocalDate.parse("2025-04-01")));
        ChangeCalculator calculator = new ChangeCalculator(Period.parse("2025-W18"));
        calculator.addGroup(claims.subList(0, 2));
        calculator.addGroup(claims.subList(2, 3));
        return new Briefing(calculator.finish(), Instant.parse("2025-05-05T06:00:00.123456789Z"),
                List.of(new Rejection("a.csv", 3, "x", "value_low", "not a number"), Rejection.ofFile("b.csv", 1, "not UTF-8")),
                Instant.parse("2025-04-28T06:00:00Z"),
                List.of(new Restatement(new SeriesKey("DPRK forces in Russia", Metric.KILLED, source), null, new Range(300, 300))));
    }

    private static Claim claim(String id, String day, String source, Metric metric, long low, long high, Basis basis,
                               LocalDate windowStart) {
        LocalDate reported = LocalDate.parse(day);
        return new Claim(id, reported, source, null, "DPRK forces in Russia", metric, low, high, Qualifier.EXACT, basis,
                reported, windowStart, null, null, null);
    }
}
