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
 * a restarted ingest goes on after the last committed row. Also saves, for the manifest, the size,
 * SHA-256 and row count of every file read to its end, so the files need not be read again, and records
 * each such file in the ledger (in the transaction of the chunk that holds its last row), so that a later
 * run that meets the same file checks only the rows that did not go into the ledger.
 */
class InputRowReader implements ItemStreamReader<InputRow> {

    private static final String FILE_INDEX = "input.fileIndex";
    private static final String ROWS_RETURNED = "input.rowsReturned";
    private static final String FILES = "input.files";

    private final Path folder;
    private final LedgerRepository ledger;
    private final long jobInstanceId;
    private InputFiles files;
    /** The files finished before the position this reader was opened at, as saved. */
    private List<String> earlier = List.of();
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
            files = InputFiles.open(folder, ledger::knownFile);
            if (context.containsKey(FILE_INDEX)) {
                InputFiles.Position position = new InputFiles.Position(context.getInt(FILE_INDEX), context.getLong(ROWS_RETURNED));
                List<String> saved = savedFiles(context);
                earlier = List.copyOf(saved.subList(0, Math.min(position.fileIndex(), saved.size())));
                files.skipTo(position);
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
        ArrayList<String> read = new ArrayList<>(earlier);
        List<InputFiles.FileSummary> finished = files.summaries();
        for (InputFiles.FileSummary file : finished) {
            read.add(file.bytes() + "," + file.sha256() + "," + file.rows() + "," + file.name());
        }
        context.put(FILES, read);
        // every row of these files has been written in this chunk or an earlier one
        for (; recorded < finished.size(); recorded++) {
            ledger.recordInputFile(finished.get(recorded), jobInstanceId);
        }
    }

    /** The files an ingest read to their end, in reading order; empty when its context predates this record. */
    static Optional<List<InputFiles.FileSummary>> filesRead(ExecutionContext context) {
        if (!context.containsKey(FILES)) {
            return Optional.empty();
        }
        List<InputFiles.FileSummary> files = new ArrayList<>();
        for (String entry : savedFiles(context)) {
            String[] parts = entry.split(",", 4);
            files.add(new InputFiles.FileSummary(parts[3], Long.parseLong(parts[0]), parts[1], Long.parseLong(parts[2])));
        }
        return Optional.of(files);
    }

    @SuppressWarnings("unchecked")
    private static List<String> savedFiles(ExecutionContext context) {
        Object saved = context.get(FILES);
        return saved == null ? List.of() : (List<String>) saved;
    }

    @Override
    public void close() {
        if (files != null) {
            files.close();
        }
    }
}
