package briefing.ledger;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * One dated public claim, parsed and normalised: "on {@code reportedOn}, {@code source} said that
 * {@code metric} of {@code subject} stood at {@code valueLow..valueHigh} as of {@code asOf}".
 * Optional text is {@code null} when absent; {@code valueHigh} equals {@code valueLow} for a point
 * figure and {@code asOf} equals {@code reportedOn} when the input left it empty, so two claims
 * with the same content are equal.
 */
public record Claim(
        String recordId,
        LocalDate reportedOn,
        String source,
        String conduit,
        String subject,
        Metric metric,
        long valueLow,
        long valueHigh,
        Qualifier qualifier,
        Basis basis,
        LocalDate asOf,
        LocalDate windowStart,
        String citation,
        String supersedes,
        String note) implements Serializable {

    public boolean isIncrement() {
        return basis == Basis.INCREMENT;
    }

    /** The content as one string, for comparing a re-sent record with the stored one. */
    public String canonicalContent() {
        StringBuilder text = new StringBuilder(128 + recordId.length() + source.length() + subject.length()
                + length(conduit) + length(citation) + length(note));
        char separator = '\u001f';
        text.append(recordId).append(separator).append(reportedOn).append(separator).append(source).append(separator);
        appendOptional(text, conduit).append(separator).append(subject).append(separator).append(metric.code())
                .append(separator).append(valueLow).append(separator).append(valueHigh).append(separator)
                .append(qualifier.code()).append(separator).append(basis.code()).append(separator).append(asOf)
                .append(separator);
        if (windowStart != null) {
            text.append(windowStart);
        }
        text.append(separator);
        appendOptional(text, citation).append(separator);
        appendOptional(text, supersedes).append(separator);
        return appendOptional(text, note).toString();
    }

    private static StringBuilder appendOptional(StringBuilder text, String value) {
        return value == null ? text : text.append(value);
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }
}
