package briefing.ledger;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.JdbcTemplate;

/** Writes a claim as the version before the blocks stored it: a row of the {@code claim} table. */
public final class LegacyClaimRows {

    private LegacyClaimRows() {
    }

    public static void insert(JdbcTemplate jdbc, StoredClaim stored, Instant ingestedAt) {
        Claim c = stored.claim();
        jdbc.update("INSERT INTO claim (record_id, reported_on, source, conduit, subject, metric, value_low, value_high,"
                        + " qualifier, basis, as_of, window_start, citation, supersedes, note, input_file, input_line,"
                        + " ingested_at, job_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                c.recordId(), c.reportedOn(), c.source(), c.conduit(), c.subject(), c.metric().code(), c.valueLow(),
                c.valueHigh(), c.qualifier().code(), c.basis().code(), c.asOf(), c.windowStart(), c.citation(),
                c.supersedes(), c.note(), stored.file(), stored.line(), ingestedAt.atOffset(ZoneOffset.UTC), 1);
    }
}
