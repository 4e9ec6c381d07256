package briefing.job;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.IdIndex;
import briefing.ledger.IdIndexFile;
import briefing.ledger.InMemoryLedger;
import briefing.ledger.LedgerRepository;
import briefing.ledger.LedgerRules;
import briefing.ledger.Rejection;
import briefing.ledger.SeriesKey;
import briefing.ledger.StoredClaim;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.infrastructure.item.Chunk;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamWriter;

/**
 * Applies the ledger rules to a chunk of checked rows, in order, and stores the outcome in the
 * chunk's transaction: accepted claims with their ingestion time, new series, and rejections.
 * Keeps the counts of the accounting identity (read = loaded + already in ledger + rejected) in the
 * step's execution context, so they survive a restart.
 */
class LedgerWriter implements ItemStreamWriter<List<IngestOutcome>> {

    static final String LOADED = "ingest.loaded";
    static final String ALREADY_IN_LEDGER = "ingest.alreadyInLedger";
    static final String REJECTED = "ingest.rejected";
    /** The instant of ingestion of the claims counted as loaded (see {@link LostRowsCheck}). */
    static final String COUNTED_AT = "ingest.countedAt";

    private static final Logger log = LoggerFactory.getLogger("briefing.job");
    private static final long PROGRESS_EVERY = 100_000;

    private final LedgerRepository repository;
    private final Instant ingestedAt;
    private final long jobInstanceId;
    private final IndexHandOff handOff;
    private final long jobExecutionId;
    private final IdIndexFile keptIndex;
    private final boolean readBlocksAhead;
    /** About how many rows the input holds, for an empty ledger's index to make room for them at once. */
    private final long expectedRows;
    private final InMemoryLedger view = new InMemoryLedger();
    private final Set<SeriesKey> knownSeries = new HashSet<>();
    private long loaded;
    private long alreadyInLedger;
    private long rejected;
    /**
     * Where each record id of the ledger is (an id it does not know needs no lookup), made when the step
     * opens, while the reader's thread starts on the input, and kept up to date with every block stored.
     */
    private IdIndex index;

    /**
     * Offers its index to the compute step of job execution {@code jobExecutionId} through {@code handOff} at the
     * end, and keeps it in {@code keptIndex} for the next run, which reads it instead of making it again. With
     * {@code readBlocksAhead}, reads the ledger's blocks on a thread of its own while the rows come in, so that the
     * compute step finds them in the database's cache.
     */
    LedgerWriter(LedgerRepository repository, Instant ingestedAt, long jobInstanceId, IndexHandOff handOff, long jobExecutionId,
                 IdIndexFile keptIndex, boolean readBlocksAhead, long expectedRows) {
        this.repository = repository;
        this.ingestedAt = ingestedAt;
        this.jobInstanceId = jobInstanceId;
        this.handOff = handOff;
        this.jobExecutionId = jobExecutionId;
        this.keptIndex = keptIndex;
        this.readBlocksAhead = readBlocksAhead;
        this.expectedRows = expectedRows;
    }

    @Override
    public void open(ExecutionContext context) {
        // the file an earlier ingest of this process is still writing
        handOff.awaitKept();
        loaded = context.getLong(LOADED, 0L);
        alreadyInLedger = context.getLong(ALREADY_IN_LEDGER, 0L);
        rejected = context.getLong(REJECTED, 0L);
        repository.seriesBases().forEach((series, basis) -> {
            view.putBasis(series, basis);
            knownSeries.add(series);
        });
        repository.removeIncompleteBlocks();
        // Taken even by a run that checks a few rows again: read from the file the last run kept, it costs a
        // fraction of one pass over the fingerprints of every block; made anew, about what one pass costs.
        index = repository.idIndex(keptIndex, expectedRows);
        if (readBlocksAhead) {
            Thread thread = new Thread(this::readBlocksAhead, "blocks-read-ahead");
            thread.setDaemon(true);
            thread.start();
        }
    }

    private void readBlocksAhead() {
        try {
            repository.readBlocksAhead();
        } catch (RuntimeException e) {
            // only a head start for the compute step
            log.debug("Reading the blocks ahead failed", e);
        }
    }

