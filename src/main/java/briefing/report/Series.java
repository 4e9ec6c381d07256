package briefing.report;

import briefing.change.Figures;
import briefing.change.Range;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.SeriesKey;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Ways of picking rows out of the changes. The PDF lists metrics in the order of the vocabulary
 * (deployed, reinforcements, killed, wounded... casualties), which reads better than the
 * alphabetical order of {@code changes.csv}; subjects and sources keep that file's order.
 */
public final class Series {

    public static final Comparator<SeriesKey> READING_ORDER = Comparator.comparing(SeriesKey::subject)
            .thenComparing(SeriesKey::metric)
            .thenComparing(SeriesKey::isAll)
            .thenComparing(SeriesKey::source);

    private Series() {
    }

    public static List<SeriesChange> inReadingOrder(Figures figures) {
        List<SeriesChange> changes = new ArrayList<>(figures.changes());
        changes.sort(Comparator.comparing(SeriesChange::key, READING_ORDER));
        return changes;
    }

    public static Set<String> subjects(Figures figures) {
        Set<String> subjects = new LinkedHashSet<>();
        figures.changes().forEach(c -> subjects.add(c.key().subject()));
        return subjects;
    }

    /** The {@code ALL} rows: one per subject and metric. */
    public static List<SeriesChange> acrossSources(Figures figures) {
        return inReadingOrder(figures).stream().filter(c -> c.key().isAll()).toList();
    }

    /** The rows of each source behind an {@code ALL} row, in reading order. */
    public static List<SeriesChange> sourcesOf(Figures figures, SeriesKey all) {
        List<SeriesChange> sources = new ArrayList<>();
        for (SeriesChange change : figures.changes()) {
            SeriesKey key = change.key();
            if (!key.isAll() && key.subject().equals(all.subject()) && key.metric() == all.metric()) {
                sources.add(change);
            }
        }
        // the few rows picked, not every row of the briefing, sorted: this is asked once per metric and subject
        sources.sort(Comparator.comparing(SeriesChange::key, READING_ORDER));
        return sources;
    }

    /**
     * The value of each series at the end of the previous period as known now (null for a first figure), with the
     * records behind it: the figure a restatement moved to.
     */
    public static Map<SeriesKey, SeriesValue> previousValues(Figures figures) {
        Map<SeriesKey, SeriesValue> values = new HashMap<>();
        figures.changes().forEach(c -> values.put(c.key(), c.previous()));
        return values;
    }

    /** The change of the midpoint relative to the previous one; infinite for a first figure. */
    public static double movement(SeriesChange change) {
        if (change.previous() == null) {
            return Double.POSITIVE_INFINITY;
        }
        double before = mid(change.previous().range());
        return Math.abs(mid(change.value().range()) - before) / Math.max(1, Math.abs(before));
    }

    private static double mid(Range range) {
        return (range.low() + range.high()) / 2.0;
    }

    public static double mid(SeriesChange change) {
        return (change.value().range().low() + change.value().range().high()) / 2.0;
    }
}
