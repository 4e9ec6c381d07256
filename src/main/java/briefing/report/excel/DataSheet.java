package briefing.report.excel;

import briefing.report.Figure;
import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;

/**
 * A sheet holding one Excel table: a header row, then one row per item, written column by column
 * with the style of the column's kind. Once the column widths and row heights are known from the
 * text, {@link #finish(String)} writes the rows, in order, into the sheet, or {@link #endRows} and
 * {@link #streamed} hand them to a {@link SheetRows} that writes them straight into the file (for sheets whose rows grow
 * with the ledger); either way the rows become a filterable table with a frozen header and a landscape
 * print set-up.
 */
final class DataSheet {

    /** What a column holds, which decides the cell type and format. */
    enum Kind {
        /** Short text, never wrapped. */
        TEXT,
        /** Free text, wrapped in a column of bounded width. */
        WRAPPED,
        /** Free text that becomes a hyperlink when it is an http(s) URL. */
        LINK,
        /** A whole number with thousands separators. */
        INTEGER,
        /** A whole number without separators, such as a line number. */
        PLAIN_INTEGER,
        DATE,
        BOOLEAN,
        /** A percentage given in percent (56.7, not 0.567), with one decimal. */
        PERCENT
    }

    record Column(String name, Kind kind) {
    }

    private static final int MIN_WIDTH = 6;
    private static final int MARGIN = 2;
    private static final int MAX_TEXT_WIDTH = 50;
    private static final int MAX_WRAPPED_WIDTH = 60;
    /** Room for the filter button of the header. */
    private static final int HEADER_BUTTON = 3;
    /** The indent of text cells (see {@link Styles}). */
    private static final int INDENT = 1;
    // Excel silently drops longer hyperlink addresses.
    private static final int MAX_URL_LENGTH = 2079;
    /** Data rows a sheet keeps: Excel's rows less the header and the row that says how many were left out. */
    static final int MAX_DATA_ROWS = SpreadsheetVersion.EXCEL2007.getMaxRows() - 2;
    /** The width of a day as {@link LocalDate#toString} writes it, the same for every day of the years 0 to 9999. */
    private static final int DAY_WIDTH = CellText.width(LocalDate.of(2000, 1, 1).toString());
    /** Sheet name, page number and page count, in the codes of Excel's page footers. */
    private static final String FOOTER = "&A, page &P of &N";

    private final XSSFSheet sheet;
    private final Styles styles;
    private final List<Column> columns;
    private final int[] widths;
    /** Per text column, the texts met so far as {@link #measured} them. */
    private final ColumnMemo<Measured> memo;
    /** The values of each data row, written by {@link #finish}. */
    private final List<Object[]> rows = new ArrayList<>();
    /** Per data row, the wrapped texts by column (null where none), to size the row once widths are known. */
    private final List<String[]> wrappedTexts = new ArrayList<>();
    /** Rows beyond the sheet's limit ({@link #MAX_DATA_ROWS}), left out (the CSV files and the ledger keep them). */
    private long leftOut;
    private final int maxDataRows;
    /** The sheet's part in the package, read where the sheet was made. */
    private final String partName;
    private String tableName;

    DataSheet(XSSFSheet sheet, Styles styles, List<Column> columns) {
        this(sheet, styles, columns, MAX_DATA_ROWS);
    }

