package briefing.ledger;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;

/**
 * Checks one input row against the value rules of the input contract and turns it into a
 * {@link Claim}. Values are checked in the contract's column order and the first fault rejects the
 * row. The ledger rules (ids, series basis, corrections) are {@link LedgerRules}' job.
 */
public final class ClaimParser {

    /** Longest text value accepted; longer ones are rejected rather than cut. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern WHOLE = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+|\\d{1,3}( \\d{3})+");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);

    private final LocalDate today;

    /** @param today the day (UTC) on which the run reads the input: no claim may be reported after it */
    public ClaimParser(LocalDate today) {
        this.today = today;
    }

    /** The outcome for one row: a claim, or the rejection that names its first fault. */
    public record Outcome(Claim claim, Rejection rejection) {
    }

    public Outcome parse(InputRow row) {
        if (row.fault() != null) {
            return new Outcome(null, row.fault());
        }
        try {
            return new Outcome(toClaim(row), null);
        } catch (Fault fault) {
            return new Outcome(null, Rejection.ofValue(row, fault.column, fault.getMessage()));
        }
    }

    private Claim toClaim(InputRow row) {
        String recordId = required(row, Column.RECORD_ID);
        if (!RECORD_ID.matcher(recordId).matches()) {
            throw new Fault(Column.RECORD_ID, "The record id '" + InputFiles.shorten(recordId)
                    + "' may only use letters, digits and . _ : - (1 to 100 characters).");
        }
        LocalDate reportedOn = date(Column.REPORTED_ON, required(row, Column.REPORTED_ON));
        if (reportedOn.isAfter(today)) {
            throw new Fault(Column.REPORTED_ON, "The date reported_on " + reportedOn + " is after today (" + today + ", UTC).");
        }
        String source = required(row, Column.SOURCE);
        if (source.equals(SeriesKey.ALL)) {
            // the reports' own name for the range across sources: a source of that name would vanish in it
            throw new Fault(Column.SOURCE, "The source 'ALL' is the reports' name for the range across all sources;"
                    + " name the source itself.");
        }
        String conduit = optional(row, Column.CONDUIT);
        String subject = required(row, Column.SUBJECT);
        String metricText = required(row, Column.METRIC);
        Metric metric = Metric.fromCode(metricText).orElseThrow(() -> new Fault(Column.METRIC,
                "Unknown metric '" + InputFiles.shorten(metricText) + "'; use one of " + Metric.vocabulary() + "."));
        long low = wholeNumber(Column.VALUE_LOW, required(row, Column.VALUE_LOW));
        String highText = optional(row, Column.VALUE_HIGH);
        long high = highText == null ? low : wholeNumber(Column.VALUE_HIGH, highText);
        if (high < low) {
            throw new Fault(Column.VALUE_HIGH, "value_high " + high + " is below value_low " + low + ".");
        }
        String qualifierText = optional(row, Column.QUALIFIER);
        Qualifier qualifier = qualifierText == null ? Qualifier.EXACT : Qualifier.fromCode(qualifierText)
                .orElseThrow(() -> new Fault(Column.QUALIFIER, "Unknown qualifier '" + InputFiles.shorten(qualifierText)
                        + "'; use one of " + Qualifier.vocabulary() + "."));
        String basisText = optional(row, Column.BASIS);
        Basis basis = basisText == null ? Basis.CUMULATIVE : Basis.fromCode(basisText)
                .orElseThrow(() -> new Fault(Column.BASIS, "Unknown basis '" + InputFiles.shorten(basisText)
                        + "'; use cumulative or increment."));
        String asOfText = optional(row, Column.AS_OF);
        LocalDate asOf = asOfText == null ? reportedOn : date(Column.AS_OF, asOfText);
        if (asOf.isAfter(reportedOn)) {
            throw new Fault(Column.AS_OF, "as_of " + asOf + " is after reported_on " + reportedOn + ".");
        }
        String windowText = optional(row, Column.WINDOW_START);
        LocalDate windowStart = null;
        if (basis == Basis.INCREMENT) {
            if (windowText == null) {
                throw new Fault(Column.WINDOW_START, "An increment needs window_start, the first day of the window it counts.");
            }
            windowStart = date(Column.WINDOW_START, windowText);
            if (windowStart.isAfter(asOf)) {
                throw new Fault(Column.WINDOW_START, "window_start " + windowStart + " is after as_of " + asOf + ".");
            }
        } else if (windowText != null) {
            throw new Fault(Column.WINDOW_START, "window_start is only for basis=increment; leave it empty for a cumulative figure.");
        }
        String citation = optional(row, Column.CITATION);
        String supersedes = optional(row, Column.SUPERSEDES);
        String note = optional(row, Column.NOTE);
        return new Claim(recordId, reportedOn, source, conduit, subject, metric, low, high, qualifier, basis, asOf,
                windowStart, citation, supersedes, note);
    }

    private static String required(InputRow row, Column column) {
        String value = optional(row, column);
        if (value == null) {
            throw new Fault(column, "The required value " + column.header() + " is missing.");
        }
        return value;
    }

    private static String optional(InputRow row, Column column) {
        String value = row.value(column);
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        if (trimmed.length() > MAX_TEXT_LENGTH) {
            throw new Fault(column, "The value of " + column.header() + " is longer than "
                    + String.format("%,d", MAX_TEXT_LENGTH) + " characters.");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static LocalDate date(Column column, String text) {
        if (!DATE_SHAPE.matcher(text).matches()) {
            throw new Fault(column, column.header() + " '" + InputFiles.shorten(text) + "' is not a date written YYYY-MM-DD.");
        }
        try {
            return LocalDate.parse(text, DATE);
        } catch (DateTimeParseException e) {
            throw new Fault(column, column.header() + " " + text + " is not a day of the calendar.");
        }
    }

    static long wholeNumber(Column column, String text) {
        if (WHOLE.matcher(text).matches()) {
            String digits = text.replace(",", "").replace(" ", "");
            if (digits.length() > 18) {
                throw new Fault(column, column.header() + " " + InputFiles.shorten(text) + " is too large.");
            }
            return Long.parseLong(digits);
        }
        if (text.startsWith("-") && WHOLE.matcher(text.substring(1).strip()).matches()) {
            throw new Fault(column, column.header() + " " + text + " is negative; figures are counts of 0 or more.");
        }
        throw new Fault(column, column.header() + " '" + InputFiles.shorten(text)
                + "' is not a whole number (digits, optionally grouped in threes: 4700, 4,700, 4 700); write a range as value_low and value_high.");
    }

    /** The first fault of a row; a control-flow exception without a stack trace. */
    private static final class Fault extends RuntimeException {
        private final Column column;

        Fault(Column column, String message) {
            super(message, null, false, false);
            this.column = column;
        }
    }
}
