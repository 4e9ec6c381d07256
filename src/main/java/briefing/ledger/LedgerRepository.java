package briefing.ledger;

import briefing.thread.Futures;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Repository;

/**
 * The ledger tables: claims are only ever added, never changed or lost. Each chunk of accepted claims is
 * packed by subject and source into blocks: {@code claim_block} holds what the computation streams, one
 * subject-and-source group at a time ({@link PackedClaims}); {@code claim_block_ids} the fingerprints of
 * their record ids ({@link IdIndex}); {@code claim_block_texts} the rest of each record and where it came
 * from ({@link PackedTexts}), read only for the claims a briefing shows and the records a row is compared
 * with. Blocks are never merged or changed: a million claims loaded in chunks of 5,000 make some twelve
 * thousand blocks, which the computation reads in a few dozen queries (merging them cost a first run
 * more than it saved any run after).
 */
@Repository
public class LedgerRepository {

    private static final Logger log = LoggerFactory.getLogger("briefing.ledger");
    private static final int ID_BATCH = 500;
    /** Claims per block when blocks are packed from a legacy claim table. */
    private static final int LARGE_BLOCK = 20_000;
    private static final String CLAIM_COLUMNS = "record_id, reported_on, source, conduit, subject, metric, value_low, value_high, "
            + "qualifier, basis, as_of, window_start, citation, supersedes, note";
    /** Later than any ingest: the claims known then are all the claims, counted through the index by ingestion time. */
    private static final Instant LATEST = Instant.parse("9999-12-31T00:00:00Z");
    /** The most ids an empty ledger's index makes room for at once (64 MB of slots); beyond, it grows. */
    private static final long MOST_EXPECTED_IDS = 1 << 21;

    private final JdbcTemplate jdbc;
    private final RecordLookup lookup;
    private volatile Boolean unpackedRejections;
    /**
     * Set once this process has packed a legacy claim table into blocks, perhaps in a transaction not yet committed
     * (a run resumed at its compute step after an upgrade): reads of the blocks then stay on the caller's connection.
     */
    private volatile boolean packedLegacyClaims;

    public LedgerRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.lookup = new RecordLookup(jdbc, new BlockBytes(jdbc));
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

    /**
     * The stored records with these ids (those the ledger holds), found through the index: only the blocks
     * that may hold one of them are read.
     */
    public Map<String, StoredClaim> findByIds(Collection<String> ids, IdIndex index) {
        return lookup.throughIndex(ids, index);
    }

    /** The index of every record id in the ledger. */
    public IdIndex idIndex() {
        packLegacyClaims();
        return lookup.index();
    }

    /** The index of every record id: the one {@code kept} for the ledger as it is, else one made from its blocks. */
    public IdIndex idIndex(IdIndexFile kept) {
        return idIndex(kept, 0);
    }

    /**
     * The same, with room made at once for {@code expectedNewIds} more when the ledger is empty: a first run's index
     * would otherwise grow by doubling, placing every id again at each step (a first run at a million records placed
     * them in 0.49 s from empty, 0.22 s in an index made at its size, timed on their own).
     */
    public IdIndex idIndex(IdIndexFile kept, long expectedNewIds) {
        packLegacyClaims();
        // the file read on a thread of its own while the ledger's state is counted, whose first count of a run reads
        // the index of the blocks by ingestion time (at a million claims some 60 ms cold; the file 32 MB): one kept for
        // another state (another machine's run on a shared ledger, a run that failed) is read for nothing
        FutureTask<Optional<IdIndexFile.Kept>> file = Futures.start("index-read", kept::read);
        LedgerState state = state();
        Optional<IdIndexFile.Kept> read = Futures.join(file, "reading the kept index");
        if (state.claims() == 0) {
            return new IdIndex((int) Math.min(expectedNewIds, MOST_EXPECTED_IDS));
        }
        return read.filter(k -> k.state().equals(state)).map(IdIndexFile.Kept::index).orElseGet(lookup::index);
    }

