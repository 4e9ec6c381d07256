package briefing.ledger;

/** What the ledger rules need to know of a record already accepted: its content hash, series and origin. */
public record StoredClaim(String recordId, String contentHash, SeriesKey series, String file, long line) {
}
