package briefing.job;

import briefing.ledger.Claim;
import briefing.ledger.IdIndex;
import briefing.ledger.InputRow;
import briefing.ledger.Rejection;

/**
 * A checked input row on its way to the ledger: a parsed claim with its row, or a rejection. The
 * {@link IdIndex#fingerprint fingerprints} of the claim's id and of the id it supersedes (0 for none) are taken
 * with it, on the thread that reads the rows, rather than by the step's thread, which is the busier one.
 */
record IngestOutcome(Claim claim, InputRow row, Rejection rejection, long idFingerprint, long supersedesFingerprint) {

    IngestOutcome(Claim claim, InputRow row, Rejection rejection) {
        this(claim, row, rejection, claim == null ? 0 : IdIndex.fingerprint(claim.recordId()),
                claim == null || claim.supersedes() == null ? 0 : IdIndex.fingerprint(claim.supersedes()));
    }
}
