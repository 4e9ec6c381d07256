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
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The values of a group at several days are those the direct, one-day-at-a-time {@link SourceValues} gives. */
class GroupValuesPropertyTests {

    private static final LocalDate START = LocalDate.of(2025, 1, 1);

    private static final int TRIES = 1500;

    @Test
    void shouldGiveTheValuesOfTheDirectComputation() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            List<Claim> claims = claims(rows(random));
            List<Integer> offsets = new ArrayList<>();
            for (int n = 1 + random.nextInt(6); n > 0; n--) {
                offsets.add(random.nextInt(41));
            }
            check(claims, offsets, seed);
        }
    }

    private static void check(List<Claim> claims, List<Integer> offsets, int seed) {
        List<LocalDate> days = offsets.stream().sorted().map(START::plusDays).toList();
        boolean[] keepRecords = new boolean[days.size()];
        for (int i = 0; i < days.size(); i++) {
            keepRecords[i] = i % 2 == 0;
        }

        List<Map<Metric, SeriesValue>> values = GroupValues.at(claims, days, keepRecords);

        for (int i = 0; i < days.size(); i++) {
            Map<Metric, SeriesValue> expected = SourceValues.at(claims, days.get(i));
            assertThat(values.get(i).keySet()).as("seed %d, day %s", seed, days.get(i)).isEqualTo(expected.keySet());
            for (Metric metric : expected.keySet()) {
                SeriesValue want = expected.get(metric);
                SeriesValue got = values.get(i).get(metric);
                if (!keepRecords[i] && got.records().isEmpty()) {
                    // an increment total lists its records only on the days asked for
                    want = new SeriesValue(want.key(), want.range(), want.derived(), want.recordId(), want.asOf(),
                            want.reportedOn(), want.latestReportedOn(), want.qualifier(), List.of());
                }
                assertThat(got).as("seed %d, %s on %s", seed, metric, days.get(i)).isEqualTo(want);
            }
        }
    }

    /** Up to 30 rows: metric (weighted), reported day, days back, low, spread, qualifier, supersedes, increment switch. */
    static List<int[]> rows(Random random) {
        Metric[] weighted = {Metric.KILLED, Metric.KILLED, Metric.KILLED, Metric.KILLED, Metric.WOUNDED, Metric.WOUNDED,
                Metric.WOUNDED, Metric.WOUNDED, Metric.CAPTURED, Metric.CAPTURED, Metric.MISSING, Metric.MISSING,
                Metric.CASUALTIES, Metric.CASUALTIES, Metric.CASUALTIES, Metric.DEPLOYED, Metric.DEPLOYED,
                Metric.REINFORCEMENTS, Metric.REINFORCEMENTS, Metric.REINFORCEMENTS};
        List<int[]> rows = new ArrayList<>();
        for (int n = random.nextInt(31); n > 0; n--) {
            rows.add(new int[] {weighted[random.nextInt(weighted.length)].ordinal(), random.nextInt(41), random.nextInt(7),
                    random.nextInt(501), random.nextInt(51), random.nextInt(Qualifier.values().length),
                    random.nextInt(32) - 1, random.nextInt(10)});
        }
        return rows;
    }

    static List<Claim> claims(List<int[]> rows) {
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
