package briefing.ledger;

import java.util.Optional;

/**
 * The ledger as the rules see it: records accepted so far (stored before this run, or accepted
 * earlier in this run) and the basis of each series.
 */
public interface LedgerView {

    Optional<StoredClaim> find(String recordId);

    Optional<Basis> basisOf(SeriesKey series);

    /** Records an accepted claim so later rows see it. */
    void accept(Claim claim, String file, long line);
}
