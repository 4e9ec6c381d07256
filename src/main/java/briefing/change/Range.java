package briefing.change;

import java.io.Serializable;

/** A figure as a closed range; a point figure has {@code low == high}. */
public record Range(long low, long high) implements Serializable {

    public boolean isPoint() {
        return low == high;
    }

    /** Twice the midpoint, kept whole so percentages stay exact. */
    long twiceMid() {
        return low + high;
    }

    Range plus(Range other) {
        return new Range(low + other.low, high + other.high);
    }

    Range span(Range other) {
        return new Range(Math.min(low, other.low), Math.max(high, other.high));
    }
}
