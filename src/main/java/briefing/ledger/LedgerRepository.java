package briefing.ledger;

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
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The ledger tables: claims are only ever inserted, never updated or deleted. Each chunk of accepted
 * claims is also packed by subject and source into {@code claim_block} ({@link PackedClaims}), which the
 * computation streams one subject-and-source group at a time; the full records of the few claims a
 * briefing shows are then read by id.
 */
@Repository
public class LedgerRepository {

    private static final Logger log = LoggerFactory.getLogger("briefing.ledger");
    private static final int ID_BATCH = 500;
    private static final int CLAIM_BATCH = 50;
    /** Claims per block when blocks are rebuilt from the claim table or merged. */
    private static final int LARGE_BLOCK = 20_000;
    /** A group with more blocks than this from one ingest has them merged. */
    private static final int MERGE_ABOVE = 8;
    private static final String CLAIM_COLUMNS = "record_id, reported_on, source, conduit, subject, metric, value_low, value_high, "
            + "qualifier, basis, as_of, window_start, citation, supersedes, note";

    private final JdbcTemplate jdbc;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A claim accepted by the rules, waiting to be inserted. */
    public record NewClaim(Claim claim, String file, long line) {
    }

    /**
     * The claims of one subject and one source as the computation reads them (without the texts only
     * reports show: see {@link PackedClaims}), each with the instant it was first seen.
     */
    public record ClaimGroup(String subject, String source, List<Claim> claims, List<Instant> ingestedAt) {

        /** The claims of the group known at an earlier cutoff. */
        public List<Claim> knownAt(Instant cutoff) {
            List<Claim> known = new ArrayList<>();
            for (int i = 0; i < claims.size(); i++) {
                if (!ingestedAt.get(i).isAfter(cutoff)) {
                    known.add(claims.get(i));
                }
            }
            return known;
        }

        /**
         * Whether the claims known at an earlier cutoff are, up to {@code day}, all the group's claims: every
         * claim ingested after that cutoff was reported after the day.
         */
        public boolean sameUpTo(Instant cutoff, LocalDate day) {
            for (int i = 0; i < claims.size(); i++) {
                if (ingestedAt.get(i).isAfter(cutoff) && !claims.get(i).reportedOn().isAfter(day)) {
                    return false;
                }
            }
            return true;
        }
    }

    private record BlockRef(long id, String subject, String source) {
    }

