package briefing.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * Reads every {@code *.csv} file of an input folder, in ascending name order, as {@link InputRow}s:
 * data rows with their values by column, or faults (a file rejected as a whole, a row with the wrong
 * number of fields, a quote that never closes). Blank lines are skipped. The position (file index,
 * rows returned from that file) can be saved and restored, so an interrupted ingest resumes where it
 * stopped. A file that {@link KnownFiles} knows (same name and content) is not parsed: it yields one
 * row standing for its rows already in the ledger, then the rows to check again, as recorded. The next
 * files are checked and hashed ahead ({@link InputChecks}) while a file is read. Not thread-safe; close it
 * to release the open file and the checks still pending.
 */
public final class InputFiles implements AutoCloseable {

    /**
     * Where reading stands: the index of the current file, how many rows it has returned, and for a file
     * known from an earlier run, that run's job instance ({@link #PARSED} for a file read row by row).
     */
    public record Position(int fileIndex, long rowsReturned, long knownFrom) {
        public static final long PARSED = -1;
        public static final Position START = new Position(0, 0);

        public Position(int fileIndex, long rowsReturned) {
            this(fileIndex, rowsReturned, PARSED);
        }
    }

    /**
     * A file read to its end: its index in the reading order, name (relative to the folder), size,
     * SHA-256 and the rows it yielded.
     */
    public record FileSummary(int index, String name, long bytes, String sha256, long rows) {
    }

    /**
     * What an earlier run (job instance {@code knownFrom}) found in a file it read to its end: its rows,
     * and those not in the ledger.
     */
    public record KnownFile(long knownFrom, long rows, List<InputRow> toCheck) {
    }

    /** The files read before, by name, SHA-256 and size. */
    public interface KnownFiles {
        KnownFiles NONE = new KnownFiles() {
            @Override
            public Optional<KnownFile> find(String name, String sha256, long bytes) {
                return Optional.empty();
            }

            @Override
            public Optional<KnownFile> find(long knownFrom, String name, String sha256, long bytes) {
                return Optional.empty();
            }
        };

        /** What the latest run that read the file found. */
        Optional<KnownFile> find(String name, String sha256, long bytes) throws IOException;

        /** What one run found, for resuming inside a file known from it. */
        Optional<KnownFile> find(long knownFrom, String name, String sha256, long bytes) throws IOException;
    }

    /** Files checked and hashed ahead of the one being read. */
    private static final int CHECKED_AHEAD = 3;
    /** The contract reports a file rejected as a whole on line 1, also when blank lines come before its header. */
    private static final long WHOLE_FILE_LINE = 1;
    /** Column.values() makes a new array at every call: once a row, it was 80 MB of garbage at a million rows. */
    private static final int COLUMNS = Column.values().length;

    private final Path folder;
    private final List<Path> files;
    private final KnownFiles known;
    /** For a known file, the rows it yields, its row count and the run it is known from. */
    private Iterator<InputRow> replay;
    private long knownRows;
    private long knownFrom = Position.PARSED;
    /** While resuming: how the file resumed in was read before (which {@link #known} may no longer say). */
    private Position resuming;
    private int fileIndex = -1;
    private long rowsReturned;
    private CsvReader csv;
    private InputStream openInput;
    private Column[] layout;
    private int fieldCount;
    private String fileName;
    private Utf8Check.Result check;
    private final List<FileSummary> summaries = new ArrayList<>();

    private InputFiles(Path folder, List<Path> files, KnownFiles known) {
        this.folder = folder;
        this.files = files;
        this.known = known;
    }

    public static InputFiles open(Path folder) throws IOException {
        return open(folder, KnownFiles.NONE);
    }

    public static InputFiles open(Path folder, KnownFiles known) throws IOException {
        return new InputFiles(folder, list(folder), known);
    }

