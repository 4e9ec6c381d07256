package briefing.ledger;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks one input row against the value rules of the input contract and turns it into a
 * {@link Claim}. Values are checked in the contract's column order and the first fault rejects the
 * row. The ledger rules (ids, series basis, corrections) are {@link LedgerRules}' job.
 */
public final class ClaimParser {

    /** Longest text value accepted; longer ones are rejected rather than cut. */
    public static final int MAX_TEXT_LENGTH = 10_000;

    private static final int MAX_RECORD_ID_LENGTH = 100;
    private static final int CANONICAL_LIMIT = 4096;

    private final LocalDate today;
    private final Map<String, String> canonical = new ConcurrentHashMap<>();

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

    /**
     * One string for each subject and source met (up to {@link #CANONICAL_LIMIT} of them): the ingest compares
     * and hashes them for every row, on the step's thread, where equal strings that are the same object
     * compare at once.
     */
    private String canonical(String text) {
        String known = canonical.get(text);
        if (known != null) {
            return known;
        }
        if (canonical.size() < CANONICAL_LIMIT) {
            canonical.putIfAbsent(text, text);
        }
        return text;
    }

    private Claim toClaim(InputRow row) {
        String recordId = required(row, Column.RECORD_ID);
        if (!isRecordId(recordId)) {
            throw new Fault(Column.RECORD_ID, "The record id '" + InputFiles.shorten(recordId)
                    + "' may only use letters, digits and . _ : - (1 to 100 characters).");
        }
        LocalDate reportedOn = date(Column.REPORTED_ON, required(row, Column.REPORTED_ON));
        if (reportedOn.isAfter(today)) {
            throw new Fault(Column.REPORTED_ON, "The date reported_on " + reportedOn + " is after today (" + today + ", UTC).");
        }
        String source = canonical(required(row, Column.SOURCE));
        if (source.equals(SeriesKey.ALL)) {
            // the reports' own name for the range across sources: a source of that name would vanish in it
            throw new Fault(Column.SOURCE, "The source 'ALL' is the reports' name for the range across all sources;"
                    + " name the source itself.");
        }
        String conduit = optional(row, Column.CONDUIT);
        String subject = canonical(required(row, Column.SUBJECT));
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
                    + String.format(Locale.ROOT, "%,d", MAX_TEXT_LENGTH) + " characters.");
        }
        return trimmed.isEmpty() ? null : trimmed;
    }

    /** {@code [A-Za-z0-9._:-]{1,100}}. */
    static boolean isRecordId(String text) {
        int length = text.length();
        if (length == 0 || length > MAX_RECORD_ID_LENGTH) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || isDigit(c) || c == '.' || c == '_' || c == ':' || c == '-')) {
                return false;
            }
        }
        return true;
    }

    /** Exactly {@code YYYY-MM-DD} (ASCII digits), then a day of the proleptic ISO calendar (year 0000 to 9999). */
    private static LocalDate date(Column column, String text) {
        if (text.length() != 10 || text.charAt(4) != '-' || text.charAt(7) != '-' || !digits(text, 0, 4)
                || !digits(text, 5, 7) || !digits(text, 8, 10)) {
            throw new Fault(column, column.header() + " '" + InputFiles.shorten(text) + "' is not a date written YYYY-MM-DD.");
        }
        try {
            return LocalDate.of(number(text, 0, 4), number(text, 5, 7), number(text, 8, 10));
        } catch (DateTimeException e) {
            throw new Fault(column, column.header() + " " + text + " is not a day of the calendar.");
        }
    }

    /**
     * Digits, optionally grouped in threes by commas or by spaces (one kind per number):
     * {@code \d+|\d{1,3}(,\d{3})+|\d{1,3}( \d{3})+}.
     */
    static boolean isWhole(String text) {
        int length = text.length();
        int i = 0;
        while (i < length && isDigit(text.charAt(i))) {
            i++;
        }
        if (i == length) {
            return length > 0;
        }
        char separator = text.charAt(i);
        if (i > 3 || i == 0 || separator != ',' && separator != ' ') {
            return false;
        }
        while (i < length) {
            if (text.charAt(i) != separator || i + 4 > length || !digits(text, i + 1, i + 4)) {
                return false;
            }
            i += 4;
        }
        return true;
    }

    private static boolean digits(String text, int from, int to) {
        for (int i = from; i < to; i++) {
            if (!isDigit(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int number(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            n = n * 10 + (text.charAt(i) - '0');
        }
        return n;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    static long wholeNumber(Column column, String text) {
        if (isWhole(text)) {
            String digits = text.replace(",", "").replace(" ", "");
            if (digits.length() > 18) {
                throw new Fault(column, column.header() + " " + InputFiles.shorten(text) + " is too large.");
            }
            return Long.parseLong(digits);
        }
        if (text.startsWith("-") && isWhole(text.substring(1).strip())) {
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
