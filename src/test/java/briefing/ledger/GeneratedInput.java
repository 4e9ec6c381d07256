package briefing.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Input files generated from a seed, with a known outcome for every row. Valid claims are written
 * with every variation the contract allows (columns in any order, case and padding of names, quoting,
 * CRLF and LF, a BOM, blank lines, thousands separators, padded values, text near the length limit);
 * some rows and whole files are mutated into each kind of {@link Fault} of {@code records.md}. The
 * generator keeps a model of the ledger (records accepted, basis of each series) so that it knows, by
 * construction, which rows must be loaded, which are already in the ledger, and which are rejected on
 * which file, line and column.
 */
public final class GeneratedInput {

    /** Every way a row or a file breaks the contract, with the column its rejection names (empty: whole row or file). */
    public enum Fault {
        MISSING_RECORD_ID(Column.RECORD_ID), BAD_RECORD_ID(Column.RECORD_ID),
        MISSING_REPORTED_ON(Column.REPORTED_ON), BAD_DATE_SHAPE(Column.REPORTED_ON),
        DATE_NOT_IN_CALENDAR(Column.REPORTED_ON), REPORTED_AFTER_TODAY(Column.REPORTED_ON),
        MISSING_SOURCE(Column.SOURCE), SOURCE_NAMED_ALL(Column.SOURCE), MISSING_SUBJECT(Column.SUBJECT),
        MISSING_METRIC(Column.METRIC), UNKNOWN_METRIC(Column.METRIC),
        MISSING_VALUE_LOW(Column.VALUE_LOW), NOT_A_WHOLE_NUMBER(Column.VALUE_LOW), NEGATIVE_NUMBER(Column.VALUE_LOW),
        RANGE_IN_ONE_CELL(Column.VALUE_LOW), NUMBER_TOO_LARGE(Column.VALUE_LOW),
        BAD_VALUE_HIGH(Column.VALUE_HIGH), HIGH_BELOW_LOW(Column.VALUE_HIGH),
        UNKNOWN_QUALIFIER(Column.QUALIFIER), UNKNOWN_BASIS(Column.BASIS),
        BAD_AS_OF(Column.AS_OF), AS_OF_AFTER_REPORTED_ON(Column.AS_OF),
        INCREMENT_WITHOUT_WINDOW(Column.WINDOW_START), WINDOW_AFTER_AS_OF(Column.WINDOW_START),
        WINDOW_ON_CUMULATIVE(Column.WINDOW_START),
        TEXT_TOO_LONG(null),
        TOO_MANY_FIELDS(null), TOO_FEW_FIELDS(null), UNCLOSED_QUOTE(null),
        ID_WITH_OTHER_CONTENT(Column.RECORD_ID), OTHER_BASIS_IN_SERIES(Column.BASIS),
        SUPERSEDES_UNKNOWN(Column.SUPERSEDES), SUPERSEDES_OTHER_SERIES(Column.SUPERSEDES),
        SUPERSEDES_ITSELF(Column.SUPERSEDES), SUPERSEDES_REJECTED(Column.SUPERSEDES), SUPERSEDES_LATER(Column.SUPERSEDES),
        FILE_NOT_UTF8(null), FILE_EMPTY(null), FILE_BINARY(null), HEADER_UNKNOWN_COLUMN(null),
        HEADER_COLUMN_TWICE(null), HEADER_LACKS_REQUIRED(null), HEADER_UNCLOSED_QUOTE(null);

        private final Column column;

        Fault(Column column) {
            this.column = column;
        }

        public boolean rejectsWholeFile() {
            return name().startsWith("FILE_") || name().startsWith("HEADER_");
        }

        static final Set<Fault> ROW_FAULTS = EnumSet.complementOf(EnumSet.of(FILE_NOT_UTF8, FILE_EMPTY, FILE_BINARY,
                HEADER_UNKNOWN_COLUMN, HEADER_COLUMN_TWICE, HEADER_LACKS_REQUIRED, HEADER_UNCLOSED_QUOTE, UNCLOSED_QUOTE));
    }

    /** A rejection the contract calls for: where, which column (empty for a whole row or file), and why it was planted. */
    public record Expected(String file, long line, String column, Fault fault) {
        public String where() {
            return file + ":" + line + ":" + column;
        }
    }

