package briefing.job;

import briefing.ledger.ClaimParser;
import briefing.ledger.InputRow;
import org.springframework.batch.infrastructure.item.ItemProcessor;

/** Checks the values of a row (not yet the ledger rules) and parses it into a claim. */
class ClaimCheckProcessor implements ItemProcessor<InputRow, IngestOutcome> {

    private final ClaimParser parser;

    ClaimCheckProcessor(ClaimParser parser) {
        this.parser = parser;
    }

    @Override
    public IngestOutcome process(InputRow row) {
        if (row.isInLedger()) {
            return new IngestOutcome(null, row, null);
        }
        ClaimParser.Outcome outcome = parser.parse(row);
        return new IngestOutcome(outcome.claim(), row, outcome.rejection());
    }
}