    DataSheet(XSSFSheet sheet, Styles styles, List<Column> columns, int maxDataRows) {
        this.maxDataRows = maxDataRows;
        this.sheet = sheet;
        this.partName = sheet.getPackagePart().getPartName().getName();
        this.styles = styles;
        this.columns = List.copyOf(columns);
        this.widths = new int[columns.size()];
        this.memo = new ColumnMemo<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = INDENT + CellText.width(columns.get(i).name()) + HEADER_BUTTON;
        }
    }

    /**
     * Adds a row; {@code values} follow the columns, null or empty text leaves a cell empty. The array is
     * kept, its text replaced by the text a cell stores.
     */
    void addRow(Object... values) {
        if (values.length != columns.size()) {
            throw new IllegalArgumentException("Expected " + columns.size() + " values, got " + values.length);
        }
        if (rows.size() >= maxDataRows) {
            leftOut++;
            return;
        }
        addValues(values);
    }

    /** Keeps {@code values}, their text replaced by the text a cell stores ({@link CellText#stored}). */
    private void addValues(Object... values) {
        String[] wrapped = null;
        for (int i = 0; i < values.length; i++) {
            if (values[i] != null && !"".equals(values[i])) {
                Kind kind = columns.get(i).kind();
                int width;
                if (isText(kind)) {
                    Measured text = measured(i, kind, (String) values[i]);
                    values[i] = text.stored();
                    width = text.width();
                    if (text.mayWrap()) {
                        if (wrapped == null) {
                            wrapped = new String[columns.size()];
                        }
                        wrapped[i] = text.stored();
                    }
                } else {
                    width = width(kind, values[i]);
                }
                widths[i] = Math.max(widths[i], width);
            }
        }
        rows.add(values);
        wrappedTexts.add(wrapped);
    }

    /**
     * The text a cell of column {@code column} stores for {@code text}, and its width; taken from the column's
     * memo when the text came before (most columns hold a few texts over and over: sources, metrics, series).
     */
    private Measured measured(int column, Kind kind, String text) {
        Measured measured = memo.get(column, text);
        if (measured != null) {
            return measured;
        }
        String stored = CellText.stored(text);
        int width = INDENT + CellText.width(stored);
        // Text on one line that fits the widest a column gets always fits its column: no need to measure it again.
        measured = new Measured(stored, width, isWrapped(kind) && (width > MAX_WRAPPED_WIDTH || stored.indexOf('\n') >= 0));
        memo.put(column, text, measured);
        return measured;
    }

    /** A text as a cell stores it, its width, and whether it may take more than one line in a wrapped column. */
    private record Measured(String stored, int width, boolean mayWrap) {
    }

    /** Writes the rows as an Excel table named {@code tableName}, then sizes and sets up the sheet for print. */
    void finish(String tableName) {
        noteLeftOut();
        writeRows();
        setUp(tableName);
    }

    /**
     * Ends the rows of a sheet whose rows are to be written into the file by {@link WorkbookPackage}, which
     * costs far less than POI's cell objects for large sheets; it becomes the table {@code tableName}.
     * Then {@link #setUpStreamed} sets the sheet up as {@link #finish} does but leaves it empty, and
     * {@link #streamed} gives the rows, in either order or at the same time (neither changes the rows
     * or the widths), so that the rows can be made on another thread than the one that works on the
     * workbook.
     */
    DataSheet endRows(String tableName) {
        noteLeftOut();
        this.tableName = tableName;
        return this;
    }

    /** Sets up the sheet of rows ended by {@link #endRows}; on the thread that works on the workbook. */
    void setUpStreamed() {
        setUp(tableName);
    }

    /**
     * The rows ended by {@link #endRows}, to be written out by {@link SheetRows#render}; touches neither the
     * sheet nor the workbook.
     */
    SheetRows streamed() {
        float[] heights = new float[rows.size()];
        for (int r = 0; r < rows.size(); r++) {
            heights[r] = height(r);
        }
        return new SheetRows(partName, columns, rows, heights, styles);
    }

    /** Ends a sheet that reached Excel's last row with a row saying how many rows it could not hold. */
    private void noteLeftOut() {
        if (leftOut == 0) {
            return;
        }
        Object[] note = new Object[columns.size()];
        int textColumn = 0;
        while (textColumn < columns.size() - 1 && !isText(columns.get(textColumn).kind())) {
            textColumn++;
        }
        note[textColumn] = String.format(Locale.ROOT, "and %,d more rows: a sheet holds at most %,d; the CSV files hold them all",
                leftOut, SpreadsheetVersion.EXCEL2007.getMaxRows());
        addValues(note);
        leftOut = 0;
    }

    private void writeRows() {
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).name());
            cell.setCellStyle(styles.header);
        }
        for (int r = 0; r < rows.size(); r++) {
            Row row = sheet.createRow(r + 1);
            Object[] values = rows.get(r);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && !"".equals(values[i])) {
                    write(row.createCell(i), columns.get(i).kind(), values[i]);
                }
            }
            float height = height(r);
            if (height > 0) {
                row.setHeightInPoints(height);
            }
        }
    }

    /** The height in points that shows every line of data row {@code r}'s wrapped texts; 0 for one line. */
    private float height(int r) {
        int lines = 1;
        String[] texts = wrappedTexts.get(r);
        if (texts == null) {
            return 0;
        }
        for (int i = 0; i < texts.length; i++) {
            if (texts[i] != null) {
                lines = Math.max(lines, CellText.lines(texts[i], columnWidth(i) - INDENT));
            }
        }
        return lines > 1 ? CellText.rowHeight(lines) : 0;
    }

    private void setUp(String tableName) {
        // A table needs a data row; an empty one stands for "none".
        int lastRow = Math.max(rows.size(), 1);
        AreaReference area = new AreaReference(new CellReference(0, 0), new CellReference(lastRow, columns.size() - 1),
                SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName(tableName);
        table.setDisplayName(tableName);
        table.setStyleName("TableStyleLight1");
        // rows written by SheetRows are not in the sheet, so name the columns here
        for (int i = 0; i < columns.size(); i++) {
            table.getColumns().get(i).setName(columns.get(i).name());
        }
        table.getCTTable().addNewAutoFilter().setRef(area.formatAsString());
        sheet.createFreezePane(0, 1);
        for (int i = 0; i < columns.size(); i++) {
            sheet.setColumnWidth(i, columnWidth(i) * 256);
        }
        printLandscapeOnePageWide(sheet);
        sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
    }

    static void printLandscapeOnePageWide(Sheet sheet) {
        PrintSetup print = sheet.getPrintSetup();
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setLandscape(true);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
        sheet.getFooter().setCenter(FOOTER);
    }

    /** True for an absolute http or https URL that Excel can open. */
    static boolean isWebUrl(String text) {
        int host = text.regionMatches(true, 0, "http://", 0, 7) ? 7 : text.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (host < 0 || text.length() > MAX_URL_LENGTH) {
            return false;
        }
        if (isPlainWebUrl(text, host)) {
            return true;
        }
        try {
            return new URI(text).getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * True for the common address that {@link URI} certainly parses with a host, checked without it (a
     * large briefing links tens of thousands): a host name of letters, digits and inner hyphens in labels
     * parted by dots, the last label beginning with a letter, then nothing or a path of letters, digits and
     * {@code -._~/}. False says nothing: other addresses are left to {@link URI}.
     */
    private static boolean isPlainWebUrl(String text, int host) {
        int length = text.length();
        int i = host;
        int labelStart = i;
        int lastLabel = i;
        while (i < length && text.charAt(i) != '/') {
            char c = text.charAt(i);
            if (c == '.') {
                if (i == labelStart || text.charAt(i - 1) == '-') {
                    return false;
                }
                labelStart = i + 1;
                lastLabel = labelStart;
            } else if (c == '-') {
                if (i == labelStart) {
                    return false;
                }
            } else if (!isAsciiLetterOrDigit(c)) {
                return false;
            }
            i++;
        }
        if (i == labelStart || text.charAt(i - 1) == '-'
                || lastLabel > host && !(text.charAt(lastLabel) >= 'a' && text.charAt(lastLabel) <= 'z'
                        || text.charAt(lastLabel) >= 'A' && text.charAt(lastLabel) <= 'Z')) {
            return false;
        }
        for (; i < length; i++) {
            char c = text.charAt(i);
            if (!isAsciiLetterOrDigit(c) && c != '/' && c != '-' && c != '.' && c != '_' && c != '~') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetterOrDigit(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** The width of a column in digits: its widest content, within bounds, plus a margin. */
    private int columnWidth(int column) {
        int max = isWrapped(columns.get(column).kind()) ? MAX_WRAPPED_WIDTH : MAX_TEXT_WIDTH;
        return Math.max(MIN_WIDTH, Math.min(max, widths[column])) + MARGIN;
    }

    private static boolean isText(Kind kind) {
        return kind == Kind.TEXT || isWrapped(kind);
    }

    private static boolean isWrapped(Kind kind) {
        return kind == Kind.WRAPPED || kind == Kind.LINK;
    }

    /** The width of a value that is not text as a cell shows it, worked out without writing it out where that is plain. */
    private static int width(Kind kind, Object value) {
        return switch (kind) {
            case INTEGER, PLAIN_INTEGER -> {
                long n = ((Number) value).longValue();
                if (n == Long.MIN_VALUE) {
                    yield CellText.width(Figure.number(n));
                }
                int digits = 1;
                for (long rest = Math.abs(n) / 10; rest > 0; rest /= 10) {
                    digits++;
                }
                // digits count 1, thousands separators half, a minus sign 0.65 (CellText's weights)
                double width = digits + (kind == Kind.INTEGER ? 0.5 * ((digits - 1) / 3) : 0) + (n < 0 ? 0.65 : 0);
                yield (int) Math.ceil(width);
            }
            case DATE -> {
                LocalDate day = (LocalDate) value;
                yield day.getYear() >= 0 && day.getYear() <= 9999 ? DAY_WIDTH : CellText.width(day.toString());
            }
            case BOOLEAN -> CellText.width("FALSE");
            case PERCENT -> CellText.width(((BigDecimal) value).toPlainString());
            case TEXT, WRAPPED, LINK -> throw new IllegalArgumentException("Text is measured as stored");
        };
    }

    private void write(Cell cell, Kind kind, Object value) {
        switch (kind) {
            case TEXT, WRAPPED, LINK -> {
                String text = (String) value;
                cell.setCellValue(text);
                cell.setCellStyle(kind == Kind.TEXT ? styles.text : styles.wrapped);
                if (kind == Kind.LINK && isWebUrl(text)) {
                    Hyperlink link = sheet.getWorkbook().getCreationHelper().createHyperlink(HyperlinkType.URL);
                    link.setAddress(text);
                    cell.setHyperlink(link);
                    cell.setCellStyle(styles.link);
                }
            }
            case INTEGER, PLAIN_INTEGER -> {
                cell.setCellValue(((Number) value).longValue());
                cell.setCellStyle(kind == Kind.INTEGER ? styles.integer : styles.plainInteger);
            }
            case DATE -> {
                cell.setCellValue((LocalDate) value);
                cell.setCellStyle(styles.date);
            }
            case BOOLEAN -> {
                cell.setCellValue((Boolean) value);
                cell.setCellStyle(styles.bool);
            }
            case PERCENT -> {
                cell.setCellValue(((BigDecimal) value).doubleValue());
                cell.setCellStyle(styles.percent);
            }
        }
    }
}
