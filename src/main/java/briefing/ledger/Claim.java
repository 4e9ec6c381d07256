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
        return String.join("\u001f", recordId, reportedOn.toString(), source, nullToEmpty(conduit), subject,
                metric.code(), Long.toString(valueLow), Long.toString(valueHigh), qualifier.code(), basis.code(),
                asOf.toString(), windowStart == null ? "" : windowStart.toString(), nullToEmpty(citation),
                nullToEmpty(supersedes), nullToEmpty(note));
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
