package briefing.job;

import briefing.ledger.InputFiles;
import briefing.ledger.InputRow;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.batch.infrastructure.item.ExecutionContext;
import org.springframework.batch.infrastructure.item.ItemStreamException;
import org.springframework.batch.infrastructure.item.ItemStreamReader;

/**
 * Reads the rows of every input file in order; saves its position with each committed chunk so that
 * a restarted ingest goes on after the last committed row.
 */
class InputRowReader implements ItemStreamReader<InputRow> {

    private static final String FILE_INDEX = "input.fileIndex";
    private static final String ROWS_RETURNED = "input.rowsReturned";

    private final Path folder;
    private InputFiles files;

    InputRowReader(Path folder) {
        this.folder = folder;
    }

    @Override
    public void open(ExecutionContext context) {
        try {
            files = InputFiles.open(folder);
            if (context.containsKey(FILE_INDEX)) {
                files.skipTo(new InputFiles.Position(context.getInt(FILE_INDEX), context.getLong(ROWS_RETURNED)));
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
    }

    @Override
    public void close() {
        if (files != null) {
            files.close();
        }
    }
}
