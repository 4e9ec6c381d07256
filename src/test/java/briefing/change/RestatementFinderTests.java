package briefing.change;

import static briefing.change.ChangeCalculatorTests.claim;
import static briefing.change.ChangeCalculatorTests.compute;
import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestatementFinderTests {

    private static final String NIS = "NIS (South Korea)";
    private static final String JCS = "JCS (South Korea)";

    @Test
    void shouldReportPreviousFiguresThatLateClaimsMoved() {
        Claim early = claim("k1", "2025-04-22", NIS, Metric.KILLED, 600, 600);
        Claim otherSource = claim("j1", "2025-04-22", JCS, Metric.KILLED, 500, 500);
        // reported inside W17 but ingested only after W17's briefing was sent
        Claim late = claim("k2", "2025-04-25", NIS, Metric.KILLED, 650, 650);
        List<Claim> now = List.of(early, otherSource, late);

        RestatementFinder finder = new RestatementFinder(Period.parse("2025-W17"));
        finder.addGroup(List.of(early));
        finder.addGroup(List.of(otherSource));
        List<Restatement> restated = finder.compare(compute("2025-W18", new ArrayList<>(now)));

        assertThat(restated).containsExactly(
                new Restatement(new SeriesKey("DPRK forces in Russia", Metric.KILLED, NIS), new Range(600, 600), new Range(650, 650)),
                new Restatement(new SeriesKey("DPRK forces in Russia", Metric.KILLED, SeriesKey.ALL), new Range(500, 600),
                        new Range(500, 650)));
    }

    @Test
    void shouldReportNothingWhenTheLedgerDidNotChange() {
        List<Claim> claims = List.of(claim("k1", "2025-04-22", NIS, Metric.KILLED, 600, 600));
        RestatementFinder finder = new RestatementFinder(Period.parse("2025-W17"));
        finder.addGroup(claims);

        assertThat(finder.compare(compute("2025-W18", claims))).isEmpty();
    }
}