    /** The input files in reading order: plain code-point order of their names. */
    public static List<Path> list(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            throw new IOException("Input folder " + folder + " does not exist or is not a folder.");
        }
        try (Stream<Path> entries = Files.list(folder)) {
            return entries.filter(p -> p.getFileName().toString().endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted((a, b) -> compareCodePoints(a.getFileName().toString(), b.getFileName().toString()))
                    .toList();
        }
    }

    static int compareCodePoints(String a, String b) {
        return Arrays.compare(a.codePoints().toArray(), b.codePoints().toArray());
    }

    public List<Path> files() {
        return files;
    }

    public Position position() {
        return new Position(Math.max(fileIndex, 0), rowsReturned, knownFrom);
    }

    /** The files read to their end so far, in reading order (after {@link #skipTo}, from the saved position on). */
    public List<FileSummary> summaries() {
        return List.copyOf(summaries);
    }

    /** How many files {@link #summaries()} holds, without copying them. */
    public int summaryCount() {
        return summaries.size();
    }

    /**
     * Moves to a saved position: files before it are not opened, the file it names is read again up
     * to the saved row. Every saved position other than {@link Position#START} lies after a returned row.
     */
    public void skipTo(Position position) throws IOException {
        if (position.equals(Position.START)) {
            return;
        }
        closeFile();
        fileIndex = position.fileIndex() - 1;
        rowsReturned = 0;
        resuming = position;
        try {
            while (fileIndex != position.fileIndex() || rowsReturned < position.rowsReturned()) {
                if (next() == null) {
                    return;
                }
            }
        } finally {
            resuming = null;
        }
    }

    /** The next row or fault, or {@code null} when every file has been read. */
    public InputRow next() throws IOException {
        while (true) {
            if (replay != null) {
                if (replay.hasNext()) {
                    rowsReturned++;
                    return replay.next();
                }
                replay = null;
                summaries.add(new FileSummary(fileIndex, fileName, check.bytes(), check.sha256(), knownRows));
                continue;
            }
            if (csv == null) {
                if (fileIndex + 1 >= files.size()) {
                    return null;
                }
                InputRow fileFault = openNextFile();
                if (replay != null) {
                    continue;
                }
                if (fileFault != null) {
                    // the fault is the file's one row
                    rowsReturned++;
                    finishFile();
                    return fileFault;
                }
                continue;
            }
            CsvReader.Row row = csv.next();
            if (row == null) {
                finishFile();
                continue;
            }
            if (row.isBlank()) {
                continue;
            }
            rowsReturned++;
            if (row.unclosedQuote()) {
                String recordId = firstField(row);
                finishFile();
                return InputRow.faulty(new Rejection(fileName, row.line(), recordId, "",
                        "A quoted field that starts on this line never closes; the rest of the file was not read. Close the quote or double the quote character inside the field."));
            }
            if (row.fields().size() != fieldCount) {
                return InputRow.faulty(new Rejection(fileName, row.line(), firstField(row), "",
                        "The row has " + row.fields().size() + " fields but the header has " + fieldCount
                                + "; check for an unquoted comma or a missing value."));
            }
            String[] values = new String[COLUMNS];
            for (int i = 0; i < fieldCount; i++) {
                values[layout[i].ordinal()] = row.fields().get(i);
            }
            return new InputRow(fileName, row.line(), values, null);
        }
    }

    /** The record id of a row that cannot be read as a whole, as far as it goes. */
    private String firstField(CsvReader.Row row) {
        for (int i = 0; i < layout.length && i < row.fields().size(); i++) {
            if (layout[i] == Column.RECORD_ID) {
                return row.fields().get(i);
            }
        }
        return "";
    }

