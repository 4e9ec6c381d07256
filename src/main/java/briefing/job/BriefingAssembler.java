package briefing.job;

import briefing.change.ChangeCalculator;
import briefing.change.Figures;
import briefing.change.RestatementFinder;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.ledger.IdIndex;
import briefing.ledger.IdIndexFile;
import briefing.ledger.LedgerRepository;
import briefing.ledger.LedgerRepository.ClaimGroup;
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
import org.springframework.stereotype.Component;

/**
 * Computes the briefing of a period from the ledger as known at a cutoff, with the run's rejections
 * and the restated figures of the previous period: those that moved between the cutoff of the
 * previous period's briefing (the latest one made without {@code --as-of}, before this cutoff) and
 * this cutoff.
 */
@Component
class BriefingAssembler {

    /** Threads that compute the groups' values: as many as there are cores, at most two. */
    private static final int THREADS = Math.min(2, Runtime.getRuntime().availableProcessors());

    private final LedgerRepository ledger;
    private final JobRuns runs;

    BriefingAssembler(LedgerRepository ledger, JobRuns runs) {
        this.ledger = ledger;
        this.runs = runs;
    }

    /** Computes from one pass over the ledger: the previous briefing's cutoff is never later than this one. */
    Briefing assemble(Period period, Instant cutoff, long jobInstanceId) {
        return assemble(period, cutoff, jobInstanceId, knownAt(cutoff), Optional.empty(), Optional.empty());
    }

    /**
     * The same, with the {@code known} claims at the cutoff counted already, and a briefing computed earlier:
     * its figures are taken as they are when computed from the same claims (and so are its restatements:
     * none, when the previous briefing knew the same claims too), else its full records where it has them;
     * and the index of every record id, if the caller has one up to date with the ledger.
     */
    Briefing assemble(Period period, Instant cutoff, long jobInstanceId, long known, Optional<BriefingStore.Earlier> earlier,
                      Optional<IdIndex> index) {
        Optional<Instant> previousCutoff = reportedCutoff(period.previous(), cutoff);
        Optional<Briefing> same = earlier.filter(e -> e.sameClaims(period, cutoff, known)
                && (previousCutoff.isEmpty() || knownAt(previousCutoff.get()) == known)).flatMap(BriefingStore.Earlier::briefing);
        if (same.isPresent()) {
            return new Briefing(same.get().figures(), cutoff, ledger.rejections(jobInstanceId), previousCutoff.orElse(null), List.of());
        }
        ChangeCalculator calculator = new ChangeCalculator(period);
        RestatementFinder finder = new RestatementFinder(period.previous());
        LocalDate previousEnd = period.previous().end();
        InOrderWork.run(ledger.groupsKnownAt(cutoff), THREADS, packed -> {
            ClaimGroup group = packed.unpack();
            ChangeCalculator.GroupTrend trend = calculator.valuesOf(group.claims());
            Collection<SeriesValue> asReported = previousCutoff
                    .map(then -> group.sameUpTo(then, previousEnd) ? trend.previousValues() : finder.valuesOf(group.knownAt(then)))
                    .orElse(null);
            return new GroupWork(trend, asReported);
        }, work -> {
            calculator.add(work.trend());
            if (work.asReported() != null) {
                finder.addValues(work.asReported());
            }
        });
        // the earlier briefing is read meanwhile, on a thread of its own
        Map<String, Claim> knownRecords = earlier.map(BriefingStore.Earlier::shownClaims).orElse(Map.of());
        Figures figures = calculator.finish(claims -> fullRecords(claims, knownRecords, index));
        if (previousCutoff.isEmpty()) {
            return new Briefing(figures, cutoff, ledger.rejections(jobInstanceId), null, List.of());
        }
        return new Briefing(figures, cutoff, ledger.rejections(jobInstanceId), previousCutoff.get(), finder.compare(figures));
    }

    /** One group's values, and its values at the end of the previous period as known at that period's briefing. */
    private record GroupWork(ChangeCalculator.GroupTrend trend, Collection<SeriesValue> asReported) {
    }

    private Map<String, Claim> fullRecords(Collection<Claim> claims, Map<String, Claim> knownRecords, Optional<IdIndex> index) {
        Map<String, Claim> found = new HashMap<>();
        List<Claim> missing = new ArrayList<>();
        for (Claim claim : claims) {
            Claim known = knownRecords.get(claim.recordId());
            if (known != null) {
                found.put(claim.recordId(), known);
            } else {
                missing.add(claim);
            }
        }
        found.putAll(ledger.completeClaims(missing, index));
        return found;
    }

    /** The index {@code kept} for the ledger as it is now, if there is one. */
    Optional<IdIndex> keptIndex(IdIndexFile kept) {
        return kept.load(ledger.state());
    }

    String ledgerIdentity() {
        return ledger.identity();
    }

    long knownAt(Instant cutoff) {
        return ledger.countKnownAt(cutoff);
    }

    private Optional<Instant> reportedCutoff(Period period, Instant notAfter) {
        return runs.completedCutoffsOf(period).stream()
                .filter(cutoff -> !cutoff.isAfter(notAfter))
                .max(Comparator.naturalOrder());
    }
}
