package briefing.change;

import briefing.ledger.SeriesKey;
import java.io.Serializable;

/**
 * A figure of the previous period that changed after it was reported, because late claims or
 * corrections arrived: its value as known at that briefing's cutoff ({@code asReported}, null when
 * the series had no value then) and as known now.
 */
public record Restatement(SeriesKey key, Range asReported, Range now) implements Serializable {
}
