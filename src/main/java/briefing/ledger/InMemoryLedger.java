package briefing.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A {@link LedgerView} held in memory: for tests, and as the per-chunk overlay of the database ledger. */
public final class InMemoryLedger implements LedgerView {

    private final Map<String, StoredClaim> claims = new HashMap<>();
    private final Map<SeriesKey, Basis> bases = new HashMap<>();

    @Override
    public Optional<StoredClaim> find(String recordId) {
        return Optional.ofNullable(claims.get(recordId));
    }

    @Override
    public Optional<Basis> basisOf(SeriesKey series) {
        return Optional.ofNullable(bases.get(series));
    }

    @Override
    public void accept(Claim claim, String file, long line) {
        claims.put(claim.recordId(), new StoredClaim(claim, file, line));
        bases.putIfAbsent(SeriesKey.of(claim), claim.basis());
    }

    public void putStored(StoredClaim stored) {
        claims.put(stored.recordId(), stored);
    }

    public void putBasis(SeriesKey series, Basis basis) {
        bases.put(series, basis);
    }

    public void clearClaims() {
        claims.clear();
    }
}
