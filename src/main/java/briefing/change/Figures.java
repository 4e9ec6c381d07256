package briefing.change;

import briefing.ledger.Claim;
import briefing.period.Period;
import java.io.Serializable;
import java.util.List;

/**
 * Everything a run computes for one period: the change of every series (in the order of
 * {@code changes.csv}), the trend behind the charts, the claims made public inside the period, and
 * every record behind a figure of this period or the previous one.
 */
public record Figures(
        Period period,
        List<SeriesChange> changes,
        Trend trend,
        List<Claim> newClaims,
        List<Claim> recordsBehind) implements Serializable {
}