    /** Opens the next file; returns the fault that rejects it as a whole, if any. */
    private InputRow openNextFile() throws IOException {
        closeFile();
        fileIndex++;
        rowsReturned = 0;
        Path file = files.get(fileIndex);
        fileName = folder.relativize(file).toString();
        check = check(fileIndex);
        // a file is read again as it was read before the interruption, whatever other runs recorded since
        Optional<KnownFile> seen = resuming == null ? known.find(fileName, check.sha256(), check.bytes())
                : resuming.knownFrom() == Position.PARSED ? Optional.empty()
                : known.find(resuming.knownFrom(), fileName, check.sha256(), check.bytes());
        if (seen.isPresent()) {
            List<InputRow> rows = new ArrayList<>();
            long inLedger = seen.get().rows() - seen.get().toCheck().size();
            if (inLedger > 0) {
                rows.add(InputRow.inLedger(fileName, inLedger));
            }
            rows.addAll(seen.get().toCheck());
            replay = rows.iterator();
            knownRows = seen.get().rows();
            knownFrom = seen.get().knownFrom();
            return null;
        }
        OptionalLong badLine = check.firstBadLine();
        if (badLine.isPresent()) {
            return fileFault(badLine.getAsLong(), "The file is not UTF-8 (first bad byte on line " + badLine.getAsLong()
                    + "); save it as UTF-8 and run again.");
        }
        openInput = Files.newInputStream(file);
        csv = new CsvReader(openInput);
        csv.skipByteOrderMark();
        CsvReader.Row header = csv.next();
        while (header != null && header.isBlank()) {
            header = csv.next();
        }
        if (header == null) {
            return fileFault(WHOLE_FILE_LINE, "The file is empty; it needs at least a header row.");
        }
        if (header.unclosedQuote()) {
            return fileFault(WHOLE_FILE_LINE, "The header has a quote that never closes.");
        }
        return checkHeader(header);
    }

    private InputRow checkHeader(CsvReader.Row header) {
        List<String> names = header.fields();
        Column[] columns = new Column[names.size()];
        for (int i = 0; i < names.size(); i++) {
            String name = names.get(i).trim();
            Column column = Column.fromHeader(name).orElse(null);
            if (column == null) {
                return fileFault(WHOLE_FILE_LINE, "The header has an unknown column '" + shorten(name)
                        + "' (column " + (i + 1) + "); the columns are " + knownColumns() + ".");
            }
            for (int j = 0; j < i; j++) {
                if (columns[j] == column) {
                    return fileFault(WHOLE_FILE_LINE, "The header has the column '" + column.header() + "' twice (columns "
                            + (j + 1) + " and " + (i + 1) + ").");
                }
            }
            columns[i] = column;
        }
        List<String> missing = new ArrayList<>();
        for (Column column : Column.values()) {
            if (column.required() && Arrays.stream(columns).noneMatch(c -> c == column)) {
                missing.add(column.header());
            }
        }
        if (!missing.isEmpty()) {
            return fileFault(WHOLE_FILE_LINE, "The header lacks the required column" + (missing.size() > 1 ? "s " : " ")
                    + String.join(", ", missing) + ".");
        }
        layout = columns;
        fieldCount = columns.length;
        return null;
    }

    private static String knownColumns() {
        return String.join(", ", Arrays.stream(Column.values()).map(Column::header).toList());
    }

    static String shorten(String text) {
        return text.length() <= 60 ? text : text.substring(0, 57) + "...";
    }

    private InputRow fileFault(long line, String reason) {
        closeFile();
        return InputRow.faulty(Rejection.ofFile(fileName, line, reason));
    }

    /** The UTF-8 check and hash of a file, taken ahead in the background with those of the next files. */
    private Utf8Check.Result check(int index) throws IOException {
        for (int i = index; i < Math.min(files.size(), index + CHECKED_AHEAD); i++) {
            InputChecks.submit(files.get(i));
        }
        return InputChecks.take(files.get(index));
    }

    /** Closes the current file, read to its end (or as far as it can be read), and sums it up. */
    private void finishFile() {
        closeFile();
        summaries.add(new FileSummary(fileIndex, fileName, check.bytes(), check.sha256(), rowsReturned));
    }

    private void closeFile() {
        replay = null;
        knownFrom = Position.PARSED;
        csv = null;
        layout = null;
        if (openInput != null) {
            try {
                openInput.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            openInput = null;
        }
    }

    @Override
    public void close() {
        closeFile();
        InputChecks.forget(files);
    }
}
