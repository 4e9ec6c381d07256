package briefing.report;

import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Metric;
import briefing.period.Period;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/** How dates, periods and figures read in the PDF; English words whatever the default locale. */
public final class Words {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter SHORT_DAY = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMMM", Locale.ENGLISH);

    private Words() {
    }

    /** "30 April 2025". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** "30 Apr 2025", for table cells. */
    public static String shortDay(LocalDate day) {
        return day == null ? "" : SHORT_DAY.format(day);
    }

    /** The days of a period: "28 April - 4 May 2025", or "29 December 2025 - 4 January 2026". */
    public static String span(Period period) {
        LocalDate start = period.start();
        LocalDate end = period.end();
        String first = start.getYear() == end.getYear() ? DAY_MONTH.format(start) : day(start);
        return first + " - " + day(end);
    }

    /** "week", "month" or "quarter". */
    public static String unit(Period period) {
        return switch (period.granularity()) {
            case WEEKLY -> "week";
            case MONTHLY -> "month";
            case QUARTERLY -> "quarter";
        };
    }

    public static long daysBefore(LocalDate day, LocalDate end) {
        return ChronoUnit.DAYS.between(day, end);
    }

    /** A metric for a reader, capitalised for a table row: "Troops deployed". */
    public static String metric(Metric metric) {
        String label = metric.label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** A value in words: "about 600", "10,000-12,000". */
    public static String figure(SeriesValue value) {
        return Figure.inWords(value.range(), value.qualifier());
    }

    /** The change of a series in words: "+300 (+100.0%)"; empty without a previous value. */
    public static String change(SeriesChange change) {
        if (change.previous() == null) {
            return "";
        }
        String pct = Figure.percent(change.changePct());
        String amount = Figure.change(change.changeLow(), change.changeHigh());
        return pct.isEmpty() ? amount : amount + " (" + pct + ")";
    }

    /** Which way a series moved, by the midpoint of its range. */
    public static Direction direction(SeriesChange change) {
        if (change.previous() == null) {
            return Direction.FIRST;
        }
        long twiceMidChange = change.changeLow() + change.changeHigh();
        return twiceMidChange > 0 ? Direction.UP : twiceMidChange < 0 ? Direction.DOWN : Direction.FLAT;
    }

    /** How a series moved, with the marker the tables print. */
    public enum Direction {
        UP("\u25B2"), DOWN("\u25BC"), FLAT("\u25AC"), FIRST("\u25CF");

        private final String marker;

        Direction(String marker) {
            this.marker = marker;
        }

        public String marker() {
            return marker;
        }
    }

    /** When the record named was reported; for a sum of records, how many and the newest date. */
    public static String reported(SeriesValue value) {
        if (value.derived()) {
            return "the sum of these, the newest reported " + day(value.latestReportedOn());
        }
        if (value.records().size() > 1) {
            return "the latest of " + value.records().size() + " increments, the newest reported "
                    + day(value.latestReportedOn());
        }
        return "reported " + day(value.reportedOn());
    }
}
