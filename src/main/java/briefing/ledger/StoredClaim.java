package briefing.ledger;

/** What the ledger rules need to know of a record already accepted: the record itself and its origin. */
public record StoredClaim(Claim claim, String file, long line) {

    public String recordId() {
        return claim.recordId();
    }

    public SeriesKey series() {
        return SeriesKey.of(claim);
    }
}