    public Map<String, StoredClaim> findByIds(Collection<String> ids) {
        Map<String, StoredClaim> found = new HashMap<>();
        List<String> all = new ArrayList<>(ids);
        for (int from = 0; from < all.size(); from += ID_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + ID_BATCH));
            jdbc.query("SELECT " + CLAIM_COLUMNS + ", input_file, input_line FROM claim WHERE record_id IN ("
                            + marks(batch.size()) + ")",
                    (RowCallbackHandler) rs -> found.put(rs.getString(1), new StoredClaim(claim(rs), rs.getString(16),
                            rs.getLong(17))),
                    batch.toArray());
        }
        return found;
    }

    /** True when the ledger holds no claim at all. */
    public boolean isEmpty() {
        return jdbc.queryForList("SELECT record_id FROM claim FETCH FIRST 1 ROWS ONLY", String.class).isEmpty();
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
        jdbc.batchUpdate("INSERT INTO claim (" + CLAIM_COLUMNS + ", input_file, input_line, ingested_at,"
                        + " job_instance_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                claims, claims.size(), (ps, n) -> {
                    Claim c = n.claim();
                    ps.setString(1, c.recordId());
                    ps.setObject(2, c.reportedOn());
                    ps.setString(3, c.source());
                    ps.setString(4, c.conduit());
                    ps.setString(5, c.subject());
                    ps.setString(6, c.metric().code());
                    ps.setLong(7, c.valueLow());
                    ps.setLong(8, c.valueHigh());
                    ps.setString(9, c.qualifier().code());
                    ps.setString(10, c.basis().code());
                    ps.setObject(11, c.asOf());
                    if (c.windowStart() == null) {
                        ps.setNull(12, Types.DATE);
                    } else {
                        ps.setObject(12, c.windowStart());
                    }
                    ps.setString(13, c.citation());
                    ps.setString(14, c.supersedes());
                    ps.setString(15, c.note());
                    ps.setString(16, n.file());
                    ps.setLong(17, n.line());
                    ps.setObject(18, at);
                    ps.setLong(19, jobInstanceId);
                });
    }

    /** A rejected row, with the row as read (whose values are kept, to check the row again later). */
    public record RejectedRow(Rejection rejection, InputRow row) {
    }

    public void insertRejections(long jobInstanceId, List<RejectedRow> rejections) {
        jdbc.batchUpdate("INSERT INTO rejection (job_instance_id, input_file, input_line, record_id, column_name, reason,"
                        + " row_values) VALUES (?, ?, ?, ?, ?, ?, ?)", rejections, rejections.size(), (ps, rejected) -> {
                    Rejection r = rejected.rejection();
                    ps.setLong(1, jobInstanceId);
                    ps.setString(2, r.file());
                    ps.setLong(3, r.line());
                    ps.setString(4, r.recordId());
                    ps.setString(5, r.column());
                    ps.setString(6, r.reason());
                    InputRow row = rejected.row();
                    ps.setString(7, row == null || row.fault() != null ? null : row.encodedValues());
                });
    }

    /**
     * Records a file read to its end by a run (again, for a resumed run: the record is replaced). Its rows
     * that are not in the ledger are that run's rejections of the file.
     */
    public void recordInputRead(long jobInstanceId, InputFiles.FileSummary file) {
        jdbc.update("DELETE FROM input_read WHERE job_instance_id = ? AND file_index = ?", jobInstanceId, file.index());
        jdbc.update("INSERT INTO input_read (job_instance_id, file_index, file_name, bytes, sha256, data_rows)"
                + " VALUES (?, ?, ?, ?, ?, ?)", jobInstanceId, file.index(), file.name(), file.bytes(), file.sha256(), file.rows());
    }

    /** The files a run read to its end, in reading order. */
    public List<InputFiles.FileSummary> inputsRead(long jobInstanceId) {
        return jdbc.query("SELECT file_index, file_name, bytes, sha256, data_rows FROM input_read WHERE job_instance_id = ?"
                        + " ORDER BY file_index",
                (rs, i) -> new InputFiles.FileSummary(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                        rs.getLong(5)), jobInstanceId);
    }

    /**
     * What the latest run that read this file to its end found: see {@link InputFiles.KnownFiles}. Any such
     * run would do: a row it did not reject is in the ledger, and stays there.
     */
    public Optional<InputFiles.KnownFile> knownFile(String name, String sha256, long bytes) {
        return knownFile(jdbc.query("SELECT job_instance_id, data_rows FROM input_read WHERE file_name = ? AND sha256 = ?"
                + " AND bytes = ? ORDER BY job_instance_id DESC", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                name, sha256, bytes), name);
    }

    /** What one run found in this file, when it read it to its end. */
    public Optional<InputFiles.KnownFile> knownFile(long jobInstanceId, String name, String sha256, long bytes) {
        return knownFile(jdbc.query("SELECT job_instance_id, data_rows FROM input_read WHERE job_instance_id = ?"
                + " AND file_name = ? AND sha256 = ? AND bytes = ?", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)},
                jobInstanceId, name, sha256, bytes), name);
    }

    private Optional<InputFiles.KnownFile> knownFile(List<long[]> found, String name) {
        if (found.isEmpty()) {
            return Optional.empty();
        }
        List<InputRow> toCheck = jdbc.query("SELECT input_line, record_id, column_name, reason, row_values FROM rejection"
                        + " WHERE job_instance_id = ? AND input_file = ? ORDER BY input_line",
                (rs, i) -> rs.getString(5) != null
                        ? InputRow.decoded(name, rs.getLong(1), rs.getString(5))
                        : InputRow.faulty(new Rejection(name, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4))),
                found.get(0)[0], name);
        return Optional.of(new InputFiles.KnownFile(found.get(0)[0], found.get(0)[1], toCheck));
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

    /** The claims known at the cutoff, counted in the packed blocks (each holds claims ingested at one instant). */
    public long countKnownAt(Instant cutoff) {
        prepareBlocks();
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COALESCE(SUM(claims), 0) FROM claim_block WHERE ingested_at <= ?",
                Long.class, cutoff.atOffset(ZoneOffset.UTC)));
    }

    /** Packs accepted claims by subject and source, one block per group, in the chunk's transaction. */
    public void insertBlocks(List<NewClaim> claims, Instant ingestedAt) {
        Map<List<String>, List<PackedClaims.Packed>> groups = new LinkedHashMap<>();
        for (NewClaim n : claims) {
            groups.computeIfAbsent(List.of(n.claim().subject(), n.claim().source()), k -> new ArrayList<>())
                    .add(new PackedClaims.Packed(n.claim(), ingestedAt));
        }
        insertBlocks(groups);
    }

    private void insertBlocks(Map<List<String>, List<PackedClaims.Packed>> groups) {
        if (groups.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>();
        groups.forEach((group, packed) -> rows.add(new Object[] {group.get(0), group.get(1),
                packed.stream().map(PackedClaims.Packed::ingestedAt).min(Comparator.naturalOrder()).orElseThrow()
                        .atOffset(ZoneOffset.UTC), packed.size(), PackedClaims.pack(packed)}));
        jdbc.batchUpdate("INSERT INTO claim_block (subject, source, ingested_at, claims, data) VALUES (?, ?, ?, ?, ?)", rows);
    }

    /**
     * Streams the claims known at the cutoff, one subject-and-source group at a time (groups in the
     * order of subject, then source), from the packed blocks: only one group is held at a time.
     */
    public void forEachGroupKnownAt(Instant cutoff, Consumer<ClaimGroup> consumer) {
        prepareBlocks();
        List<BlockRef> blocks = new ArrayList<>(jdbc.query("SELECT block_id, subject, source FROM claim_block WHERE ingested_at <= ?",
                (rs, i) -> new BlockRef(rs.getLong(1), rs.getString(2), rs.getString(3)), cutoff.atOffset(ZoneOffset.UTC)));
        blocks.sort(Comparator.comparing(BlockRef::subject).thenComparing(BlockRef::source).thenComparingLong(BlockRef::id));
        Map<Long, LocalDate> days = new HashMap<>();
        for (int from = 0; from < blocks.size(); ) {
            BlockRef first = blocks.get(from);
            int to = from;
            while (to < blocks.size() && blocks.get(to).subject().equals(first.subject())
                    && blocks.get(to).source().equals(first.source())) {
                to++;
            }
            List<Claim> claims = new ArrayList<>();
            List<Instant> ingestedAt = new ArrayList<>();
            List<Long> ids = blocks.subList(from, to).stream().map(BlockRef::id).toList();
            for (int batch = 0; batch < ids.size(); batch += ID_BATCH) {
                List<Long> some = ids.subList(batch, Math.min(ids.size(), batch + ID_BATCH));
                Map<Long, byte[]> data = blockData(some);
                for (Long id : some) {
                    PackedClaims.unpack(data.remove(id), first.subject(), first.source(), days, (claim, instant) -> {
                        if (!instant.isAfter(cutoff)) {
                            claims.add(claim);
                            ingestedAt.add(instant);
                        }
                    });
                }
            }
            consumer.accept(new ClaimGroup(first.subject(), first.source(), claims, ingestedAt));
            from = to;
        }
    }

    /**
     * Tells this ledger from another one, or from one made again in its place: the instant of its first
     * ingest (empty when it holds no claims).
     */
    public String identity() {
        OffsetDateTime first = jdbc.queryForObject("SELECT MIN(ingested_at) FROM claim_block", OffsetDateTime.class);
        return first == null ? "" : first.toInstant().toString();
    }

    /** The full records of the claims with these ids (those the ledger holds). */
    public Map<String, Claim> findClaims(Collection<String> ids) {
        Map<String, Claim> found = new HashMap<>();
        // in id order and in small batches: H2 checks every row found against the whole IN list, and
        // neighbouring ids share index pages (measured 1.3 s against 2.3 s for 43,000 ids of 1,000,000)
        List<String> all = new ArrayList<>(ids);
        all.sort(Comparator.naturalOrder());
        for (int from = 0; from < all.size(); from += CLAIM_BATCH) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + CLAIM_BATCH));
            jdbc.query("SELECT " + CLAIM_COLUMNS + " FROM claim WHERE record_id IN (" + marks(batch.size()) + ")",
                    (RowCallbackHandler) rs -> {
                        Claim claim = claim(rs);
                        found.put(claim.recordId(), claim);
                    }, batch.toArray());
        }
        return found;
    }

    /**
     * Makes the blocks complete and few: packs the claim table again when they do not hold as many claims
     * as it does (a ledger made before the blocks existed, or claims added by other means than this job),
     * and merges the many small blocks a large ingest writes (one per group and chunk).
     */
    private void prepareBlocks() {
        rebuildBlocksIfIncomplete();
        mergeSmallBlocks();
    }

    private void mergeSmallBlocks() {
        List<Object[]> crowded = jdbc.query("SELECT subject, source, ingested_at FROM claim_block GROUP BY subject, source,"
                + " ingested_at HAVING COUNT(*) > ?", (rs, i) -> new Object[] {rs.getString(1), rs.getString(2),
                rs.getObject(3, OffsetDateTime.class)}, MERGE_ABOVE);
        for (Object[] group : crowded) {
            List<Long> ids = jdbc.queryForList("SELECT block_id FROM claim_block WHERE subject = ? AND source = ?"
                    + " AND ingested_at = ? ORDER BY block_id", Long.class, group);
            if (concatBlocks(group, ids)) {
                continue;
            }
            Map<List<String>, List<PackedClaims.Packed>> merged = new LinkedHashMap<>();
            List<String> key = List.of((String) group[0], (String) group[1]);
            Map<Long, LocalDate> days = new HashMap<>();
            for (int from = 0; from < ids.size(); from += ID_BATCH) {
                List<Long> some = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
                Map<Long, byte[]> data = blockData(some);
                for (Long id : some) {
                    List<PackedClaims.Packed> block = merged.computeIfAbsent(key, k -> new ArrayList<>());
                    PackedClaims.unpack(data.remove(id), key.get(0), key.get(1), days,
                            (claim, instant) -> block.add(new PackedClaims.Packed(claim, instant)));
                    if (block.size() >= LARGE_BLOCK) {
                        insertBlocks(merged);
                        merged.clear();
                    }
                }
                jdbc.update("DELETE FROM claim_block WHERE block_id IN (" + marks(some.size()) + ")", some.toArray());
            }
            insertBlocks(merged);
        }
    }

    /**
     * Merges the blocks of one group and one instant of ingestion (in their order) into blocks of about
     * {@link #LARGE_BLOCK} claims by joining their bytes, without decoding them; false, with nothing changed,
     * when they cannot be joined so.
     */
    private boolean concatBlocks(Object[] group, List<Long> ids) {
        List<byte[]> pending = new ArrayList<>();
        List<byte[]> merged = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int pendingClaims = 0;
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            Map<Long, Object[]> blocks = new HashMap<>();
            jdbc.query("SELECT block_id, claims, data FROM claim_block WHERE block_id IN (" + marks(some.size()) + ")",
                    (RowCallbackHandler) rs -> blocks.put(rs.getLong(1), new Object[] {rs.getInt(2), rs.getBytes(3)}),
                    some.toArray());
            for (Long id : some) {
                Object[] block = blocks.get(id);
                pending.add((byte[]) block[1]);
                pendingClaims += (Integer) block[0];
                if (pendingClaims >= LARGE_BLOCK || id.equals(ids.get(ids.size() - 1))) {
                    Optional<byte[]> joined = PackedClaims.concat(pending);
                    if (joined.isEmpty()) {
                        return false;
                    }
                    merged.add(joined.get());
                    counts.add(pendingClaims);
                    pending.clear();
                    pendingClaims = 0;
                }
            }
        }
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            List<Long> some = ids.subList(from, Math.min(ids.size(), from + ID_BATCH));
            jdbc.update("DELETE FROM claim_block WHERE block_id IN (" + marks(some.size()) + ")", some.toArray());
        }
        List<Object[]> rows = new ArrayList<>();
        for (int i = 0; i < merged.size(); i++) {
            rows.add(new Object[] {group[0], group[1], group[2], counts.get(i), merged.get(i)});
        }
        jdbc.batchUpdate("INSERT INTO claim_block (subject, source, ingested_at, claims, data) VALUES (?, ?, ?, ?, ?)", rows);
        return true;
    }

    /** Packs the claim table again when the blocks do not hold as many claims as it does. */
    private void rebuildBlocksIfIncomplete() {
        long claims = Objects.requireNonNull(jdbc.queryForObject("SELECT COUNT(*) FROM claim", Long.class));
        long packed = Objects.requireNonNull(jdbc.queryForObject("SELECT COALESCE(SUM(claims), 0) FROM claim_block", Long.class));
        if (claims == packed) {
            return;
        }
        log.info("Packing the {} claims of the ledger for the computation (the packed copy held {}).", claims, packed);
        jdbc.update("DELETE FROM claim_block");
        Map<List<String>, List<PackedClaims.Packed>> block = new LinkedHashMap<>();
        // a block per subject, source and instant of ingestion, as the ingest writes them
        jdbc.query("SELECT " + CLAIM_COLUMNS + ", ingested_at FROM claim ORDER BY subject, source, ingested_at",
                (RowCallbackHandler) rs -> {
                    Claim claim = claim(rs);
                    Instant ingestedAt = rs.getObject(16, OffsetDateTime.class).toInstant();
                    List<String> group = List.of(claim.subject(), claim.source());
                    List<PackedClaims.Packed> current = block.get(group);
                    if (current == null || current.size() == LARGE_BLOCK
                            || !current.get(current.size() - 1).ingestedAt().equals(ingestedAt)) {
                        insertBlocks(block);
                        block.clear();
                        current = new ArrayList<>();
                        block.put(group, current);
                    }
                    current.add(new PackedClaims.Packed(claim, ingestedAt));
                });
        insertBlocks(block);
    }

    /** The packed data of the given blocks, by block id. */
    private Map<Long, byte[]> blockData(List<Long> ids) {
        Map<Long, byte[]> data = new HashMap<>();
        jdbc.query("SELECT block_id, data FROM claim_block WHERE block_id IN (" + marks(ids.size()) + ")",
                (RowCallbackHandler) rs -> data.put(rs.getLong(1), rs.getBytes(2)), ids.toArray());
        return data;
    }

    private static String marks(int count) {
        return String.join(",", Collections.nCopies(count, "?"));
    }

    private static Claim claim(ResultSet rs) throws SQLException {
        // LocalDate both ways: java.sql.Date would move days before 1583 (another calendar) and year 0
        return new Claim(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getString(3), rs.getString(4), rs.getString(5),
                metric(rs.getString(6)), rs.getLong(7), rs.getLong(8), Qualifier.fromCode(rs.getString(9)).orElseThrow(),
                Basis.fromCode(rs.getString(10)).orElseThrow(), rs.getObject(11, LocalDate.class),
                rs.getObject(12, LocalDate.class), rs.getString(13), rs.getString(14), rs.getString(15));
    }

    private static Metric metric(String code) {
        return Metric.fromCode(code).orElseThrow(() -> new IllegalStateException("Unknown metric in the ledger: " + code));
    }

    private static String seriesHash(SeriesKey key) {
        return Sha256.hex(key.subject() + "\u001f" + key.metric().code() + "\u001f" + key.source());
    }
}
