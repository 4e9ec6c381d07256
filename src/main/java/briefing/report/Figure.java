package briefing.report;

import briefing.change.Range;
import briefing.ledger.Qualifier;
import java.math.BigDecimal;
import java.util.Locale;

/** How figures read in the reports: "about 600", "10,000-12,000", "+1,700", "+56.7%". */
public final class Figure {

    private Figure() {
    }

    /** Grouped in threes by commas, as {@code String.format(Locale.ROOT, "%,d", n)} writes it, without its cost. */
    public static String number(long n) {
        if (n == Long.MIN_VALUE) {
            return String.format(Locale.ROOT, "%,d", n);
        }
        String digits = Long.toString(Math.abs(n));
        int length = digits.length();
        if (length <= 3) {
            return n < 0 ? "-" + digits : digits;
        }
        StringBuilder text = new StringBuilder(length + length / 3 + 1);
        if (n < 0) {
            text.append('-');
        }
        int head = length % 3 == 0 ? 3 : length % 3;
        text.append(digits, 0, head);
        for (int i = head; i < length; i += 3) {
            text.append(',').append(digits, i, i + 3);
        }
        return text.toString();
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