    /** The values of a claim as the generator means them, before any formatting. */
    public record Values(String id, LocalDate reportedOn, String source, String conduit, String subject, Metric metric,
                         long low, Long high, Qualifier qualifier, Basis basis, LocalDate asOf, LocalDate windowStart,
                         String citation, String supersedes, String note) {

        SeriesKey series() {
            return new SeriesKey(subject, metric, source);
        }

        /** The claim the parser must make of these values. */
        public Claim claim() {
            return new Claim(id, reportedOn, source, conduit, subject, metric, low, high == null ? low : high,
                    qualifier == null ? Qualifier.EXACT : qualifier, basis, asOf == null ? reportedOn : asOf,
                    windowStart, citation, supersedes, note);
        }

        Values withId(String newId) {
            return new Values(newId, reportedOn, source, conduit, subject, metric, low, high, qualifier, basis, asOf,
                    windowStart, citation, supersedes, note);
        }

        Values withSupersedes(String target) {
            return new Values(id, reportedOn, source, conduit, subject, metric, low, high, qualifier, basis, asOf,
                    windowStart, citation, target, note);
        }

        Values withLow(long newLow) {
            return new Values(id, reportedOn, source, conduit, subject, metric, newLow, null, qualifier, basis, asOf,
                    windowStart, citation, supersedes, note);
        }
    }

    /** A generated file: its name, its bytes, and what its rows are meant to become. */
    public record GeneratedFile(String name, byte[] bytes) {
    }

    private static final String[] SOURCES = {"NIS (South Korea)", "South Korean military", "Officials of Ukraine, South Korea and the US",
            "Pyongyang (KCNA)", "\"Defence\" ministry", "ГУР України", "مصدر عسكري", "מקור", "국정원", "Analyst 🛰️", "=cmd|' /C calc'!A0"};
    private static final String[] SUBJECTS = {"DPRK forces in Russia", "DPRK forces, Kursk", "Force 3 <b>&amp;</b>"};
    private static final String[] TEXTS = {"closed-door briefing", "News article of 30 April 2025, \"Six hundred\"", "line one\nline two",
            "crlf one\r\nline two", "@SUM(A1:A9)", "+1", "-2", "=HYPERLINK(\"http://example.com\",\"click\")", "a, b, and c",
            "tab\there", "emoji 🪖🇰🇷 and ZWJ 👩‍🚀", "עברית ועוד", "\u0627\u0644\u0639\u0631\u0628\u064a\u0629", "quote \" inside",
            "<script>alert(1)</script> & more", "_x0041_ looks escaped", "../../etc/passwd"};
    private static final String ID_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._:-";
    private static final String PADDING = "  \t ";
    private static final LocalDate EARLIEST = LocalDate.of(2024, 1, 1);

    private final Random random;
    private final LocalDate today;
    private final Map<String, Values> accepted = new LinkedHashMap<>();
    private final Map<SeriesKey, Basis> bases = new HashMap<>();
    private final List<String> rejectedIds = new ArrayList<>();
    private final List<GeneratedFile> files = new ArrayList<>();
    private final List<Expected> rejections = new ArrayList<>();
    private final Map<String, Values> loaded = new LinkedHashMap<>();
    private final Set<String> alreadyInLedger = new HashSet<>();
    private final Set<Fault> planted = EnumSet.noneOf(Fault.class);
    private String reservedId;
    private long rowsRead;
    private int nextId;

    private GeneratedInput(long seed, LocalDate today) {
        this.random = new Random(seed);
        this.today = today;
    }

    /**
     * Claims of an earlier run: valid rows only, all of which are loaded. Their records, and the basis
     * of their series, are then "in the ledger" for {@link #next}.
     */
    public static GeneratedInput ledger(long seed, LocalDate today, int rows) {
        GeneratedInput ledger = new GeneratedInput(seed, today);
        ledger.addFile("ledger.csv", rows, 0, List.of());
        return ledger;
    }

