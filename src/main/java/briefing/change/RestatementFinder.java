package briefing.change;

import briefing.ledger.Claim;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds the figures of the previous period that moved since its briefing: fed the claims known at
 * that briefing's cutoff (one subject-and-source group at a time), it compares their values at the
 * end of the previous period with the previous values of the figures computed now.
 */
public final class RestatementFinder {

    private final Period previous;
    private final Map<SeriesKey, Range> asReported = new HashMap<>();

    public RestatementFinder(Period previous) {
        this.previous = previous;
    }

    public void addGroup(List<Claim> subjectSourceClaims) {
        addValues(valuesOf(subjectSourceClaims));
    }

    /** The values of one subject and one source at the end of the previous period, for {@link #addValues}: thread-safe. */
    public Collection<SeriesValue> valuesOf(List<Claim> subjectSourceClaims) {
        return GroupValues.at(subjectSourceClaims, List.of(previous.end()), new boolean[1]).get(0).values();
    }

    /**
     * Adds the values of one subject and one source at the end of the previous period, computed already
     * from claims that give the same values as those known at that briefing's cutoff: values at a day
     * depend only on the claims reported by then.
     */
    public void addValues(Collection<SeriesValue> valuesAtPreviousEnd) {
        for (SeriesValue value : valuesAtPreviousEnd) {
            asReported.put(value.key(), value.range());
            asReported.merge(value.key().acrossSources(), value.range(), Range::span);
        }
    }

    /** The restated figures, in the order of {@code changes.csv}. */
    public List<Restatement> compare(Figures now) {
        List<Restatement> restated = new ArrayList<>();
        for (SeriesChange change : now.changes()) {
            Range then = asReported.get(change.key());
            Range current = change.previous() == null ? null : change.previous().range();
            if (current != null && !current.equals(then)) {
                restated.add(new Restatement(change.key(), then, current));
            }
        }
        return List.copyOf(restated);
    }
}
