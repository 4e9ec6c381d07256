package briefing.period;

import java.io.Serializable;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One reporting period: an ISO week ({@code 2025-W18}), a calendar month ({@code 2025-04}) or a
 * calendar quarter ({@code 2025-Q2}), with its first and last day (both inclusive).
 */
public record Period(Granularity granularity, String label, LocalDate start, LocalDate end) implements Serializable {

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q(\\d)");

    /** What a period label may look like, for usage messages. */
    public static final String LABEL_FORMS = "YYYY-Www (ISO week, e.g. 2025-W18), YYYY-MM (month, e.g. 2025-04) or YYYY-Qn (quarter, e.g. 2025-Q2)";

    /** Parses a label; throws {@link IllegalArgumentException} with a message a person can act on. */
    public static Period parse(String label) {
        String text = label == null ? "" : label.trim();
        Matcher m = WEEK.matcher(text);
        if (m.matches()) {
            int year = Integer.parseInt(m.group(1));
            int week = Integer.parseInt(m.group(2));
            LocalDate mondayOfWeek1 = LocalDate.of(year, 1, 4).with(DayOfWeek.MONDAY);
            int weeksInYear = (int) mondayOfWeek1.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum();
            if (week < 1 || week > weeksInYear) {
                throw invalid(text, year + " has ISO weeks 01 to " + weeksInYear);
            }
            return week(mondayOfWeek1.plusWeeks(week - 1L));
        }
        m = QUARTER.matcher(text);
        if (m.matches()) {
            int quarter = Integer.parseInt(m.group(2));
            if (quarter < 1 || quarter > 4) {
                throw invalid(text, "quarters are Q1 to Q4");
            }
            return quarter(LocalDate.of(Integer.parseInt(m.group(1)), quarter * 3 - 2, 1));
        }
        m = MONTH.matcher(text);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            if (month < 1 || month > 12) {
                throw invalid(text, "months are 01 to 12");
            }
            return month(LocalDate.of(Integer.parseInt(m.group(1)), month, 1));
        }
        throw invalid(text, "expected " + LABEL_FORMS);
    }

    /** The period of the given granularity that contains the day. */
    public static Period containing(LocalDate day, Granularity granularity) {
        return switch (granularity) {
            case WEEKLY -> week(day);
            case MONTHLY -> month(day);
            case QUARTERLY -> quarter(day);
        };
    }

    /** The latest period of the granularity that ended before {@code today}: what cron wants. */
    public static Period lastEndedBefore(LocalDate today, Granularity granularity) {
        return containing(today, granularity).previous();
    }

    public Period previous() {
        return containing(start.minusDays(1), granularity);
    }

    public Period next() {
        return containing(end.plusDays(1), granularity);
    }

    public boolean contains(LocalDate day) {
        return !day.isBefore(start) && !day.isAfter(end);
    }

    private static Period week(LocalDate day) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        int weekYear = monday.get(IsoFields.WEEK_BASED_YEAR);
        int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
        return new Period(Granularity.WEEKLY, String.format(Locale.ROOT, "%04d-W%02d", weekYear, week), monday, monday.plusDays(6));
    }

    private static Period month(LocalDate day) {
        YearMonth month = YearMonth.from(day);
        return new Period(Granularity.MONTHLY, String.format(Locale.ROOT, "%04d-%02d", month.getYear(), month.getMonthValue()),
                month.atDay(1), month.atEndOfMonth());
    }

    private static Period quarter(LocalDate day) {
        int quarter = (day.getMonthValue() - 1) / 3 + 1;
        LocalDate first = LocalDate.of(day.getYear(), quarter * 3 - 2, 1);
        return new Period(Granularity.QUARTERLY, String.format(Locale.ROOT, "%04d-Q%d", day.getYear(), quarter),
                first, first.plusMonths(3).minusDays(1));
    }

    private static IllegalArgumentException invalid(String label, String why) {
        return new IllegalArgumentException("Invalid period '" + label + "': " + why + ".");
    }
}
