package briefing.ledger;

import java.util.Optional;

/**
 * The ledger rules of the input contract, applied to a parsed claim in the order rows are met:
 * a record id seen before with the same content is a no-op, with other content a conflict; a series
 * keeps one basis; {@code supersedes} names an accepted record of the same series. A correction must
 * name a record met before it (in the ledger or earlier in this run's input).
 */
public final class LedgerRules {

    /** What became of a claim: accepted (and recorded in the view), already in the ledger, or rejected. */
    public record Decision(Kind kind, Rejection rejection) {
        public enum Kind { ACCEPTED, ALREADY_IN_LEDGER, REJECTED }
    }

    /** The words that tell a conflict with a record in the ledger, which stands for good (see {@link #isLasting}). */
    private static final String CONFLICT = " was already loaded with other content from ";

    private static final Decision ACCEPTED = new Decision(Decision.Kind.ACCEPTED, null);
    private static final Decision ALREADY_IN_LEDGER = new Decision(Decision.Kind.ALREADY_IN_LEDGER, null);

    private final LedgerView ledger;

    public LedgerRules(LedgerView ledger) {
        this.ledger = ledger;
    }

    public Decision apply(Claim claim, InputRow row) {
        Optional<StoredClaim> same = ledger.find(claim.recordId());
        if (same.isPresent()) {
            StoredClaim earlier = same.get();
            // parsed values are compared, so 4,700 equals 4700
            if (earlier.claim().canonicalContent().equals(claim.canonicalContent())) {
                return ALREADY_IN_LEDGER;
            }
            return reject(row, Column.RECORD_ID, "The record id " + claim.recordId() + " in " + row.file() + " line "
                    + row.line() + CONFLICT + earlier.file() + " line "
                    + earlier.line() + "; records are never changed: give a correction a new id and supersedes="
                    + claim.recordId() + ".");
        }
        SeriesKey series = SeriesKey.of(claim);
        Optional<Basis> basis = ledger.basisOf(series);
        if (basis.isPresent() && basis.get() != claim.basis()) {
            return reject(row, Column.BASIS, "The series (" + claim.subject() + ", " + claim.metric().code() + ", "
                    + claim.source() + ") is " + basis.get().code() + "; this record says " + claim.basis().code()
                    + ". A series uses one basis.");
        }
        if (claim.supersedes() != null) {
            if (claim.supersedes().equals(claim.recordId())) {
                return reject(row, Column.SUPERSEDES, "A record cannot supersede itself.");
            }
            Optional<StoredClaim> target = ledger.find(claim.supersedes());
            if (target.isEmpty()) {
                return reject(row, Column.SUPERSEDES, "supersedes names " + InputFiles.shorten(claim.supersedes())
                        + ", which is neither in the ledger nor accepted earlier in this run's input.");
            }
            if (!target.get().series().equals(series)) {
                return reject(row, Column.SUPERSEDES, "supersedes names " + claim.supersedes()
                        + ", which belongs to another series (" + target.get().series().subject() + ", "
                        + target.get().series().metric().code() + ", " + target.get().series().source()
                        + "); a correction must keep subject, metric and source.");
            }
        }
        ledger.accept(claim, row.file(), row.line());
        return ACCEPTED;
    }

    /**
     * Whether a row's rejection stands for good: its record id was already loaded with other content. A record in
     * the ledger never changes or goes, and this rule comes first, so the same row is rejected the same way in
     * every later run, naming the same file and line; a run that meets the row again, in a file read before,
     * takes the rejection as it is instead of reading that record. (A row rejected on its own values, whose
     * reason may hold these words too, is rejected the same way again as well.)
     */
    public static boolean isLasting(Rejection rejection) {
        return Column.RECORD_ID.header().equals(rejection.column()) && rejection.reason().contains(CONFLICT);
    }

    private static Decision reject(InputRow row, Column column, String reason) {
        return new Decision(Decision.Kind.REJECTED, Rejection.ofValue(row, column, reason));
    }
}
