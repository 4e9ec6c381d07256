package briefing.ledger;

import java.io.Serializable;
import java.util.Comparator;

/**
 * A series: one subject, one metric, one source. {@link #ALL} as source names the range across
 * every source of a subject and metric.
 */
public record SeriesKey(String subject, Metric metric, String source) implements Serializable {

    public static final String ALL = "ALL";

    /**
     * The order of {@code changes.csv}: subject, metric, source, each in plain code-unit order, with
     * {@code ALL} after the other sources of its subject and metric.
     */
    public static final Comparator<SeriesKey> REPORT_ORDER = Comparator.comparing(SeriesKey::subject)
            .thenComparing(k -> k.metric().code())
            .thenComparing(SeriesKey::isAll)
            .thenComparing(SeriesKey::source);

    public static SeriesKey of(Claim claim) {
        return new SeriesKey(claim.subject(), claim.metric(), claim.source());
    }

    public SeriesKey acrossSources() {
        return new SeriesKey(subject, metric, ALL);
    }

    public boolean isAll() {
        return ALL.equals(source);
    }

    // written out: the generated ones go through method handles, which the quick compiler the launcher
    // uses does not inline, and the ingest looks a series up for every row
    @Override
    public boolean equals(Object other) {
        return other instanceof SeriesKey key && subject.equals(key.subject) && metric == key.metric
                && source.equals(key.source);
    }

    @Override
    public int hashCode() {
        return (subject.hashCode() * 31 + metric.ordinal()) * 31 + source.hashCode();
    }
}
