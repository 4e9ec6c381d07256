package briefing.job;

import briefing.ledger.Claim;
import briefing.ledger.InputRow;
import briefing.ledger.Rejection;

/** A checked input row on its way to the ledger: a parsed claim with its content hash and row, or a rejection. */
record IngestOutcome(Claim claim, String contentHash, InputRow row, Rejection rejection) {
}
