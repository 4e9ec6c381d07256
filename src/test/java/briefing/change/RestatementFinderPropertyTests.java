package briefing.change;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Claim;
import briefing.ledger.LedgerRepository.ClaimGroup;
import briefing.period.Period;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The previous period's values that the sweep gives are those of the claims known at the previous
 * briefing's cutoff whenever every claim that came later was reported after the previous period.
 */
class RestatementFinderPropertyTests {

    private static final Period PERIOD = Period.parse("2025-W04");
    private static final Instant THEN = Instant.parse("2025-01-27T06:00:00Z");
    private static final Instant NOW = Instant.parse("2025-02-20T06:00:00Z");

    @Test
    void shouldTakeThePreviousValuesFromTheSweepWhenNothingLaterChangedThem() {
        int compared = 0;
        int moved = 0;
        for (int seed = 0; seed < 1500; seed++) {
            Random random = new Random(seed);
            List<Claim> claims = GroupValuesPropertyTests.claims(GroupValuesPropertyTests.rows(random));
            List<Instant> ingestedAt = new ArrayList<>();
            for (Claim claim : claims) {
                boolean reportedLater = claim.reportedOn().isAfter(PERIOD.previous().end());
                ingestedAt.add(random.nextInt(reportedLater ? 2 : 12) == 0 ? NOW : THEN);
            }
            ClaimGroup group = new ClaimGroup("DPRK", "NIS", claims, ingestedAt);

            ChangeCalculator calculator = new ChangeCalculator(PERIOD);
            Collection<SeriesValue> previousValues = calculator.addGroup(claims);
            Figures figures = calculator.finish();
            RestatementFinder direct = new RestatementFinder(PERIOD.previous());
            direct.addGroup(group.knownAt(THEN));
            if (!group.sameUpTo(THEN, PERIOD.previous().end())) {
                moved += direct.compare(figures).isEmpty() ? 0 : 1;
                continue;
            }
            RestatementFinder fromSweep = new RestatementFinder(PERIOD.previous());
            fromSweep.addValues(previousValues);

            assertThat(fromSweep.compare(figures)).as("seed %d", seed).isEqualTo(direct.compare(figures)).isEmpty();
            compared++;
        }
        // both kinds of case come up: the check above is not empty
        assertThat(compared).isGreaterThan(300);
        assertThat(moved).isGreaterThan(30);
    }
}
