package briefing.report;

import briefing.change.Range;
import briefing.ledger.Qualifier;
import java.math.BigDecimal;
import java.util.Locale;

/** How figures read in the reports: "about 600", "10,000-12,000", "+1,700", "+56.7%". */
public final class Figure {

    private Figure() {
    }

    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    public static String range(Range range) {
        return range.isPoint() ? number(range.low()) : number(range.low()) + "-" + number(range.high());
    }

    /** A range with its qualifier in words; a null qualifier (mixed hedges) prints none. */
    public static String inWords(Range range, Qualifier qualifier) {
        String words = qualifier == null ? "" : qualifier.words();
        return words.isEmpty() ? range(range) : words + " " + range(range);
    }

    public static String signed(long n) {
        return n > 0 ? "+" + number(n) : number(n);
    }

    /** The change of a range: "+300" for a point, "+300 / +500" when low and high moved differently. */
    public static String change(Long low, Long high) {
        if (low == null) {
            return "";
        }
        return low.equals(high) ? signed(low) : signed(low) + " / " + signed(high);
    }

    public static String percent(BigDecimal pct) {
        if (pct == null) {
            return "";
        }
        return (pct.signum() > 0 ? "+" : "") + pct.toPlainString() + "%";
    }
}
