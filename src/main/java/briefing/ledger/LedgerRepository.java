package briefing.ledger;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The ledger tables: claims are only ever inserted, never updated or deleted. Reads for the
 * computation stream the claims known at a cutoff one subject-and-source group at a time.
 */
@Repository
public class LedgerRepository {

    private static final int ID_BATCH = 500;
    private static final String CLAIM_COLUMNS = "record_id, reported_on, source, conduit, subject, metric, value_low, value_high, "
            + "qualifier, basis, as_of, window_start, citation, supersedes, note";

    private final JdbcTemplate jdbc;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim accepted by the rules, waiting to be inserted. */
    public record NewClaim(Claim claim, String contentHash, String file, long line) {
    }

    public Map<String, StoredClaim> findByIds(Collection<String> ids) {
        Map<String, StoredClaim> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += ID_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + ID_BATCH));
            String marks = String.join(",", Collections.nCopies(batch.size(), "?"));
            jdbc.query("SELECT record_id, content_hash, subject, metric, source, input_file, input_line FROM claim"
                            + " WHERE record_id IN (" + marks + ")",
                    (RowCallbackHandler) rs -> found.put(rs.getString(1), new StoredClaim(rs.getString(1),
                            rs.getString(2), new SeriesKey(rs.getString(3), metric(rs.getString(4)), rs.getString(5)),
                            rs.getString(6), rs.getLong(7))),
                    batch.toArray());
        }
        return found;
    }

    public Map<SeriesKey, Basis> seriesBases() {
        Map<SeriesKey, Basis> bases = new HashMap<>();
        jdbc.query("SELECT subject, metric, source, basis FROM claim_series", (RowCallbackHandler) rs ->
                bases.put(new SeriesKey(rs.getString(1), metric(rs.getString(2)), rs.getString(3)),
                        Basis.fromCode(rs.getString(4)).orElseThrow()));
        return bases;
    }

    public void insertSeries(Map<SeriesKey, Basis> series) {
        List<Object[]> rows = new ArrayList<>();
        series.forEach((key, basis) -> rows.add(new Object[] {seriesHash(key), key.subject(), key.metric().code(),
                key.source(), basis.code()}));
        jdbc.batchUpdate("INSERT INTO claim_series (series_hash, subject, metric, source, basis) VALUES (?, ?, ?, ?, ?)", rows);
    }

    public void insertClaims(List<NewClaim> claims, Instant ingestedAt, long jobInstanceId) {
        OffsetDateTime at = ingestedAt.atOffset(ZoneOffset.UTC);
        jdbc.batchUpdate("INSERT INTO claim (" + CLAIM_COLUMNS + ", content_hash, input_file, input_line, ingested_at,"
                        + " job_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                claims, claims.size(), (ps, n) -> {
                    Claim c = n.claim();
                    ps.setString(1, c.recordId());
                    ps.setDate(2, Date.valueOf(c.reportedOn()));
                    ps.setString(3, c.source());
                    ps.setString(4, c.conduit());
                    ps.setString(5, c.subject());
                    ps.setString(6, c.metric().code());
                    ps.setLong(7, c.valueLow());
                    ps.setLong(8, c.valueHigh());
                    ps.setString(9, c.qualifier().code());
                    ps.setString(10, c.basis().code());
                    ps.setDate(11, Date.valueOf(c.asOf()));
                    if (c.windowStart() == null) {
                        ps.setNull(12, Types.DATE);
                    } else {
                        ps.setDate(12, Date.valueOf(c.windowStart()));
                    }
                    ps.setString(13, c.citation());
                    ps.setString(14, c.supersedes());
                    ps.setString(15, c.note());
                    ps.setString(16, n.contentHash());
                    ps.setString(17, n.file());
                    ps.setLong(18, n.line());
                    ps.setObject(19, at);
                    ps.setLong(20, jobInstanceId);
                });
    }

    public void insertRejections(long jobInstanceId, List<Rejection> rejections) {
        jdbc.batchUpdate("INSERT INTO rejection (job_instance_id, input_file, input_line, record_id, column_name, reason)"
                        + " VALUES (?, ?, ?, ?, ?, ?)", rejections, rejections.size(), (ps, r) -> {
                    ps.setLong(1, jobInstanceId);
                    ps.setString(2, r.file());
                    ps.setLong(3, r.line());
                    ps.setString(4, r.recordId());
                    ps.setString(5, r.column());
                    ps.setString(6, r.reason());
                });
    }

    /** The rejections of one run, in the order of {@code rejected.csv}. */
    public List<Rejection> rejections(long jobInstanceId) {
        List<Rejection> rejections = new ArrayList<>(jdbc.query("SELECT input_file, input_line, record_id, column_name, reason"
                        + " FROM rejection WHERE job_instance_id = ?",
                (rs, i) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                jobInstanceId));
        rejections.sort(Rejection.REPORT_ORDER);
        return rejections;
    }

    public long countKnownAt(Instant cutoff) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE ingested_at <= ?", Long.class,
                cutoff.atOffset(ZoneOffset.UTC)));
    }

    public long countLoadedBy(long jobInstanceId) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM claim WHERE job_instance_id = ?", Long.class,
                jobInstanceId));
    }

    /** Streams the claims known at the cutoff, one subject-and-source group at a time. */
    public void forEachGroupKnownAt(Instant cutoff, Consumer<List<Claim>> group) {
        List<Claim> current = new ArrayList<>();
        String[] currentKey = {null, null};
        jdbc.query(connection -> {
            var ps = connection.prepareStatement("SELECT " + CLAIM_COLUMNS + " FROM claim WHERE ingested_at <= ?"
                    + " ORDER BY subject, source, record_id");
            ps.setObject(1, cutoff.atOffset(ZoneOffset.UTC));
            ps.setFetchSize(10_000);
            return ps;
        }, (RowCallbackHandler) rs -> {
            Claim claim = claim(rs);
            if (!claim.subject().equals(currentKey[0]) || !claim.source().equals(currentKey[1])) {
                if (!current.isEmpty()) {
                    group.accept(List.copyOf(current));
                    current.clear();
                }
                currentKey[0] = claim.subject();
                currentKey[1] = claim.source();
            }
            current.add(claim);
        });
        if (!current.isEmpty()) {
            group.accept(List.copyOf(current));
        }
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        Date windowStart = rs.getDate(12);
        return new Claim(rs.getString(1), date(rs.getDate(2)), rs.getString(3), rs.getString(4), rs.getString(5),
                metric(rs.getString(6)), rs.getLong(7), rs.getLong(8), Qualifier.fromCode(rs.getString(9)).orElseThrow(),
                Basis.fromCode(rs.getString(10)).orElseThrow(), date(rs.getDate(11)),
                windowStart == null ? null : date(windowStart), rs.getString(13), rs.getString(14), rs.getString(15));
    }

    private static LocalDate date(Date date) {
        return date.toLocalDate();
    }

    private static Metric metric(String code) {
        return Metric.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown metric in the ledger: " + code));
    }

    private static String seriesHash(SeriesKey key) {
        return Sha256.hex(key.subject() + "\u001f" + key.metric().code() + "\u001f" + key.source());
    }
}
