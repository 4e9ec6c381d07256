package briefing.job;

import briefing.ledger.ClaimParser;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRules;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks the values of a row (not yet the ledger rules), parses it into a claim and takes its content hash. */
class ClaimCheckProcessor implements ItemProcessor<InputRow, IngestOutcome> {

    private final ClaimParser parser;

    ClaimCheckProcessor(ClaimParser parser) {
        this.parser = parser;
    }

    @Override
    public IngestOutcome process(InputRow row) {
        if (row.isInLedger()) {
            return new IngestOutcome(null, null, row, null);
        }
        ClaimParser.Outcome outcome = parser.parse(row);
        return new IngestOutcome(outcome.claim(), outcome.claim() == null ? null : LedgerRules.contentHash(outcome.claim()),
                row, outcome.rejection());
    }
}