    /**
     * Input for the run after this one (or after nothing, given {@code null}): {@code fileCount} files
     * of up to {@code rowsPerFile} rows each, a share {@code faultRate} of which are faulty, and every
     * fault of {@code mustPlant} planted at least once.
     */
    public static GeneratedInput next(GeneratedInput earlier, long seed, LocalDate today, int fileCount, int rowsPerFile,
                                      double faultRate, Set<Fault> mustPlant) {
        GeneratedInput input = new GeneratedInput(seed, today);
        if (earlier != null) {
            input.accepted.putAll(earlier.accepted);
            input.bases.putAll(earlier.bases);
            input.nextId = earlier.nextId;
        }
        List<String> names = new ArrayList<>();
        while (names.size() < fileCount) {
            String name = input.fileName();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        List<Fault> toPlant = new ArrayList<>(mustPlant);
        Collections.shuffle(toPlant, input.random);
        List<Fault> fileFaults = new ArrayList<>(toPlant.stream().filter(Fault::rejectsWholeFile).toList());
        List<Fault> rowFaults = new ArrayList<>(toPlant.stream().filter(f -> !f.rejectsWholeFile()).toList());
        int rowFiles = rowFaults.isEmpty() ? 0 : 1;
        while (names.size() < fileFaults.size() + rowFiles) {
            String name = input.fileName();
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        names.sort(InputFiles::compareCodePoints);
        for (int i = 0; i < names.size(); i++) {
            int filesLeft = names.size() - i;
            if (!fileFaults.isEmpty() && filesLeft > rowFiles
                    && (fileFaults.size() >= filesLeft - rowFiles || input.random.nextInt(3) == 0)) {
                input.addFaultyFile(names.get(i), fileFaults.remove(0));
            } else if (mustPlant.isEmpty() && input.random.nextDouble() < faultRate / 4) {
                input.addFaultyFile(names.get(i), input.pick(Fault.values(), Fault::rejectsWholeFile));
            } else {
                List<Fault> here = filesLeft == 1 ? rowFaults : rowFaults.subList(0, rowFaults.size() / filesLeft);
                input.addFile(names.get(i), Math.max(rowsPerFile, here.size() * 4 + 1), faultRate, new ArrayList<>(here));
                here.clear();
            }
        }
        return input;
    }

    public List<GeneratedFile> files() {
        return files;
    }

    /** The rejections, in the order of {@code rejected.csv}. */
    public List<Expected> rejections() {
        return rejections;
    }

    /** The claims that must be loaded, by "file:line". */
    public Map<String, Values> loaded() {
        return loaded;
    }

    /** The rows ("file:line") that repeat a record of the ledger with the same content. */
    public Set<String> alreadyInLedger() {
        return alreadyInLedger;
    }

    public long rowsRead() {
        return rowsRead;
    }

    public Set<Fault> planted() {
        return planted;
    }

    /** Writes the files into the folder, plus a file the reader must ignore. */
    public void writeTo(Path folder) throws IOException {
        Files.createDirectories(folder);
        for (GeneratedFile file : files) {
            Files.write(folder.resolve(file.name()), file.bytes());
        }
        Files.writeString(folder.resolve("notes.txt"), "not a csv file, never read\n\"unclosed");
    }

    // ---- files ----------------------------------------------------------------------------------

    private String fileName() {
        String[] stems = {"claims", "Claims", "b", "a-2025", "zz", "claims 2025-05", "_late", "0001", "A"};
        return stems[random.nextInt(stems.length)] + "-" + random.nextInt(100) + ".csv";
    }

    private void addFile(String name, int rows, double faultRate, List<Fault> mustPlant) {
        FileText text = new FileText(name, layout(!mustPlant.isEmpty()));
        List<Fault> toPlant = new ArrayList<>(mustPlant);
        boolean unclosedLast = toPlant.remove(Fault.UNCLOSED_QUOTE) || (faultRate > 0 && random.nextDouble() < faultRate / 3);
        // now and then a file that is only a header (not in the ledger's run, which should fill the ledger)
        int count = faultRate > 0 && random.nextInt(5) == 0 && mustPlant.isEmpty() && !unclosedLast ? 0 : rows;
        for (int i = 0; i < count; i++) {
            if (random.nextInt(12) == 0) {
                text.blankLine(random.nextBoolean() ? "" : " \t ");
            }
            if (i == count - 1 && unclosedLast) {
                unclosedQuote(text);
                break;
            }
            int rowsLeft = count - i - (unclosedLast ? 1 : 0);
            Fault fault = null;
            if (!toPlant.isEmpty() && (toPlant.size() >= rowsLeft || random.nextInt(3) == 0)) {
                fault = toPlant.remove(0);
            } else if (faultRate > 0 && random.nextDouble() < faultRate) {
                fault = pick(Fault.ROW_FAULTS.toArray(Fault[]::new), f -> true);
            }
            if (fault != null && rowFault(text, fault)) {
                continue;
            }
            if (fault != null && mustPlant.contains(fault)) {
                // not possible here yet (e.g. no rejected id to supersede so far): try again on a later row
                toPlant.add(fault);
            }
            if (faultRate > 0 && random.nextInt(10) == 0) {
                repeatSameContent(text);
            } else {
                validRow(text);
            }
        }
        if (random.nextInt(8) == 0) {
            text.blankLine("");
        }
        files.add(new GeneratedFile(name, text.bytes(random.nextInt(4) != 0)));
    }

    /** The columns of a file, in a random order; some optional ones left out unless {@code all}. */
    private List<Column> layout(boolean all) {
        List<Column> columns = new ArrayList<>(Arrays.asList(Column.values()));
        if (!all && random.nextInt(3) == 0) {
            columns.removeIf(c -> !c.required() && random.nextBoolean());
        }
        Collections.shuffle(columns, random);
        return columns;
    }

    private void addFaultyFile(String name, Fault fault) {
        List<Column> layout = layout(false);
        FileText text = new FileText(name, layout);
        long headerLine = text.line;
        byte[] bytes;
        switch (fault) {
            case FILE_EMPTY -> {
                String[] empty = {"", "\n", "\r\n  \n", "\uFEFF", "\uFEFF\r\n", " \t "};
                bytes = empty[random.nextInt(empty.length)].getBytes(StandardCharsets.UTF_8);
                headerLine = 1;
            }
            case FILE_BINARY -> {
                byte[][] heads = {{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'}, {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0},
                        "%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1)};
                int which = random.nextInt(heads.length);
                byte[] tail = new byte[random.nextInt(2000)];
                random.nextBytes(tail);
                bytes = concat(heads[which], tail);
                headerLine = which == 2 ? 2 : 1;
            }
            case FILE_NOT_UTF8 -> {
                FileText body = new FileText(name, layout);
                body.blankLine("");
                for (int i = 0; i < 3 + random.nextInt(5); i++) {
                    body.row(cells(layout, freshValues(layout, false)));
                }
                byte[] good = body.bytes(random.nextBoolean());
                byte[][] bad = {{(byte) 0xFF}, {(byte) 0xFE}, {(byte) 0xC0, (byte) 0xAF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80},
                        {(byte) 0xF5, (byte) 0x80, (byte) 0x80, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xC3, '('}};
                int at = random.nextInt(good.length + 1);
                bytes = concat(Arrays.copyOf(good, at), concat(bad[random.nextInt(bad.length)], Arrays.copyOfRange(good, at, good.length)));
                long line = 1;
                for (int i = 0; i < at; i++) {
                    line += good[i] == '\n' ? 1 : 0;
                }
                headerLine = line;
            }
            default -> {
                List<String> names = new ArrayList<>(layout.stream().map(text::headerName).toList());
                switch (fault) {
                    case HEADER_UNKNOWN_COLUMN -> {
                        String[] typos = {"recrod_id", "value", "date", "Source Name", "notes", "value low", "id"};
                        names.add(random.nextInt(names.size() + 1), typos[random.nextInt(typos.length)]);
                    }
                    case HEADER_COLUMN_TWICE -> names.add(random.nextInt(names.size() + 1),
                            layout.get(random.nextInt(layout.size())).header().toUpperCase(Locale.ROOT));
                    case HEADER_LACKS_REQUIRED -> {
                        List<Column> required = layout.stream().filter(Column::required).toList();
                        names.remove(layout.indexOf(required.get(random.nextInt(required.size()))));
                    }
                    case HEADER_UNCLOSED_QUOTE -> names.set(names.size() - 1, "\"" + layout.get(layout.size() - 1).header());
                    default -> throw new IllegalArgumentException(fault.name());
                }
                if (random.nextBoolean()) {
                    text.blankLine("");
                }
                // a file rejected as a whole is reported on line 1, also when blank lines come before its header
                headerLine = 1;
                text.rawHeader(String.join(",", names));
                // rows after a header whose quote never closes could close it; the file is rejected either way
                for (int i = fault == Fault.HEADER_UNCLOSED_QUOTE ? 4 : random.nextInt(4); i < 4; i++) {
                    text.row(cells(layout, freshValues(layout, false)));
                }
                bytes = text.bytes(random.nextBoolean());
            }
        }
        files.add(new GeneratedFile(name, bytes));
        rejections.add(new Expected(name, headerLine, "", fault));
        planted.add(fault);
        rowsRead++;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    // ---- rows -------------------------------------------------------------------------------

    private void validRow(FileText text) {
        Values values = freshValues(text.layout, true);
        long line = text.row(cells(text.layout, values));
        accept(text.name, line, values);
    }

    private void accept(String file, long line, Values values) {
        accepted.put(values.id(), values);
        bases.putIfAbsent(values.series(), values.basis());
        loaded.put(file + ":" + line, values);
        rowsRead++;
    }

    private void reject(String file, long line, Column column, Fault fault, String id) {
        rejections.add(new Expected(file, line, column == null ? "" : column.header(), fault));
        planted.add(fault);
        rowsRead++;
        if (id != null && id.matches("[A-Za-z0-9._:-]{1,100}") && !accepted.containsKey(id)) {
            rejectedIds.add(id);
        }
    }

    /** A record of the ledger (or of this run) sent again, formatted differently but with the same content. */
    private void repeatSameContent(FileText text) {
        List<Values> fitting = accepted.values().stream().filter(v -> fits(v, text.layout)).toList();
        if (fitting.isEmpty()) {
            validRow(text);
            return;
        }
        long line = text.row(cells(text.layout, fitting.get(random.nextInt(fitting.size()))));
        alreadyInLedger.add(text.name + ":" + line);
        rowsRead++;
    }

    private static boolean fits(Values v, List<Column> layout) {
        return (v.conduit() == null || layout.contains(Column.CONDUIT)) && (v.high() == null || layout.contains(Column.VALUE_HIGH))
                && (v.qualifier() == null || layout.contains(Column.QUALIFIER))
                && (v.basis() == Basis.CUMULATIVE || layout.contains(Column.BASIS))
                && (v.asOf() == null || layout.contains(Column.AS_OF))
                && (v.windowStart() == null || layout.contains(Column.WINDOW_START))
                && (v.citation() == null || layout.contains(Column.CITATION))
                && (v.supersedes() == null || layout.contains(Column.SUPERSEDES))
                && (v.note() == null || layout.contains(Column.NOTE));
    }

    /** Writes a row with the fault; false when the fault cannot be made in this file (e.g. its column is absent). */
    private boolean rowFault(FileText text, Fault fault) {
        List<Column> layout = text.layout;
        Values values = freshValues(layout, false);
        Map<Column, String> cells = cells(layout, values);
        Column column = fault.column;
        if (column != null && !layout.contains(column)) {
            return false;
        }
        switch (fault) {
            case MISSING_RECORD_ID, MISSING_REPORTED_ON, MISSING_SOURCE, MISSING_SUBJECT, MISSING_METRIC, MISSING_VALUE_LOW ->
                    cells.put(column, random.nextBoolean() ? "" : pad(""));
            case SOURCE_NAMED_ALL -> cells.put(column, pick("ALL", " ALL", "ALL\t"));
            case BAD_RECORD_ID -> cells.put(column, pick("../../etc/x", "a b", "r/1", "é1", "x".repeat(101), "=1+1", "id;drop", "r\n1"));
            case BAD_DATE_SHAPE -> cells.put(column, pick("2025-4-30", "30/04/2025", "2025/04/30", "20250430", "2025-04-30T10:00",
                    "yesterday", "2025-04-3O", "٢٠٢٥-٠٤-٣٠"));
            case DATE_NOT_IN_CALENDAR -> cells.put(column, pick("2025-02-29", "2025-04-31", "2025-13-01", "2025-00-10", "2025-06-00", "2023-02-29"));
            case REPORTED_AFTER_TODAY -> cells.put(column, today.plusDays(2 + random.nextInt(400)).toString());
            case UNKNOWN_METRIC -> cells.put(column, pick("kills", "deaths", "deployed troops", "kia", "Killed!", "casualty"));
            case NOT_A_WHOLE_NUMBER -> cells.put(column, pick("4.7k", "12.5", "+5", "47,00", "1,0000", "ten", "1_000", "4 70",
                    "4,700.0", "0x10", "1e3", "４７００", "٤٧٠٠", "4\u00a0700"));
            case NEGATIVE_NUMBER -> cells.put(column, pick("-5", "-4,700", "- 300", "-0"));
            case RANGE_IN_ONE_CELL -> cells.put(column, pick("10,000-12,000", "10000-12000", "10,000–12,000", "10 000 - 12 000"));
            case NUMBER_TOO_LARGE -> cells.put(column, pick("1234567890123456789", "99999999999999999999", "999,999,999,999,999,999,999"));
            case BAD_VALUE_HIGH -> cells.put(column, pick("lots", "12.000,5", "+12", "12k"));
            case HIGH_BELOW_LOW -> {
                values = values.withLow(values.low() + 1);
                cells = cells(layout, values);
                cells.put(column, Long.toString(values.low() - 1 - random.nextInt((int) Math.min(values.low(), 1000))));
            }
            case UNKNOWN_QUALIFIER -> cells.put(column, pick("roughly", "approx.", "~", "at-least", "exactly"));
            case UNKNOWN_BASIS -> cells.put(column, pick("total", "delta", "cumulated", "incremental"));
            case BAD_AS_OF -> cells.put(column, pick("2025-02-30", "31.12.2024", "2024-9-1", "soon"));
            case AS_OF_AFTER_REPORTED_ON -> cells.put(column, values.reportedOn().plusDays(1 + random.nextInt(30)).toString());
            case INCREMENT_WITHOUT_WINDOW -> {
                if (!layout.contains(Column.BASIS)) {
                    return false;
                }
                cells.put(Column.BASIS, "increment");
                cells.remove(Column.WINDOW_START);
                if (layout.contains(Column.WINDOW_START)) {
                    cells.put(Column.WINDOW_START, pad(""));
                }
            }
            case WINDOW_AFTER_AS_OF -> {
                if (!layout.contains(Column.BASIS)) {
                    return false;
                }
                cells.put(Column.BASIS, "Increment");
                LocalDate asOf = values.asOf() == null ? values.reportedOn() : values.asOf();
                cells.put(column, asOf.plusDays(1 + random.nextInt(20)).toString());
            }
            case WINDOW_ON_CUMULATIVE -> {
                if (layout.contains(Column.BASIS)) {
                    cells.put(Column.BASIS, pick("", "cumulative", "CUMULATIVE"));
                }
                cells.put(column, values.reportedOn().minusDays(random.nextInt(30)).toString());
            }
            case TEXT_TOO_LONG -> {
                List<Column> texts = layout.stream().filter(c -> List.of(Column.SOURCE, Column.CONDUIT, Column.SUBJECT,
                        Column.CITATION, Column.NOTE).contains(c)).toList();
                column = texts.get(random.nextInt(texts.size()));
                cells.put(column, longText(ClaimParser.MAX_TEXT_LENGTH + 1 + random.nextInt(2000)));
            }
            case TOO_MANY_FIELDS -> {
                long line = text.row(cells, 1 + random.nextInt(3));
                reject(text.name, line, null, fault, null);
                return true;
            }
            case TOO_FEW_FIELDS -> {
                long line = text.row(cells, -(1 + random.nextInt(layout.size() - 2)));
                reject(text.name, line, null, fault, null);
                return true;
            }
            case ID_WITH_OTHER_CONTENT -> {
                if (accepted.isEmpty()) {
                    return false;
                }
                Values earlier = pick(new ArrayList<>(accepted.values()));
                values = values.withId(earlier.id()).withLow(earlier.low() + 1 + random.nextInt(100));
                cells = cells(layout, values);
            }
            case OTHER_BASIS_IN_SERIES -> {
                Values other = otherBasis(layout);
                if (other == null) {
                    return false;
                }
                values = other;
                cells = cells(layout, values);
            }
            case SUPERSEDES_UNKNOWN -> cells.put(column, "unknown-" + nextId++);
            case SUPERSEDES_OTHER_SERIES -> {
                SeriesKey own = values.series();
                List<Values> others = accepted.values().stream().filter(v -> !v.series().equals(own)).toList();
                if (others.isEmpty()) {
                    return false;
                }
                cells.put(column, pick(others).id());
            }
            case SUPERSEDES_ITSELF -> cells.put(column, values.id());
            case SUPERSEDES_REJECTED -> {
                if (rejectedIds.isEmpty()) {
                    return false;
                }
                cells.put(column, pick(rejectedIds));
            }
            case SUPERSEDES_LATER -> {
                if (reservedId != null) {
                    return false;
                }
                reservedId = "later-" + nextId++;
                cells.put(column, reservedId);
            }
            default -> throw new IllegalArgumentException(fault.name());
        }
        long line = text.row(cells);
        reject(text.name, line, column, fault, values.id());
        return true;
    }

    /** A new record of a known series with the other basis, valid otherwise; null when the file cannot hold it. */
    private Values otherBasis(List<Column> layout) {
        if (!layout.contains(Column.BASIS) || bases.isEmpty()) {
            return null;
        }
        List<SeriesKey> series = new ArrayList<>(bases.keySet());
        series.sort((a, b) -> (a.subject() + a.metric() + a.source()).compareTo(b.subject() + b.metric() + b.source()));
        SeriesKey key = pick(series);
        Basis other = bases.get(key) == Basis.CUMULATIVE ? Basis.INCREMENT : Basis.CUMULATIVE;
        if (other == Basis.INCREMENT && !layout.contains(Column.WINDOW_START)) {
            return null;
        }
        LocalDate reported = date(EARLIEST, today);
        return new Values("b-" + nextId++, reported, key.source(), null, key.subject(), key.metric(), random.nextInt(5000), null,
                null, other, null, other == Basis.INCREMENT ? reported.minusDays(random.nextInt(60)) : null, null, null, null);
    }

    private void unclosedQuote(FileText text) {
        Values values = freshValues(text.layout, false);
        Map<Column, String> cells = cells(text.layout, values);
        // the junk after the opening quote has no quote character, so nothing closes it
        long line = text.unclosed(cells, random.nextInt(text.layout.size()),
                "never closed" + text.lineEnd() + "r-swallowed,2025-01-01,x" + text.lineEnd() + "more");
        reject(text.name, line, null, Fault.UNCLOSED_QUOTE, null);
    }

    /**
     * Values of a new valid record; {@code forAcceptance} lets it take a reserved id and correct an earlier
     * record of its series. Only reads the model: nothing is recorded until the row's outcome is known.
     */
    private Values freshValues(List<Column> layout, boolean forAcceptance) {
        String id = forAcceptance && reservedId != null ? reservedId : "r" + nextId++ + suffix();
        if (id.equals(reservedId)) {
            reservedId = null;
        }
        String source = pick(SOURCES);
        String subject = pick(SUBJECTS);
        Metric metric = pick(Metric.values());
        SeriesKey series = new SeriesKey(subject, metric, source);
        Basis basis = bases.getOrDefault(series, random.nextInt(4) == 0 ? Basis.INCREMENT : Basis.CUMULATIVE);
        if (basis == Basis.INCREMENT && !(layout.contains(Column.BASIS) && layout.contains(Column.WINDOW_START))) {
            source = source + " " + nextId++;
            basis = Basis.CUMULATIVE;
        }
        LocalDate reportedOn = random.nextInt(20) == 0 ? today : date(EARLIEST, today);
        LocalDate asOf = layout.contains(Column.AS_OF) && random.nextBoolean() ? date(EARLIEST.minusYears(1), reportedOn) : null;
        LocalDate windowStart = basis == Basis.INCREMENT ? date(EARLIEST.minusYears(2), asOf == null ? reportedOn : asOf) : null;
        long low = random.nextInt(4) == 0 ? random.nextInt(10) : random.nextInt(30_000);
        Long high = layout.contains(Column.VALUE_HIGH) && random.nextBoolean() ? low + random.nextInt(5000) : null;
        Qualifier qualifier = layout.contains(Column.QUALIFIER) && random.nextBoolean() ? pick(Qualifier.values()) : null;
        String supersedes = null;
        if (forAcceptance && layout.contains(Column.SUPERSEDES) && random.nextInt(6) == 0) {
            SeriesKey own = new SeriesKey(subject, metric, source);
            List<Values> sameSeries = accepted.values().stream().filter(v -> v.series().equals(own)).toList();
            supersedes = sameSeries.isEmpty() ? null : pick(sameSeries).id();
        }
        return new Values(id, reportedOn, source, optionalText(layout, Column.CONDUIT), subject, metric, low, high, qualifier,
                basis, asOf, windowStart, optionalText(layout, Column.CITATION), supersedes, optionalText(layout, Column.NOTE));
    }

    private String optionalText(List<Column> layout, Column column) {
        if (!layout.contains(column) || random.nextBoolean()) {
            return null;
        }
        // now and then a text right at the limit, padded, which must load whole
        return random.nextInt(25) == 0 ? longText(ClaimParser.MAX_TEXT_LENGTH).strip() : pick(TEXTS);
    }

    /** Text of exactly {@code length} characters after trimming, with inner spaces and line breaks, padded with white space. */
    private String longText(int length) {
        StringBuilder text = new StringBuilder(length);
        text.append('L');
        while (text.length() < length - 1) {
            int r = random.nextInt(40);
            text.append(r == 0 ? ' ' : r == 1 ? '\n' : (char) ('a' + random.nextInt(26)));
        }
        text.append('R');
        String padding = " ".repeat(random.nextInt(3) == 0 ? random.nextInt(6000) : random.nextInt(3));
        return padding + text + padding;
    }

    /** The cells of a row: the values formatted in one of the ways the contract accepts. */
    private Map<Column, String> cells(List<Column> layout, Values v) {
        Map<Column, String> cells = new LinkedHashMap<>();
        cells.put(Column.RECORD_ID, maybePad(v.id()));
        cells.put(Column.REPORTED_ON, maybePad(v.reportedOn().toString()));
        cells.put(Column.SOURCE, maybePad(v.source()));
        cells.put(Column.CONDUIT, text(v.conduit()));
        cells.put(Column.SUBJECT, maybePad(v.subject()));
        cells.put(Column.METRIC, maybePad(randomCase(v.metric().code())));
        cells.put(Column.VALUE_LOW, maybePad(number(v.low())));
        cells.put(Column.VALUE_HIGH, v.high() == null ? "" : maybePad(number(v.high())));
        cells.put(Column.QUALIFIER, v.qualifier() == null ? (random.nextInt(5) == 0 ? "  " : "")
                : maybePad(randomCase(random.nextBoolean() ? v.qualifier().code() : v.qualifier().code().replace('_', ' '))));
        cells.put(Column.BASIS, v.basis() == Basis.INCREMENT ? maybePad(randomCase("increment"))
                : pick("", "", "cumulative", " Cumulative "));
        boolean asOfWritten = v.asOf() != null || (layout.contains(Column.AS_OF) && random.nextInt(5) == 0);
        cells.put(Column.AS_OF, asOfWritten ? (v.asOf() == null ? v.reportedOn() : v.asOf()).toString() : "");
        cells.put(Column.WINDOW_START, v.windowStart() == null ? "" : maybePad(v.windowStart().toString()));
        cells.put(Column.CITATION, text(v.citation()));
        cells.put(Column.SUPERSEDES, v.supersedes() == null ? "" : maybePad(v.supersedes()));
        cells.put(Column.NOTE, text(v.note()));
        cells.keySet().retainAll(layout);
        return cells;
    }

    private String text(String value) {
        if (value == null) {
            return random.nextInt(6) == 0 ? " " : "";
        }
        // a long text padded beyond the reader's field limit must still load whole
        return value.length() > 5000 && random.nextBoolean() ? " ".repeat(random.nextInt(3000)) + value + "\n ".repeat(random.nextInt(2000))
                : maybePad(value);
    }

    private String number(long n) {
        return switch (random.nextInt(4)) {
            case 0 -> String.format(Locale.ROOT, "%,d", n);
            case 1 -> String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
            default -> Long.toString(n);
        };
    }

    private String randomCase(String word) {
        return switch (random.nextInt(4)) {
            case 0 -> word.toUpperCase(Locale.ROOT);
            case 1 -> Character.toUpperCase(word.charAt(0)) + word.substring(1);
            default -> word;
        };
    }

    private String maybePad(String value) {
        return random.nextInt(6) == 0 ? pad(value) : value;
    }

    private String pad(String value) {
        return PADDING.substring(random.nextInt(PADDING.length())) + value + PADDING.substring(random.nextInt(PADDING.length()));
    }

    private String suffix() {
        StringBuilder s = new StringBuilder("-");
        for (int i = random.nextInt(12); i > 0; i--) {
            s.append(ID_CHARS.charAt(random.nextInt(ID_CHARS.length())));
        }
        return s.toString();
    }

    private LocalDate date(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay();
        return days <= 0 ? to : from.plusDays((long) (random.nextDouble() * (days + 1)));
    }

    @SafeVarargs
    private <T> T pick(T... options) {
        return options[random.nextInt(options.length)];
    }

    private <T> T pick(List<T> options) {
        return options.get(random.nextInt(options.size()));
    }

    private <T> T pick(T[] options, java.util.function.Predicate<T> filter) {
        List<T> fitting = Arrays.stream(options).filter(filter).toList();
        return fitting.get(random.nextInt(fitting.size()));
    }

    /** The text of one file being written, with the physical line the next row starts on. */
    private final class FileText {

        private final String name;
        private final List<Column> layout;
        private final StringBuilder text = new StringBuilder();
        private final int lineEnds = random.nextInt(3);
        private long line = 1;
        private boolean headerPending = true;

        FileText(String name, List<Column> layout) {
            this.name = name;
            this.layout = layout;
            if (random.nextInt(4) == 0) {
                text.append('\uFEFF');
            }
            if (random.nextInt(6) == 0) {
                blankLine("");
            }
        }

        String headerName(Column column) {
            String name = switch (random.nextInt(4)) {
                case 0 -> column.header().toUpperCase(Locale.ROOT);
                case 1 -> " " + column.header() + "\t";
                default -> column.header();
            };
            return random.nextInt(5) == 0 ? quote(name) : name;
        }

        private void header() {
            if (headerPending) {
                rawHeader(String.join(",", layout.stream().map(this::headerName).toList()));
            }
        }

        void rawHeader(String header) {
            headerPending = false;
            text.append(header);
            end();
        }

        String lineEnd() {
            return switch (lineEnds) {
                case 0 -> "\n";
                case 1 -> "\r\n";
                default -> random.nextBoolean() ? "\n" : "\r\n";
            };
        }

        private void end() {
            text.append(lineEnd());
            line++;
        }

        void blankLine(String content) {
            text.append(content);
            end();
        }

        long row(Map<Column, String> cells) {
            return row(cells, 0);
        }

        /** Writes a row with {@code extra} more fields (or that many fewer, when negative); returns its first line. */
        long row(Map<Column, String> cells, int extra) {
            header();
            long start = line;
            List<String> fields = new ArrayList<>(layout.stream().map(c -> cells.getOrDefault(c, "")).toList());
            for (int i = 0; i < extra; i++) {
                fields.add(pick("x", "", "4,700", "\"quoted\""));
            }
            for (int i = 0; i < -extra; i++) {
                fields.remove(fields.size() - 1);
            }
            List<String> written = new ArrayList<>();
            for (String field : fields) {
                written.add(field(field));
            }
            text.append(String.join(",", written));
            end();
            return start;
        }

        /** Writes the row up to field {@code at}, then a quote that never closes followed by {@code junk}. */
        long unclosed(Map<Column, String> cells, int at, String junk) {
            header();
            long start = line;
            List<String> written = new ArrayList<>();
            for (int i = 0; i < at; i++) {
                written.add(field(cells.getOrDefault(layout.get(i), "")));
            }
            written.add("\"" + junk);
            text.append(String.join(",", written));
            return start;
        }

        private String field(String value) {
            boolean mustQuote = value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r");
            String field = mustQuote || random.nextInt(5) == 0 ? quote(value) : value;
            for (int i = 0; i < value.length(); i++) {
                char c = value.charAt(i);
                if (c == '\n' || (c == '\r' && (i + 1 == value.length() || value.charAt(i + 1) != '\n'))) {
                    line++;
                }
            }
            return field;
        }

        private String quote(String value) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }

        byte[] bytes(boolean finalLineEnd) {
            header();
            String content = text.toString();
            if (!finalLineEnd && content.endsWith("\n")) {
                content = content.substring(0, content.length() - (content.endsWith("\r\n") ? 2 : 1));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(content.getBytes(StandardCharsets.UTF_8));
            return out.toByteArray();
        }
    }
}