    /**
     * Keeps the index for the next run's {@link #idIndex(IdIndexFile)} if it holds as many ids as the ledger
     * holds claims: an index that also names the claims of a chunk rolled back, or misses those another
     * machine stored meanwhile, is not kept.
     */
    public void keep(IdIndex index, IdIndexFile kept) throws IOException {
        LedgerState state = state();
        if (index.size() == state.claims()) {
            kept.save(index, state);
        }
    }

    /** The ledger's identity, its last block, and how many blocks and claims it holds. */
    public LedgerState state() {
        long claims = claimsIngestedBy(LATEST);
        return Objects.requireNonNull(jdbc.queryForObject("SELECT MIN(ingested_at), COALESCE(MAX(block_id), 0), COUNT(*)"
                + " FROM claim_block", (rs, i) -> new LedgerState(identity(rs), rs.getLong(2), rs.getLong(3), claims)));
    }

    private static String identity(ResultSet rs) throws SQLException {
        OffsetDateTime first = rs.getObject(1, OffsetDateTime.class);
        return first == null ? "" : first.toInstant().toString();
    }

    /** True when the ledger holds no claim at all. */
    public boolean isEmpty() {
        packLegacyClaims();
        return jdbc.queryForList("SELECT block_id FROM claim_block FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
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

    /** A rejected row, with the row as read (whose values are kept, to check the row again later). */
    public record RejectedRow(Rejection rejection, InputRow row) {
    }

    /** Stores a chunk's rejections, packed: a row for each file's (see {@link PackedRejections}). */
    public void insertRejections(long jobInstanceId, List<RejectedRow> rejections) {
        Map<String, List<PackedRejections.Entry>> byFile = new LinkedHashMap<>();
        for (RejectedRow rejected : rejections) {
            InputRow row = rejected.row();
            // a row that could not be read has none; one rejected for good keeps them (see InputRow#decided)
            String values = row == null || row.values().length == 0 ? null : row.encodedValues();
            byFile.computeIfAbsent(rejected.rejection().file(), f -> new ArrayList<>())
                    .add(new PackedRejections.Entry(rejected.rejection(), values));
        }
        List<Object[]> rows = new ArrayList<>(byFile.size());
        byFile.forEach((file, entries) -> rows.add(new Object[] {jobInstanceId, file, entries.get(0).rejection().line(),
                entries.size(), PackedRejections.pack(entries)}));
        jdbc.batchUpdate("INSERT INTO rejection_block (job_instance_id, input_file, first_line, rejections, data)"
                + " VALUES (?, ?, ?, ?, ?)", rows);
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
        List<InputRow> toCheck = new ArrayList<>();
        for (PackedRejections.Entry entry : rejections(found.get(0)[0], name)) {
            long line = entry.rejection().line();
            if (entry.rowValues() == null) {
                toCheck.add(InputRow.faulty(entry.rejection()));
            } else if (LedgerRules.isLasting(entry.rejection())) {
                // a conflict with a stored record is taken as it was: checking it again would read that record
                toCheck.add(InputRow.decided(name, line, entry.rowValues(), entry.rejection()));
            } else {
                toCheck.add(InputRow.decoded(name, line, entry.rowValues()));
            }
        }
        return Optional.of(new InputFiles.KnownFile(found.get(0)[0], found.get(0)[1], toCheck));
    }

    /** The rejections of one run, in the order of {@code rejected.csv}. */
    public List<Rejection> rejections(long jobInstanceId) {
        List<Rejection> rejections = new ArrayList<>();
        jdbc.query("SELECT input_file, data FROM rejection_block WHERE job_instance_id = ?", (RowCallbackHandler) rs -> {
            for (PackedRejections.Entry entry : PackedRejections.unpack(rs.getString(1), rs.getBytes(2))) {
                rejections.add(entry.rejection());
            }
        }, jobInstanceId);
        if (hasUnpackedRejections()) {
            rejections.addAll(jdbc.query("SELECT input_file, input_line, record_id, column_name, reason FROM rejection"
                            + " WHERE job_instance_id = ?",
                    (rs, i) -> new Rejection(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    jobInstanceId));
        }
        rejections.sort(Rejection.REPORT_ORDER);
        return rejections;
    }

    /** The rejections of one file by one run, in line order, with the values of their rows. */
    private List<PackedRejections.Entry> rejections(long jobInstanceId, String file) {
        List<PackedRejections.Entry> entries = new ArrayList<>();
        jdbc.query("SELECT data FROM rejection_block WHERE job_instance_id = ? AND input_file = ? ORDER BY first_line",
                (RowCallbackHandler) rs -> entries.addAll(PackedRejections.unpack(file, rs.getBytes(1))), jobInstanceId, file);
        if (hasUnpackedRejections()) {
            entries.addAll(jdbc.query("SELECT input_line, record_id, column_name, reason, row_values FROM rejection"
                            + " WHERE job_instance_id = ? AND input_file = ?",
                    (rs, i) -> new PackedRejections.Entry(new Rejection(file, rs.getLong(1), rs.getString(2), rs.getString(3),
                            rs.getString(4)), rs.getString(5)), jobInstanceId, file));
        }
        entries.sort(Comparator.comparingLong(entry -> entry.rejection().line()));
        return entries;
    }

    /**
     * Whether the ledger still holds rejections stored one row each, as versions before the packed ones did
     * (no run writes them any more, so the answer, once known, stays).
     */
    private boolean hasUnpackedRejections() {
        Boolean known = unpackedRejections;
        if (known == null) {
            known = !jdbc.queryForList("SELECT job_instance_id FROM rejection FETCH FIRST 1 ROWS ONLY", Long.class).isEmpty();
            unpackedRejections = known;
        }
        return known;
    }

    /** The claims known at the cutoff, counted in the packed blocks (each holds claims ingested at one instant). */
    public long countKnownAt(Instant cutoff) {
        packLegacyClaims();
        return claimsIngestedBy(cutoff);
    }

    // from the index claim_block_known alone
    private long claimsIngestedBy(Instant cutoff) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COALESCE(SUM(claims), 0) FROM claim_block WHERE ingested_at <= ?",
                Long.class, cutoff.atOffset(ZoneOffset.UTC)));
    }

