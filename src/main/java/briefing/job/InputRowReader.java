package briefing.job;

import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of every input file in order, checked and parsed ({@link ClaimCheckProcessor}); saves
 * its position with each committed chunk so that a restarted ingest goes on after the last committed
 * row. Records in the ledger every file it read to its end, with its size, SHA-256 and rows (in the
 * transaction of the chunk that holds its last row): for the manifest, which need not read the files
 * again, and for a later run that meets the same file, which then checks only the rows that did not go
 * into the ledger.
 *
 * <p>Reading, decoding and parsing run ahead on a thread of their own while the step writes the
 * previous chunk (the machine has two cores). The step's items are batches of rows, not rows: Spring
 * Batch's cost per item (listeners, events, the chunk's list) was a tenth of a million-row ingest on
 * the step's thread. Each batch carries the position after its last row, so the saved position is that
 * of the last row the step took, never of the rows read ahead.
 */
class InputRowReader implements ItemStreamReader<List<IngestOutcome>> {

    private static final String FILE_INDEX = "input.fileIndex";
    private static final String ROWS_RETURNED = "input.rowsReturned";
    private static final String KNOWN_FROM = "input.knownFrom";
    /** Set by readers that record the files they read (an ingest of an older version did not). */
    static final String FILES_RECORDED = "input.filesRecorded";
    /** Rows handed over at a time (one item of the step), and batches read ahead: enough to keep both threads busy, little memory. */
    static final int BATCH = 512;
    private static final int BATCHES_AHEAD = 8;

    private final Path folder;
    private final LedgerRepository ledger;
    private final long jobInstanceId;
    private final ClaimCheckProcessor checker;
    private InputFiles files;
    /** The files read to their end, appended by the reading thread before it hands over the rows after them. */
    private final List<InputFiles.FileSummary> finished = new CopyOnWriteArrayList<>();
    /** How many of {@link #finished} are recorded in the ledger. */
    private int recorded;
    private ReadAhead ahead;
    private Batch batch;
    private int next;
    /** Where reading stands after the last row taken, and how many files were finished by then. */
    private InputFiles.Position position;
    private int finishedCount;

