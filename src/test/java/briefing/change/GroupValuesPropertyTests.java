package briefing.change;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/** The values of a group at several days are those the direct, one-day-at-a-time {@link SourceValues} gives. */
class GroupValuesPropertyTests {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    @Property(tries = 1500)
    void shouldGiveTheValuesOfTheDirectComputation(@ForAll("groups") List<Claim> claims, @ForAll("days") List<Integer> offsets) {
        List<LocalDate> days = offsets.stream().sorted().map(START::plusDays).toList();
        boolean[] keepRecords = new boolean[days.size()];
        for (int i = 0; i < days.size(); i++) {
            keepRecords[i] = i % 2 == 0;
        }

        List<Map<Metric, SeriesValue>> values = GroupValues.at(claims, days, keepRecords);

        for (int i = 0; i < days.size(); i++) {
            Map<Metric, SeriesValue> expected = SourceValues.at(claims, days.get(i));
            assertThat(values.get(i).keySet()).as("day %s", days.get(i)).isEqualTo(expected.keySet());
            for (Metric metric : expected.keySet()) {
                SeriesValue want = expected.get(metric);
                SeriesValue got = values.get(i).get(metric);
                if (!keepRecords[i] && got.records().isEmpty()) {
                    // an increment total lists its records only on the days asked for
                    want = new SeriesValue(want.key(), want.range(), want.derived(), want.recordId(), want.asOf(),
                            want.reportedOn(), want.latestReportedOn(), want.qualifier(), List.of());
                }
                assertThat(got).as("%s on %s", metric, days.get(i)).isEqualTo(want);
            }
        }
    }

    @Provide
    Arbitrary<List<Integer>> days() {
        return Arbitraries.integers().between(0, 40).list().ofMinSize(1).ofMaxSize(6);
    }

    @Provide
    Arbitrary<List<Claim>> groups() {
        Arbitrary<Metric> metric = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.just(Metric.KILLED)),
                Tuple.of(4, Arbitraries.just(Metric.WOUNDED)),
                Tuple.of(2, Arbitraries.just(Metric.CAPTURED)),
                Tuple.of(2, Arbitraries.just(Metric.MISSING)),
                Tuple.of(3, Arbitraries.just(Metric.CASUALTIES)),
                Tuple.of(2, Arbitraries.just(Metric.DEPLOYED)),
                Tuple.of(3, Arbitraries.just(Metric.REINFORCEMENTS)));
        Arbitrary<int[]> row = Combinators.combine(metric.map(Metric::ordinal), Arbitraries.integers().between(0, 40),
                Arbitraries.integers().between(0, 6), Arbitraries.integers().between(0, 500),
                Arbitraries.integers().between(0, 50), Arbitraries.integers().between(0, Qualifier.values().length - 1),
                Arbitraries.integers().between(-1, 30), Arbitraries.integers().between(0, 9))
                .as((m, reported, back, low, spread, q, supersedes, incrementCasualties) ->
                        new int[] {m, reported, back, low, spread, q, supersedes, incrementCasualties});
        return row.list().ofMaxSize(30).map(GroupValuesPropertyTests::claims);
    }

    private static List<Claim> claims(List<int[]> rows) {
        List<Claim> claims = new ArrayList<>();
        boolean casualtiesAsIncrements = !rows.isEmpty() && rows.get(0)[7] == 0;
        for (int i = 0; i < rows.size(); i++) {
            int[] r = rows.get(i);
            Metric metric = Metric.values()[r[0]];
            boolean increment = metric == Metric.REINFORCEMENTS || metric == Metric.CASUALTIES && casualtiesAsIncrements;
            LocalDate reported = START.plusDays(r[1]);
            LocalDate asOf = reported.minusDays(r[2] % 3 == 0 ? 0 : r[2]);
            // a correction names an earlier claim (sometimes one of another metric, which the rules would refuse)
            String supersedes = r[6] >= 0 && r[6] < i ? "c" + r[6] : null;
            claims.add(new Claim("c" + i, reported, "NIS", null, "DPRK", metric, r[3], r[3] + r[4],
                    Qualifier.values()[r[5]], increment ? Basis.INCREMENT : Basis.CUMULATIVE, asOf,
                    increment ? asOf.minusDays(7) : null, null, supersedes, null));
        }
        return claims;
    }
}