    /** The claims ingested at exactly this instant: those of the run that loads at it. */
    public long claimsIngestedAt(Instant ingestedAt) {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COALESCE(SUM(claims), 0) FROM claim_block WHERE ingested_at = ?",
                Long.class, ingestedAt.atOffset(ZoneOffset.UTC)));
    }

    /**
     * Removes what the run of {@code jobInstanceId}, which loads at {@code ingestedAt}, stored of its input: its
     * blocks, its rejections and the files it read to their end, for its ingest to start again from the first row.
     * Only for a run no other run came after (see {@code BriefingLauncher}): none can have seen its claims.
     */
    public void removeIngest(Instant ingestedAt, long jobInstanceId) {
        deleteBlocks(jdbc.queryForList("SELECT block_id FROM claim_block WHERE ingested_at = ?", Long.class,
                ingestedAt.atOffset(ZoneOffset.UTC)));
        jdbc.update("DELETE FROM rejection_block WHERE job_instance_id = ?", jobInstanceId);
        jdbc.update("DELETE FROM input_read WHERE job_instance_id = ?", jobInstanceId);
    }

    /**
     * Packs accepted claims by subject and source, one block per group, in the chunk's transaction, and adds
     * their ids to the index, if the caller keeps one ({@code index} may be null).
     */
    public void insertBlocks(List<StoredClaim> claims, Instant ingestedAt, IdIndex index) {
        Map<Group, List<StoredClaim>> groups = new LinkedHashMap<>();
        for (StoredClaim c : claims) {
            groups.computeIfAbsent(new Group(c.claim().subject(), c.claim().source()), k -> new ArrayList<>()).add(c);
        }
        insert(BlockPacker.pack(new ArrayList<>(groups.values()), nextBlockId(), ingestedAt, index));
    }

    /** A subject and a source: the claims of one block. */
    private record Group(String subject, String source) {

        // written out, as SeriesKey's are
        @Override
        public boolean equals(Object other) {
            return other instanceof Group g && subject.equals(g.subject) && source.equals(g.source);
        }

        @Override
        public int hashCode() {
            return subject.hashCode() * 31 + source.hashCode();
        }
    }

    private void insert(List<BlockPacker.Block> blocks) {
        if (blocks.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO claim_block (block_id, subject, source, ingested_at, claims, data) VALUES (?, ?, ?, ?, ?, ?)",
                blocks.stream().map(b -> new Object[] {b.id(), b.subject(), b.source(), b.ingestedAt().atOffset(ZoneOffset.UTC),
                        b.claims(), b.data()}).toList());
        jdbc.batchUpdate("INSERT INTO claim_block_ids (block_id, record_ids) VALUES (?, ?)",
                blocks.stream().map(b -> new Object[] {b.id(), b.recordIds()}).toList());
        jdbc.batchUpdate("INSERT INTO claim_block_texts (block_id, texts) VALUES (?, ?)",
                blocks.stream().map(b -> new Object[] {b.id(), b.texts()}).toList());
    }

    private void deleteBlocks(List<Long> ids) {
        for (int from = 0; from < ids.size(); from += ID_BATCH) {
            Object[] some = ids.subList(from, Math.min(ids.size(), from + ID_BATCH)).toArray();
            for (String table : List.of("claim_block", "claim_block_ids", "claim_block_texts")) {
                jdbc.update("DELETE FROM " + table + " WHERE block_id IN (" + BlockBytes.marks(some.length) + ")", some);
            }
        }
    }

    /**
     * Block ids are given here, not by the database, to be known before the insert; one run writes at a time.
     * After the last id in any of the block tables, so that rows an interrupted run left behind never collide.
     */
    private long nextBlockId() {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT COALESCE(MAX(last_id), 0) + 1 FROM ("
                + "SELECT MAX(block_id) AS last_id FROM claim_block UNION ALL SELECT MAX(block_id) FROM claim_block_ids"
                + " UNION ALL SELECT MAX(block_id) FROM claim_block_texts) ids", Long.class));
    }

    /**
     * Removes the rows of every block that is not whole, and returns how many there were. An embedded H2 killed
     * in the middle of a chunk's transaction was seen to keep some of that chunk's rows and not others (a
     * block's fingerprints without the block, once in a few hundred kills in the tests), which a resumed run
     * would otherwise trip over. The chunk was not committed, so its rows are read again and stored whole.
     * Costs one query (a count and a last id per table) when every block is whole.
     */
    public int removeIncompleteBlocks() {
        // each table's number of blocks and last block
        List<List<Long>> shapes = jdbc.query("SELECT COUNT(*), COALESCE(MAX(block_id), 0) FROM claim_block"
                + " UNION ALL SELECT COUNT(*), COALESCE(MAX(block_id), 0) FROM claim_block_ids"
                + " UNION ALL SELECT COUNT(*), COALESCE(MAX(block_id), 0) FROM claim_block_texts",
                (rs, i) -> List.of(rs.getLong(1), rs.getLong(2)));
        if (shapes.stream().distinct().count() == 1) {
            return 0;
        }
        List<Long> incomplete = jdbc.queryForList("SELECT block_id FROM claim_block b WHERE NOT EXISTS"
                + " (SELECT 1 FROM claim_block_ids i WHERE i.block_id = b.block_id) OR NOT EXISTS"
                + " (SELECT 1 FROM claim_block_texts t WHERE t.block_id = b.block_id)"
                + " UNION SELECT block_id FROM claim_block_ids i WHERE NOT EXISTS (SELECT 1 FROM claim_block b WHERE b.block_id = i.block_id)"
                + " UNION SELECT block_id FROM claim_block_texts t WHERE NOT EXISTS (SELECT 1 FROM claim_block b WHERE b.block_id = t.block_id)",
                Long.class);
        if (!incomplete.isEmpty()) {
            log.warn("Removing the rows of {} blocks that an interrupted run left incomplete (ids {}); their rows are read again.",
                    incomplete.size(), incomplete);
            deleteBlocks(incomplete);
        }
        return incomplete.size();
    }

    /**
     * Streams the claims known at the cutoff, one subject-and-source group at a time (groups in the
     * order of subject, then source), from the packed blocks. The blocks are read in one pass and kept
     * packed (some 19 MB at a million claims); only one group is held decoded at a time. One pass costs
     * less than listing the blocks and then reading each group's by id: at a million claims the list alone
     * read every block once more (0.1 s), and a read by ids looks each id up.
     */
    public void forEachGroupKnownAt(Instant cutoff, Consumer<ClaimGroup> consumer) {
        groupsKnownAt(cutoff).forEach(group -> consumer.accept(group.unpack()));
    }

    /**
     * The groups of claims known at the cutoff, in the order of subject, then source, still packed: each is
     * unpacked on its own, so that several can be at once, on threads of their own.
     */
    public List<PackedGroup> groupsKnownAt(Instant cutoff) {
        packLegacyClaims();
        Map<Group, List<PackedBlock>> groups;
        if (packedLegacyClaims) {
            // packed by this process, maybe in the caller's transaction still: another connection would not see them
            groups = blocksKnownAt(cutoff, Long.MIN_VALUE, Long.MAX_VALUE);
        } else {
            // in two halves by block number at once, the upper one on a thread of its own (through a connection of its
            // own): at a million claims the read took 53-120 ms of the computation's one thread, with little for the
            // other core to do meanwhile
            long[] range = jdbc.queryForObject("SELECT COALESCE(MIN(block_id), 0), COALESCE(MAX(block_id), 0) FROM claim_block",
                    (rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)});
            long middle = range[0] + (range[1] - range[0]) / 2;
            FutureTask<Map<Group, List<PackedBlock>>> upper = Futures.start("blocks-read", () -> blocksKnownAt(cutoff, middle, range[1]));
            Map<Group, List<PackedBlock>> lower = blocksKnownAt(cutoff, Long.MIN_VALUE, middle);
            Futures.join(upper, "reading the upper blocks").forEach((group, blocks) -> lower.computeIfAbsent(group, g -> new ArrayList<>()).addAll(blocks));
            groups = lower;
        }
        List<PackedGroup> packed = new ArrayList<>(groups.size());
        groups.forEach((group, blocks) -> {
            blocks.sort(Comparator.comparingLong(PackedBlock::id));
            packed.add(new PackedGroup(group.subject(), group.source(), blocks.stream().map(PackedBlock::data).toList(), cutoff));
        });
        packed.sort(Comparator.comparing(PackedGroup::subject).thenComparing(PackedGroup::source));
        return packed;
    }

    /** The blocks known at the cutoff numbered after {@code after} and up to {@code upTo}, by subject and source. */
    private Map<Group, List<PackedBlock>> blocksKnownAt(Instant cutoff, long after, long upTo) {
        Map<Group, List<PackedBlock>> groups = new HashMap<>();
        jdbc.query("SELECT block_id, subject, source, data FROM claim_block WHERE block_id > ? AND block_id <= ? AND ingested_at <= ?",
                (RowCallbackHandler) rs -> groups.computeIfAbsent(new Group(rs.getString(2), rs.getString(3)), g -> new ArrayList<>())
                        .add(new PackedBlock(rs.getLong(1), rs.getBytes(4))), after, upTo, cutoff.atOffset(ZoneOffset.UTC));
        return groups;
    }

    /** The blocks of one subject and one source known at a cutoff, in the order they were stored. */
    public record PackedGroup(String subject, String source, List<byte[]> blocks, Instant cutoff) {

        /** The group's claims known at the cutoff (the blocks may hold later ones). Thread-safe. */
        public ClaimGroup unpack() {
            PackedClaims.Days days = new PackedClaims.Days();
            List<Claim> claims = new ArrayList<>();
            List<Instant> ingestedAt = new ArrayList<>();
            for (byte[] block : blocks) {
                PackedClaims.unpack(block, subject, source, days, (claim, instant) -> {
                    if (!instant.isAfter(cutoff)) {
                        claims.add(claim);
                        ingestedAt.add(instant);
                    }
                });
            }
            return new ClaimGroup(subject, source, claims, ingestedAt);
        }
    }

    /**
     * Reads the data of every block once and keeps nothing of it: an embedded database then holds their pages in
     * its cache when {@link #groupsKnownAt} reads them, which otherwise reads them from the file, and decodes them,
     * first (at a million claims, some 0.1 s of the computation's read).
     */
    public void readBlocksAhead() {
        jdbc.queryForObject("SELECT SUM(OCTET_LENGTH(data)) FROM claim_block", Long.class);
    }

    /** Whether the ledger is in a database of this process (H2), whose cache is this process's memory. */
    public boolean isEmbedded() {
        return Boolean.TRUE.equals(jdbc.execute((ConnectionCallback<Boolean>) connection ->
                "H2".equals(connection.getMetaData().getDatabaseProductName())));
    }

    /** The packed claims of one block. */
    private record PackedBlock(long id, byte[] data) {
    }

    /**
     * Tells this ledger from another one, or from one made again in its place: the instant of its first
     * ingest (empty when it holds no claims).
     */
    public String identity() {
        return Objects.requireNonNull(jdbc.queryForObject("SELECT MIN(ingested_at) FROM claim_block", (rs, i) -> identity(rs)));
    }

    /**
     * These claims, read from the blocks (which leave the texts out), completed with their conduit, window
     * start, citation and note, by id. Their places are found in the index if one is given (it must be up to
     * date with the ledger), else by a pass over the fingerprints of every block.
     */
    public Map<String, Claim> completeClaims(Collection<Claim> claims, Optional<IdIndex> index) {
        if (claims.isEmpty()) {
            return new HashMap<>();
        }
        packLegacyClaims();
        return lookup.complete(claims, index);
    }

    /**
     * Moves the claims of a ledger made before the blocks were its record (migration V7) into blocks: one per
     * subject, source and instant of ingestion (of at most {@link #LARGE_BLOCK} claims), in the order of their
     * input file and line. The claim rows are deleted last, so a run stopped half-way packs them again.
     */
    private void packLegacyClaims() {
        if (jdbc.queryForList("SELECT record_id FROM claim FETCH FIRST 1 ROWS ONLY", String.class).isEmpty()) {
            return;
        }
        packedLegacyClaims = true;
        log.info("Packing the claims of a ledger made by an earlier version into blocks.");
        deleteBlocks(jdbc.queryForList("SELECT block_id FROM claim_block", Long.class));
        List<StoredClaim> block = new ArrayList<>();
        Instant[] blockInstant = {null};
        jdbc.query("SELECT " + CLAIM_COLUMNS + ", input_file, input_line, ingested_at FROM claim"
                        + " ORDER BY subject, source, ingested_at, input_file, input_line",
                (RowCallbackHandler) rs -> {
                    StoredClaim stored = new StoredClaim(claim(rs), rs.getString(16), rs.getLong(17));
                    Instant ingestedAt = rs.getObject(18, OffsetDateTime.class).toInstant();
                    if (!block.isEmpty() && (block.size() == LARGE_BLOCK || !ingestedAt.equals(blockInstant[0])
                            || !block.get(0).claim().subject().equals(stored.claim().subject())
                            || !block.get(0).claim().source().equals(stored.claim().source()))) {
                        insertBlocks(block, blockInstant[0], null);
                        block.clear();
                    }
                    block.add(stored);
                    blockInstant[0] = ingestedAt;
                });
        if (!block.isEmpty()) {
            insertBlocks(block, blockInstant[0], null);
        }
        int moved = jdbc.update("DELETE FROM claim");
        log.info("Packed {} claims into blocks.", moved);
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