    InputRowReader(Path folder, LedgerRepository ledger, long jobInstanceId, ClaimCheckProcessor checker) {
        this.folder = folder;
        this.ledger = ledger;
        this.jobInstanceId = jobInstanceId;
        this.checker = checker;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            files = InputFiles.open(folder, new InputFiles.KnownFiles() {
                @Override
                public Optional<InputFiles.KnownFile> find(String name, String sha256, long bytes) {
                    return ledger.knownFile(name, sha256, bytes);
                }

                @Override
                public Optional<InputFiles.KnownFile> find(long knownFrom, String name, String sha256, long bytes) {
                    return ledger.knownFile(knownFrom, name, sha256, bytes);
                }
            });
            if (context.containsKey(FILE_INDEX)) {
                files.skipTo(new InputFiles.Position(context.getInt(FILE_INDEX), context.getLong(ROWS_RETURNED),
                        context.getLong(KNOWN_FROM, InputFiles.Position.PARSED)));
                // a file finished while skipping was recorded by the chunk that read its last row
                finished.addAll(files.summaries());
                recorded = finished.size();
            }
        } catch (IOException e) {
            throw new ItemStreamException("Cannot read the input folder " + folder + ": " + e.getMessage(), e);
        }
        position = files.position();
        finishedCount = finished.size();
        ahead = new ReadAhead();
        ahead.start();
    }

    /** The next batch of rows (never empty), or null at the end of the input. */
    @Override
    public List<IngestOutcome> read() {
        while (batch == null || next == batch.size) {
            if (batch != null && batch.last) {
                // the end of the input, or the fault that stopped the reading
                if (batch.failure == null) {
                    position = batch.endPosition;
                    finishedCount = batch.endFinished;
                }
                if (batch.failure instanceof RuntimeException e) {
                    throw e;
                }
                if (batch.failure instanceof Error e) {
                    throw e;
                }
                return null;
            }
            batch = ahead.take();
            next = 0;
        }
        int last = batch.size - 1;
        next = batch.size;
        position = new InputFiles.Position(batch.fileIndex[last], batch.rowsReturned[last], batch.knownFrom[last]);
        finishedCount = batch.finished[last];
        return Arrays.asList(batch.items).subList(0, batch.size);
    }

    @Override
    public void update(ExecutionContext context) {
        context.putInt(FILE_INDEX, position.fileIndex());
        context.putLong(ROWS_RETURNED, position.rowsReturned());
        context.putLong(KNOWN_FROM, position.knownFrom());
        context.putString(FILES_RECORDED, "true");
        // every row of these files has been written, in this chunk or an earlier one
        for (; recorded < finishedCount; recorded++) {
            ledger.recordInputRead(jobInstanceId, finished.get(recorded));
        }
    }

    @Override
    public void close() {
        if (ahead != null) {
            ahead.stop();
            ahead = null;
        }
        if (files != null) {
            files.close();
            files = null;
        }
    }

    /** Rows read ahead, each with the position after it; the last batch ends the input (or holds its failure). */
    private static final class Batch {
        final IngestOutcome[] items = new IngestOutcome[BATCH];
        final int[] fileIndex = new int[BATCH];
        final long[] rowsReturned = new long[BATCH];
        final long[] knownFrom = new long[BATCH];
        final int[] finished = new int[BATCH];
        int size;
        boolean last;
        InputFiles.Position endPosition;
        int endFinished;
        /** What stopped the reading: a RuntimeException or an Error, thrown on the step's thread. */
        Throwable failure;
    }

    /** The thread that reads, checks and parses rows ahead of the step. */
    private final class ReadAhead implements Runnable {

        private final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(BATCHES_AHEAD);
        private final Thread thread = new Thread(this, "input-read");
        private volatile boolean stopped;

        void start() {
            thread.setDaemon(true);
            thread.start();
        }

        @Override
        public void run() {
            boolean ended = false;
            while (!ended && !stopped) {
                Batch batch = new Batch();
                InputRow row = null;
                try {
                    while (batch.size < BATCH && (row = files.next()) != null) {
                        IngestOutcome item = check(row);
                        InputFiles.Position after = files.position();
                        int i = batch.size;
                        batch.items[i] = item;
                        batch.fileIndex[i] = after.fileIndex();
                        batch.rowsReturned[i] = after.rowsReturned();
                        batch.knownFrom[i] = after.knownFrom();
                        batch.finished[i] = noteFinished();
                        batch.size++;
                    }
                    if (row == null) {
                        batch.last = true;
                        batch.endPosition = files.position();
                        batch.endFinished = noteFinished();
                    }
                } catch (IOException e) {
                    fail(batch, new UncheckedIOException("Reading input in " + folder + " failed"
                            + (row == null ? "" : " after " + row.file() + " line " + row.line()) + ": " + e.getMessage(), e));
                } catch (RuntimeException | Error e) {
                    // an Error too: the step must fail with it, not wait for rows that never come
                    fail(batch, e);
                }
                ended = batch.last;
                if (!hand(batch)) {
                    return;
                }
            }
        }

        private IngestOutcome check(InputRow row) {
            try {
                return checker.process(row);
            } catch (RuntimeException e) {
                throw new IllegalStateException("Checking " + row.file() + " line " + row.line() + " failed: " + e.getMessage(), e);
            }
        }

        /** Ends the input with the failure, after the rows of the batch read before it. */
        private void fail(Batch batch, Throwable failure) {
            batch.last = true;
            batch.failure = failure;
        }

        /** Queues the batch for the step; false when the reader was closed meanwhile. */
        private boolean hand(Batch batch) {
            try {
                while (!queue.offer(batch, 100, TimeUnit.MILLISECONDS)) {
                    if (stopped) {
                        return false;
                    }
                }
                return true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }

        /** Publishes the files finished so far; their count. */
        private int noteFinished() {
            if (files.summaryCount() > finished.size()) {
                List<InputFiles.FileSummary> all = files.summaries();
                finished.addAll(all.subList(finished.size(), all.size()));
            }
            return finished.size();
        }

        Batch take() {
            try {
                while (true) {
                    Batch next = queue.poll(1, TimeUnit.SECONDS);
                    if (next != null) {
                        return next;
                    }
                    if (!thread.isAlive() && (next = queue.poll()) == null) {
                        throw new ItemStreamException("The input reader of " + folder + " stopped without ending the input");
                    }
                    if (next != null) {
                        return next;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ItemStreamException("Interrupted while reading input in " + folder, e);
            }
        }

        /**
         * Stops the reader without interrupting it (an interrupt inside a database read would close the
         * database's file): it ends after the batch it is reading, once its queue has room.
         */
        void stop() {
            stopped = true;
            queue.clear();
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
