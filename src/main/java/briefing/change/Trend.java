package briefing.change;

import briefing.ledger.SeriesKey;
import briefing.period.Period;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Values of every series at the end of each of the last periods, oldest first; the reported period
 * is the last. A series' list holds null for a period in which it had no value.
 */
public record Trend(List<Period> periods, Map<SeriesKey, List<Range>> values) implements Serializable {
}
