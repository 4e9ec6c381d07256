package briefing.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChangeCalculatorTests {

    private static final String DPRK = "DPRK forces in Russia";
    private static final String NIS = "NIS (South Korea)";
    private static final String JCS = "JCS (South Korea)";

    @Test
    void shouldReportNisKilledDoublingAsPlus300AndPlus100Percent() {
        List<Claim> claims = List.of(
                claim("k1", "2025-01-15", NIS, Metric.KILLED, 300, 300),
                claim("k2", "2025-04-30", NIS, Metric.KILLED, 600, 600));

        SeriesChange killed = row(compute("2025-Q2", claims), NIS, Metric.KILLED);

        assertThat(killed.value().range()).isEqualTo(new Range(600, 600));
        assertThat(killed.previous().range()).isEqualTo(new Range(300, 300));
        assertThat(killed.changeLow()).isEqualTo(300);
        assertThat(killed.changeHigh()).isEqualTo(300);
        assertThat(killed.changePct()).isEqualByComparingTo("100.0");
        assertThat(killed.status()).isEqualTo(Status.NEW);
        assertThat(killed.value().recordId()).isEqualTo("k2");
    }

    @Test
    void shouldDeriveJanuaryCasualtiesFromKilledAndWoundedAndCompareWithApril() {
        // January: 300 killed + 2,700 wounded = 3,000 derived; April: 4,700 claimed. +1,700, +56.7%
        List<Claim> claims = List.of(
                claim("k-jan", "2025-01-31", NIS, Metric.KILLED, 300, 300),
                claim("w-jan", "2025-01-31", NIS, Metric.WOUNDED, 2700, 2700),
                claim("c-apr", "2025-04-30", NIS, Metric.CASUALTIES, 4700, 4700));

        Figures q2 = compute("2025-Q2", claims);
        SeriesChange casualties = row(q2, NIS, Metric.CASUALTIES);

        assertThat(casualties.previous().range()).isEqualTo(new Range(3000, 3000));
        assertThat(casualties.previous().derived()).isTrue();
        assertThat(casualties.previous().recordId()).isEqualTo("k-jan+w-jan");
        assertThat(casualties.value().derived()).isFalse();
        assertThat(casualties.changeLow()).isEqualTo(1700);
        assertThat(casualties.changePct()).isEqualByComparingTo("56.7");

        SeriesChange q1 = row(compute("2025-Q1", claims), NIS, Metric.CASUALTIES);
        assertThat(q1.value().derived()).isTrue();
        assertThat(q1.value().range()).isEqualTo(new Range(3000, 3000));
        assertThat(q1.value().asOf()).isEqualTo(LocalDate.of(2025, 1, 31));
        assertThat(q1.status()).isEqualTo(Status.FIRST);
    }

    @Test
    void shouldAddCapturedAndMissingOfTheSameDayToDerivedCasualtiesAndTakeTheLatestReportedOn() {
        List<Claim> claims = List.of(
                claim("k", "2025-03-01", NIS, Metric.KILLED, 100, 150),
                claim("w", "2025-03-03", "2025-03-01", NIS, Metric.WOUNDED, 200, 250),
                claim("c", "2025-03-02", "2025-03-01", NIS, Metric.CAPTURED, 2, 2),
                claim("m", "2025-03-01", NIS, Metric.MISSING, 10, 20),
                claim("m-other-day", "2025-02-01", NIS, Metric.MISSING, 999, 999));

        SeriesValue derived = row(compute("2025-03", claims), NIS, Metric.CASUALTIES).value();

        assertThat(derived.range()).isEqualTo(new Range(312, 422));
        assertThat(derived.recordId()).isEqualTo("c+k+m+w");
        assertThat(derived.reportedOn()).isEqualTo(LocalDate.of(2025, 3, 3));
        assertThat(derived.derived()).isTrue();
    }

    @Test
    void shouldNotDeriveCasualtiesForADayThatHasARealCasualtiesRecordOrLacksWounded() {
        List<Claim> claims = List.of(
                claim("k1", "2025-03-01", NIS, Metric.KILLED, 100, 100),
                claim("w1", "2025-03-01", NIS, Metric.WOUNDED, 200, 200),
                claim("c1", "2025-03-01", NIS, Metric.CASUALTIES, 250, 250),
                claim("k2", "2025-03-10", NIS, Metric.KILLED, 150, 150));

        SeriesChange casualties = row(compute("2025-03", claims), NIS, Metric.CASUALTIES);

        assertThat(casualties.value().range()).isEqualTo(new Range(250, 250));
        assertThat(casualties.value().derived()).isFalse();
    }

    @Test
    void shouldLetALaterDerivedValueBeatAnOlderRealCasualtiesRecord() {
        List<Claim> claims = List.of(
                claim("c1", "2025-03-01", NIS, Metric.CASUALTIES, 250, 250),
                claim("k2", "2025-03-10", NIS, Metric.KILLED, 150, 150),
                claim("w2", "2025-03-10", NIS, Metric.WOUNDED, 300, 300));

        SeriesValue casualties = row(compute("2025-03", claims), NIS, Metric.CASUALTIES).value();

        assertThat(casualties.range()).isEqualTo(new Range(450, 450));
        assertThat(casualties.recordId()).isEqualTo("k2+w2");
    }

    @Test
    void shouldPickLatestAsOfThenLatestReportedOnThenGreatestRecordId() {
        List<Claim> claims = List.of(
                claim("a", "2025-03-20", "2025-03-01", NIS, Metric.KILLED, 100, 100),
                claim("b", "2025-03-05", "2025-03-02", NIS, Metric.KILLED, 200, 200),
                claim("c", "2025-03-06", "2025-03-02", NIS, Metric.KILLED, 300, 300),
                claim("d", "2025-03-06", "2025-03-02", NIS, Metric.KILLED, 400, 400));

        assertThat(row(compute("2025-03", claims), NIS, Metric.KILLED).value().recordId()).isEqualTo("d");
    }

    @Test
    void shouldPlaceAClaimInThePeriodItWasReportedWhateverDateItRefersTo() {
        // reported in W18 about a day in W10: W17's briefing does not see it, W18's does
        List<Claim> claims = List.of(
                claim("old", "2025-03-01", NIS, Metric.KILLED, 100, 100),
                claim("late", "2025-04-30", "2025-03-05", NIS, Metric.KILLED, 120, 120));

        assertThat(row(compute("2025-W17", claims), NIS, Metric.KILLED).value().recordId()).isEqualTo("old");
        SeriesChange w18 = row(compute("2025-W18", claims), NIS, Metric.KILLED);
        assertThat(w18.value().recordId()).isEqualTo("late");
        assertThat(w18.status()).isEqualTo(Status.NEW);
    }

    @Test
    void shouldHonourACorrectionOnlyFromThePeriodInWhichItWasReported() {
        Claim original = claim("orig", "2025-04-01", NIS, Metric.KILLED, 600, 600);
        Claim correction = withSupersedes(claim("corr", "2025-04-20", "2025-04-01", NIS, Metric.KILLED, 550, 550), "orig");
        Claim newer = claim("newer", "2025-04-10", "2025-04-05", NIS, Metric.KILLED, 500, 500);
        List<Claim> claims = List.of(original, correction, newer);

        // by 6 April: only the original; by 13 April: newer (as_of 5 April) wins anyway
        assertThat(row(compute("2025-W14", claims), NIS, Metric.KILLED).value().recordId()).isEqualTo("orig");
        // by 20 April the correction removes "orig", but "newer" has the later as_of
        assertThat(row(compute("2025-W16", claims), NIS, Metric.KILLED).value().recordId()).isEqualTo("newer");
    }

    @Test
    void shouldReplaceASupersededRecordWithItsCorrection() {
        Claim original = claim("orig", "2025-04-01", NIS, Metric.KILLED, 600, 600);
        Claim correction = withSupersedes(claim("corr", "2025-04-20", "2025-04-01", NIS, Metric.KILLED, 550, 550), "orig");

        SeriesChange change = row(compute("2025-W16", List.of(original, correction)), NIS, Metric.KILLED);

        assertThat(change.value().recordId()).isEqualTo("corr");
        assertThat(change.previous().recordId()).isEqualTo("orig");
        assertThat(change.changeLow()).isEqualTo(-50);
        assertThat(change.changePct()).isEqualByComparingTo("-8.3");
        assertThat(change.status()).isEqualTo(Status.NEW);
    }

    @Test
    void shouldSumIncrementsAndDescribeTheLatestOne() {
        List<Claim> claims = List.of(
                increment("r1", "2025-03-31", "2025-01-01", "2025-02-28", JCS, 3000, 3000),
                increment("r2", "2025-04-15", "2025-03-01", "2025-04-10", JCS, 1000, 1500),
                claim("d1", "2025-03-31", JCS, Metric.DEPLOYED, 11000, 11000));

        Figures april = compute("2025-04", claims);
        SeriesChange reinforcements = row(april, JCS, Metric.REINFORCEMENTS);

        assertThat(reinforcements.value().range()).isEqualTo(new Range(4000, 4500));
        assertThat(reinforcements.previous().range()).isEqualTo(new Range(3000, 3000));
        assertThat(reinforcements.value().recordId()).isEqualTo("r2");
        assertThat(reinforcements.value().asOf()).isEqualTo(LocalDate.of(2025, 4, 10));
        assertThat(reinforcements.status()).isEqualTo(Status.NEW);
        // increments never reach the stock
        assertThat(row(april, JCS, Metric.DEPLOYED).value().range()).isEqualTo(new Range(11000, 11000));
        assertThat(row(april, JCS, Metric.DEPLOYED).status()).isEqualTo(Status.CARRIED);
    }

    @Test
    void shouldStopRatherThanLetASumOfIncrementsWrapRound() {
        List<Claim> claims = new ArrayList<>();
        for (int i = 1; i <= 5; i++) {
            claims.add(increment("i" + i, "2025-04-30", "2025-04-01", "2025-04-" + (10 + i), JCS, 999_999_999_999_999_999L,
                    999_999_999_999_999_999L));
        }

        assertThatThrownBy(() -> compute("2025-04", claims)).isInstanceOf(ArithmeticException.class)
                .hasMessageContaining("The increments of reinforcements by " + JCS + " on DPRK forces in Russia add up to"
                        + " more than 4611686018427387903");
        // four are the most the job adds up, with their change from one (the midpoints neither wrap round)
        List<Claim> four = new ArrayList<>(claims.subList(0, 4));
        four.set(0, increment("i1", "2025-03-31", "2025-03-01", "2025-03-11", JCS, 999_999_999_999_999_999L,
                999_999_999_999_999_999L));
        SeriesChange april = compute("2025-04", four).changes().get(0);
        assertThat(april.value().range().low()).isEqualTo(3_999_999_999_999_999_996L);
        assertThat(april.changePct()).isEqualByComparingTo("300.0");
    }

    @Test
    void shouldGiveAnIncrementSeriesWithNoCountedIncrementNoRow() {
        List<Claim> claims = List.of(increment("r1", "2025-05-02", "2025-04-01", "2025-04-30", JCS, 10, 10));

        assertThat(compute("2025-04", claims).changes()).isEmpty();
    }

    @Test
    void shouldSpanSourcesInAllWithSmallestLowAndLargestHigh() {
        List<Claim> claims = List.of(
                claim("n", "2025-03-31", NIS, Metric.CASUALTIES, 4000, 4000),
                claim("j", "2025-04-30", JCS, Metric.CASUALTIES, 3500, 4700));

        Figures april = compute("2025-04", claims);
        SeriesChange all = row(april, SeriesKey.ALL, Metric.CASUALTIES);

        assertThat(all.value().range()).isEqualTo(new Range(3500, 4700));
        assertThat(all.previous().range()).isEqualTo(new Range(4000, 4000));
        assertThat(all.value().derived()).isTrue();
        assertThat(all.value().recordId()).isNull();
        assertThat(all.status()).isEqualTo(Status.NEW);
        // mid 4,100 vs 4,000: +2.5%
        assertThat(all.changePct()).isEqualByComparingTo("2.5");
        assertThat(april.changes().get(april.changes().size() - 1).key().source()).isEqualTo(SeriesKey.ALL);
    }

    @Test
    void shouldCarryAllWhenNoSourceReportedInsideThePeriod() {
        List<Claim> claims = List.of(claim("n", "2025-03-31", NIS, Metric.KILLED, 600, 600));

        assertThat(row(compute("2025-04", claims), SeriesKey.ALL, Metric.KILLED).status()).isEqualTo(Status.CARRIED);
    }

    @Test
    void shouldRoundPercentHalfUpAndNeverPrintMinusZero() {
        assertThat(ChangeCalculator.percentChange(new Range(3000, 3000), new Range(4700, 4700))).isEqualByComparingTo("56.7");
        // 1/16 = 6.25% -> 6.3 (half-up)
        assertThat(ChangeCalculator.percentChange(new Range(1600, 1600), new Range(1700, 1700)).toPlainString()).isEqualTo("6.3");
        // -6.25% -> -6.3 (half away from zero)
        assertThat(ChangeCalculator.percentChange(new Range(1600, 1600), new Range(1500, 1500)).toPlainString()).isEqualTo("-6.3");
        // -0.01% rounds to zero, printed 0.0
        assertThat(ChangeCalculator.percentChange(new Range(10000, 10000), new Range(9999, 9999)).toPlainString()).isEqualTo("0.0");
        assertThat(ChangeCalculator.percentChange(new Range(0, 0), new Range(5, 5))).isNull();
        assertThat(ChangeCalculator.percentChange(new Range(10, 10), new Range(10, 10))).isEqualTo(new BigDecimal("0.0"));
    }

    @Test
    void shouldSortBySubjectMetricSourceWithAllLastInCodeUnitOrder() {
        List<Claim> claims = List.of(
                claim("1", "2025-04-01", "b-source", Metric.KILLED, 1, 1),
                claim("2", "2025-04-01", "B-source", Metric.KILLED, 1, 1),
                claim("3", "2025-04-01", "Z", Metric.DEPLOYED, 1, 1));

        List<String> order = compute("2025-04", claims).changes().stream()
                .map(c -> c.key().metric().code() + "/" + c.key().source()).toList();

        assertThat(order).containsExactly("deployed/Z", "deployed/ALL", "killed/B-source", "killed/b-source", "killed/ALL");
    }

    @Test
    void shouldKeepTwelvePeriodsOfTrendEndingWithTheReportedOne() {
        Figures figures = compute("2025-W18", List.of(claim("k", "2025-04-30", NIS, Metric.KILLED, 600, 600)));

        assertThat(figures.trend().periods()).hasSize(12);
        assertThat(figures.trend().periods().get(11).label()).isEqualTo("2025-W18");
        assertThat(figures.trend().periods().get(0).label()).isEqualTo("2025-W07");
        List<Range> nis = figures.trend().values().get(new SeriesKey(DPRK, Metric.KILLED, NIS));
        assertThat(nis.get(10)).isNull();
        assertThat(nis.get(11)).isEqualTo(new Range(600, 600));
    }

    // --- helpers

    @Test
    void shouldListEachRecordBehindTheFiguresOnceInRecordIdOrder() {
        List<Claim> claims = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (int source = 0; source < 40; source++) {
            // ids whose order is neither the sources' nor the order they are added in
            String before = "r" + (source * 7919 % 97) + "-q1";
            String now = "r" + (source * 104729 % 89) + "-q2-" + source;
            claims.add(claim(before, "2025-01-15", "Source " + source, Metric.KILLED, 100 + source, 100 + source));
            claims.add(claim(now, "2025-04-30", "Source " + source, Metric.KILLED, 200 + source, 200 + source));
            ids.add(before);
            ids.add(now);
        }

        List<String> behind = compute("2025-Q2", claims).recordsBehind().stream().map(Claim::recordId).toList();

        assertThat(behind).containsExactlyElementsOf(ids.stream().distinct().sorted().toList());
    }

    static Figures compute(String label, List<Claim> claims) {
        ChangeCalculator calculator = new ChangeCalculator(Period.parse(label));
        Map<String, List<Claim>> groups = new LinkedHashMap<>();
        for (Claim c : claims) {
            groups.computeIfAbsent(c.subject() + "|" + c.source(), k -> new ArrayList<>()).add(c);
        }
        groups.values().forEach(calculator::addGroup);
        return calculator.finish();
    }

    static SeriesChange row(Figures figures, String source, Metric metric) {
        return figures.changes().stream()
                .filter(c -> c.key().source().equals(source) && c.key().metric() == metric)
                .findFirst().orElseThrow(() -> new AssertionError("no row for " + source + " " + metric));
    }

    static Claim claim(String id, String reportedOn, String source, Metric metric, long low, long high) {
        return claim(id, reportedOn, reportedOn, source, metric, low, high);
    }

    static Claim claim(String id, String reportedOn, String asOf, String source, Metric metric, long low, long high) {
        return new Claim(id, LocalDate.parse(reportedOn), source, null, DPRK, metric, low, high, Qualifier.EXACT,
                Basis.CUMULATIVE, LocalDate.parse(asOf), null, null, null, null);
    }

    static Claim increment(String id, String reportedOn, String windowStart, String asOf, String source, long low, long high) {
        return new Claim(id, LocalDate.parse(reportedOn), source, null, DPRK, Metric.REINFORCEMENTS, low, high,
                Qualifier.EXACT, Basis.INCREMENT, LocalDate.parse(asOf), LocalDate.parse(windowStart), null, null, null);
    }

    static Claim withSupersedes(Claim c, String supersedes) {
        return new Claim(c.recordId(), c.reportedOn(), c.source(), c.conduit(), c.subject(), c.metric(), c.valueLow(),
                c.valueHigh(), c.qualifier(), c.basis(), c.asOf(), c.windowStart(), c.citation(), supersedes, c.note());
    }
}
