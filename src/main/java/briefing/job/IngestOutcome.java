package briefing.job;

import briefing.ledger.Claim;
import briefing.ledger.InputRow;
import briefing.ledger.Rejection;

/** A checked input row on its way to the ledger: a parsed claim with its row, or a rejection. */
record IngestOutcome(Claim claim, InputRow row, Rejection rejection) {
}
