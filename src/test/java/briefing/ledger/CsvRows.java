package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a CSV file the job wrote (e.g. {@code rejected.csv}) with the project's RFC 4180 reader, for tests in other packages. */
public final class CsvRows {

    private CsvRows() {
    }

    /** Every row's fields, the header first. */
    public static List<List<String>> read(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file)) {
            CsvReader reader = new CsvReader(in);
            CsvReader.Row row;
            while ((row = reader.next()) != null) {
                if (row.unclosedQuote()) {
                    throw new IOException(file + " has a quote that never closes on line " + row.line());
                }
                rows.add(row.fields());
            }
        }
        return rows;
    }
}
