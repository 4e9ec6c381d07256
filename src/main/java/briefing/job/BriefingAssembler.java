package briefing.job;

import briefing.change.ChangeCalculator;
import briefing.change.Figures;
import briefing.change.RestatementFinder;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.ledger.LedgerRepository;
import briefing.period.Period;
import briefing.report.Briefing;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

/**
 * Computes the briefing of a period from the ledger as known at a cutoff, with the run's rejections
 * and the restated figures of the previous period: those that moved between the cutoff of the
 * previous period's briefing (the latest one made without {@code --as-of}, before this cutoff) and
 * this cutoff.
 */
@Component
class BriefingAssembler {

    private final LedgerRepository ledger;
    private final JobRepository jobRepository;

    BriefingAssembler(LedgerRepository ledger, JobRepository jobRepository) {
        this.ledger = ledger;
        this.jobRepository = jobRepository;
    }

    /** Computes from one pass over the ledger: the previous briefing's cutoff is never later than this one. */
    Briefing assemble(Period period, Instant cutoff, long jobInstanceId) {
        return assemble(period, cutoff, jobInstanceId, Map.of());
    }

    /** The same, taking the full records of the claims shown from {@code knownRecords} where it holds them. */
    Briefing assemble(Period period, Instant cutoff, long jobInstanceId, Map<String, Claim> knownRecords) {
        ChangeCalculator calculator = new ChangeCalculator(period);
        Optional<Instant> previousCutoff = reportedCutoff(period.previous(), cutoff);
        RestatementFinder finder = new RestatementFinder(period.previous());
        LocalDate previousEnd = period.previous().end();
        ledger.forEachGroupKnownAt(cutoff, group -> {
            Collection<SeriesValue> previousValues = calculator.addGroup(group.claims());
            previousCutoff.ifPresent(earlier -> {
                if (group.sameUpTo(earlier, previousEnd)) {
                    finder.addValues(previousValues);
                } else {
                    finder.addGroup(group.knownAt(earlier));
                }
            });
        });
        Figures figures = calculator.finish(ids -> fullRecords(ids, knownRecords));
        if (previousCutoff.isEmpty()) {
            return new Briefing(figures, cutoff, ledger.rejections(jobInstanceId), null, List.of());
        }
        return new Briefing(figures, cutoff, ledger.rejections(jobInstanceId), previousCutoff.get(), finder.compare(figures));
    }

    private Map<String, Claim> fullRecords(Collection<String> ids, Map<String, Claim> knownRecords) {
        Map<String, Claim> found = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String id : ids) {
            Claim known = knownRecords.get(id);
            if (known != null) {
                found.put(id, known);
            } else {
                missing.add(id);
            }
        }
        found.putAll(ledger.findClaims(missing));
        return found;
    }

    String ledgerIdentity() {
        return ledger.identity();
    }

    private Optional<Instant> reportedCutoff(Period period, Instant notAfter) {
        return jobRepository.findJobInstances(BriefingJobConfiguration.JOB).stream()
                .map(jobRepository::getLastJobExecution)
                .filter(e -> e != null && e.getStatus() == BatchStatus.COMPLETED)
                .map(JobExecution::getJobParameters)
                .map(RunParameters::from)
                .filter(run -> run.period().equals(period) && !run.explicitCutoff() && !run.cutoff().isAfter(notAfter))
                .map(RunParameters::cutoff)
                .max(Comparator.naturalOrder());
    }
}
