package briefing.job;

import briefing.change.ChangeCalculator;
import briefing.ledger.LedgerRepository;
import briefing.period.Period;
import briefing.report.Briefing;
import java.time.Instant;
import org.springframework.stereotype.Component;

/** Computes the briefing of a period from the ledger as known at a cutoff, with the run's rejections. */
@Component
class BriefingAssembler {

    private final LedgerRepository ledger;

    BriefingAssembler(LedgerRepository ledger) {
        this.ledger = ledger;
    }

    Briefing assemble(Period period, Instant cutoff, long jobInstanceId) {
        ChangeCalculator calculator = new ChangeCalculator(period);
        ledger.forEachGroupKnownAt(cutoff, calculator::addGroup);
        return new Briefing(calculator.finish(), cutoff, ledger.rejections(jobInstanceId));
    }
}