    @Override
    public void write(Chunk<? extends List<IngestOutcome>> chunk) {
        long before = loaded + alreadyInLedger + rejected;
        List<IngestOutcome> rows = rows(chunk);
        preloadRecordsNamedIn(rows);
        LedgerRules rules = new LedgerRules(view);
        List<StoredClaim> accepted = new ArrayList<>(rows.size());
        List<LedgerRepository.RejectedRow> rejections = new ArrayList<>();
        Map<SeriesKey, Basis> newSeries = new LinkedHashMap<>();
        for (IngestOutcome outcome : rows) {
            if (outcome.row().isInLedger()) {
                alreadyInLedger += outcome.row().rowsInLedger();
                continue;
            }
            if (outcome.rejection() != null) {
                rejections.add(new LedgerRepository.RejectedRow(outcome.rejection(), outcome.row()));
                continue;
            }
            Claim claim = outcome.claim();
            LedgerRules.Decision decision = rules.apply(claim, outcome.row());
            switch (decision.kind()) {
                case ACCEPTED -> {
                    accepted.add(new StoredClaim(claim, outcome.row().file(), outcome.row().line()));
                    SeriesKey series = SeriesKey.of(claim);
                    if (knownSeries.add(series)) {
                        newSeries.put(series, claim.basis());
                    }
                }
                case ALREADY_IN_LEDGER -> alreadyInLedger++;
                case REJECTED -> rejections.add(new LedgerRepository.RejectedRow(decision.rejection(), outcome.row()));
            }
        }
        if (!accepted.isEmpty()) {
            repository.insertBlocks(accepted, ingestedAt, index);
        }
        repository.insertSeries(newSeries);
        repository.insertRejections(jobInstanceId, rejections);
        loaded += accepted.size();
        rejected += rejections.size();
        long after = loaded + alreadyInLedger + rejected;
        if (after / PROGRESS_EVERY > before / PROGRESS_EVERY) {
            log.info("ingest: {} rows read, {} loaded, {} already in the ledger, {} rejected", after, loaded,
                    alreadyInLedger, rejected);
        }
    }

    /**
     * Loads, for this chunk, every stored record whose id a row uses or supersedes. Only the ids the index may hold
     * are gathered: most rows of a large input are new.
     */
    private void preloadRecordsNamedIn(List<IngestOutcome> rows) {
        view.clearClaims();
        Set<String> ids = new HashSet<>();
        for (IngestOutcome outcome : rows) {
            Claim claim = outcome.claim();
            if (claim != null) {
                if (index.mayHoldFingerprint(outcome.idFingerprint())) {
                    ids.add(claim.recordId());
                }
                if (claim.supersedes() != null && index.mayHoldFingerprint(outcome.supersedesFingerprint())) {
                    ids.add(claim.supersedes());
                }
            }
        }
        if (!ids.isEmpty()) {
            repository.findByIds(ids, index).values().forEach(view::putStored);
        }
    }

    /** The rows of the chunk's batches, in order (plain loops: a stream's flatMap buffers every row on the way). */
    private static List<IngestOutcome> rows(Chunk<? extends List<IngestOutcome>> chunk) {
        int size = 0;
        for (List<IngestOutcome> batch : chunk.getItems()) {
            size += batch.size();
        }
        List<IngestOutcome> rows = new ArrayList<>(size);
        for (List<IngestOutcome> batch : chunk.getItems()) {
            rows.addAll(batch);
        }
        return rows;
    }

    @Override
    public void update(ExecutionContext context) {
        context.putLong(LOADED, loaded);
        context.putLong(ALREADY_IN_LEDGER, alreadyInLedger);
        context.putLong(REJECTED, rejected);
        context.putString(COUNTED_AT, ingestedAt.toString());
    }

    /**
     * Offers the index at the end of the step, whether it failed or not: a failed step (whose last chunk's
     * blocks may be in the index but were rolled back) ends its job execution, whose compute step never runs.
     */
    @Override
    public void close() {
        if (index == null) {
            return;
        }
        handOff.offer(jobExecutionId, index);
        IdIndex kept = index;
        // closed once: the step closes its streams, the writer among them, and the writer itself
        index = null;
        handOff.keepInBackground(() -> {
            try {
                repository.keep(kept, keptIndex);
            } catch (IOException | RuntimeException e) {
                // only the next run's speed depends on it: it makes the index again
                log.warn("The index of record ids could not be kept for the next run: {}", e.getMessage());
            }
        });
    }
}
