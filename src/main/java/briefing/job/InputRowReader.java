package briefing.job;

import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import briefing.ledger.LedgerRepository;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of every input file in order; saves its position with each committed chunk so that
 * a restarted ingest goes on after the last committed row. Records in the ledger every file it read to
 * its end, with its size, SHA-256 and rows (in the transaction of the chunk that holds its last row): for
 * the manifest, which need not read the files again, and for a later run that meets the same file, which
 * then checks only the rows that did not go into the ledger.
 */
class InputRowReader implements ItemStreamReader<InputRow> {

    private static final String FILE_INDEX = "input.fileIndex";
    private static final String ROWS_RETURNED = "input.rowsReturned";
    private static final String KNOWN_FROM = "input.knownFrom";
    /** Set by readers that record the files they read (an ingest of an older version did not). */
    static final String FILES_RECORDED = "input.filesRecorded";

    private final Path folder;
    private final LedgerRepository ledger;
    private final long jobInstanceId;
    private InputFiles files;
    /** How many of {@code files.summaries()} are recorded in the ledger. */
    private int recorded;

    InputRowReader(Path folder, LedgerRepository ledger, long jobInstanceId) {
        this.folder = folder;
        this.ledger = ledger;
        this.jobInstanceId = jobInstanceId;
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
                recorded = files.summaries().size();
            }
        } catch (IOException e) {
            throw new ItemStreamException("Cannot read the input folder " + folder + ": " + e.getMessage(), e);
        }
    }

    @Override
    public InputRow read() {
        try {
            return files.next();
        } catch (IOException e) {
            throw new UncheckedIOException("Reading input in " + folder + " failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void update(ExecutionContext context) {
        InputFiles.Position position = files.position();
        context.putInt(FILE_INDEX, position.fileIndex());
        context.putLong(ROWS_RETURNED, position.rowsReturned());
        context.putLong(KNOWN_FROM, position.knownFrom());
        context.putString(FILES_RECORDED, "true");
        // every row of these files has been written, in this chunk or an earlier one
        List<InputFiles.FileSummary> finished = files.summaries();
        for (; recorded < finished.size(); recorded++) {
            ledger.recordInputRead(jobInstanceId, finished.get(recorded));
        }
    }

    @Override
    public void close() {
        if (files != null) {
            files.close();
        }
    }
}
