package briefing.report.excel;

import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.io.output.UnsynchronizedByteArrayOutputStream;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;

/**
 * The rows of a large table sheet, written as worksheet XML straight into the file instead of through
 * POI's cell objects: a header row, then one row per item, each cell typed and styled by its column's
 * kind, exactly as {@link DataSheet#finish} writes them into an in-memory sheet. Web addresses become
 * hyperlinks; cells with the same address share one relationship. {@link WorkbookPackage} places the
 * rows, the hyperlinks and their relationships into the sheet's parts. Holds the rows until written.
 */
final class SheetRows {

    static final String HYPERLINK_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
    private static final String RELATIONSHIPS_NAMESPACE =
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    /** Excel's day 0 for dates from 1 March 1900 on (Excel counts a 29 February 1900 that never was). */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    private static final LocalDate FIRST_PLAIN_DAY = LocalDate.of(1900, 3, 1);
    private static final byte[] CELL_START = XmlOut.markup("<c");
    private static final byte[] QUOTE = XmlOut.markup("\"");
    private static final byte[] ROW_START = XmlOut.markup("<row r=\"");
    private static final byte[] ROW_OPENED = XmlOut.markup("\">");
    private static final byte[] ROW_END = XmlOut.markup("</row>");
    private static final byte[] NUMBER_OPEN = XmlOut.markup("><v>");
    private static final byte[] NUMBER_CLOSE = XmlOut.markup("</v></c>");
    private static final byte[] TEXT_OPEN = XmlOut.markup(" t=\"inlineStr\"><is><t>");
    private static final byte[] TEXT_OPEN_PRESERVE = XmlOut.markup(" t=\"inlineStr\"><is><t xml:space=\"preserve\">");
    private static final byte[] TEXT_CLOSE = XmlOut.markup("</t></is></c>");
    private static final byte[] HYPERLINK_START = XmlOut.markup("<hyperlink ref=\"");
    private static final byte[] HYPERLINK_ID = XmlOut.markup("\" r:id=\"rIdL");
    private static final byte[] HYPERLINK_END = XmlOut.markup("\"/>");
    private static final byte[] RELATIONSHIP_ID = XmlOut.markup("<Relationship Id=\"rIdL");
    private static final byte[] RELATIONSHIP_TARGET = XmlOut.markup("\" Type=\"" + HYPERLINK_TYPE + "\" Target=\"");
    private static final byte[] RELATIONSHIP_END = XmlOut.markup("\" TargetMode=\"External\"/>");

    private final String partName;
    private final List<Column> columns;
    private final List<Object[]> rows;
    private final float[] heights;
    private final Styles styles;
    private final String[] letters;
    /** Per column, {@code <c r="} and its letters, encoded. */
    private final byte[][] cellStarts;
    /** Per column, its letters, encoded. */
    private final byte[][] letterBytes;
    /** Per column, the markup that follows the style of a text cell ({@code  t="inlineStr"><is><t>...}), encoded once per text. */
    private final ColumnMemo<byte[]> textMemo;
    /** The column of the cell last written in the row being written; -1 before its first. */
    private int lastColumn = -1;
    /** Per style index, {@code  s="N"}, encoded when first used. */
    private byte[][] styleAttributes = new byte[0][];
    /** Each distinct web address linked, and the number of its relationship id ({@code rIdL1}, {@code rIdL2}...). */
    private final Map<String, Integer> linkIds = new LinkedHashMap<>();
    /** The {@code <hyperlink>} elements of the cells linked, encoded, once the rows are written. */
    private final UnsynchronizedByteArrayOutputStream hyperlinks = UnsynchronizedByteArrayOutputStream.builder().get();
    private final BlockPipe sheetData = new BlockPipe();
    private final UnsynchronizedByteArrayOutputStream relationships = UnsynchronizedByteArrayOutputStream.builder().get();

    /**
     * @param partName the sheet's part in the package, e.g. {@code /xl/worksheets/sheet4.xml}
     * @param heights  per data row its height in points, or 0 for the default
     */
    SheetRows(String partName, List<Column> columns, List<Object[]> rows, float[] heights, Styles styles) {
        this.partName = partName;
        this.columns = columns;
        this.rows = rows;
        this.heights = heights;
        this.styles = styles;
        this.letters = new String[columns.size()];
        this.cellStarts = new byte[columns.size()][];
        this.letterBytes = new byte[columns.size()][];
        this.textMemo = new ColumnMemo<>(columns.size());
        for (int i = 0; i < letters.length; i++) {
            letters[i] = CellReference.convertNumToColString(i);
            cellStarts[i] = XmlOut.markup("<c r=\"" + letters[i]);
            letterBytes[i] = XmlOut.markup(letters[i]);
        }
        collectLinks();
    }

    String partName() {
        return partName;
    }

    /** The sheet's relationships part, where the hyperlinks' targets go. */
    String relationshipsPartName() {
        int slash = partName.lastIndexOf('/');
        return partName.substring(0, slash) + "/_rels" + partName.substring(slash) + ".rels";
    }

    /** The used range, e.g. {@code A1:P37365}. */
    String dimension() {
        return "A1:" + letters[letters.length - 1] + (rows.size() + 1);
    }

    /**
     * Writes {@code <sheetData>} with every row, as {@link #writeSheetData} reads it (at the same time, on
     * another thread), and the {@code <Relationship>} elements of the hyperlinks into memory, for {@link
     * #writeRelationships}; collects the hyperlinks for {@link #writeHyperlinks}. Once.
     */
    void render() {
        try {
            XmlOut data = new XmlOut(sheetData);
            sheetData(data);
            data.flush();
            XmlOut links = new XmlOut(relationships);
            relationships(links);
            links.flush();
        } catch (IOException e) {
            sheetData.fail(e);
            throw new UncheckedIOException("Cannot happen: the rows are written into memory", e);
        } catch (RuntimeException | Error e) {
            sheetData.fail(e);
            throw e;
        }
        // last: what was made above is seen by the thread that read the rows
        sheetData.close();
    }

    /** Writes the {@code <sheetData>} that {@link #render} makes, as it makes it; returns once it is all written. */
    void writeSheetData(OutputStream out) throws IOException {
        sheetData.drainTo(out);
    }

    /** Writes a {@code <Relationship>} for each distinct web address linked; after {@link #writeSheetData}. */
    void writeRelationships(OutputStream out) throws IOException {
        relationships.writeTo(out);
    }

    private void sheetData(XmlOut out) throws IOException {
        out.append("<sheetData>");
        out.append("<row r=\"1\">");
        for (int i = 0; i < columns.size(); i++) {
            text(out, i, 1, columns.get(i).name(), styles.header.getIndex());
        }
        out.append("</row>");
        XmlOut links = new XmlOut(hyperlinks);
        for (int r = 0; r < rows.size(); r++) {
            int rowNumber = r + 2;
            out.append(ROW_START);
            out.append(rowNumber);
            if (heights[r] > 0) {
                out.append("\" ht=\"");
                out.append(Float.toString(heights[r]));
                out.append("\" customHeight=\"1");
            }
            out.append(ROW_OPENED);
            lastColumn = -1;
            Object[] values = rows.get(r);
            for (int i = 0; i < values.length; i++) {
                if (values[i] != null && !"".equals(values[i])) {
                    cell(out, i, rowNumber, columns.get(i).kind(), values[i], links);
                }
            }
            out.append(ROW_END);
            out.flushIfFull();
            links.flushIfFull();
        }
        out.append("</sheetData>");
        links.flush();
    }

    /** Writes {@code <hyperlinks>} for the cells {@link #render} linked, through {@code out} into {@code zip}; nothing when none. */
    void writeHyperlinks(XmlOut out, OutputStream zip) throws IOException {
        if (hyperlinks.size() > 0) {
            out.append("<hyperlinks xmlns:r=\"" + RELATIONSHIPS_NAMESPACE + "\">");
            out.flush();
            hyperlinks.writeTo(zip);
            out.append("</hyperlinks>");
        }
    }

    private void relationships(XmlOut out) throws IOException {
        for (Map.Entry<String, Integer> link : linkIds.entrySet()) {
            out.append(RELATIONSHIP_ID).append(link.getValue()).append(RELATIONSHIP_TARGET);
            out.escaped(link.getKey(), true);
            out.append(RELATIONSHIP_END);
            out.flushIfFull();
        }
    }

    boolean hasHyperlinks() {
        return !linkIds.isEmpty();
    }

    /** Gives each distinct web address its relationship id, in order of first use. */
    private void collectLinks() {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).kind() == Kind.LINK) {
                for (Object[] values : rows) {
                    if (values[i] != null) {
                        String text = (String) values[i];
                        if (DataSheet.isWebUrl(text)) {
                            linkIds.computeIfAbsent(text, url -> linkIds.size() + 1);
                        }
                    }
                }
            }
        }
    }

    private void cell(XmlOut out, int column, int rowNumber, Kind kind, Object value, XmlOut links) throws IOException {
        switch (kind) {
            case TEXT, WRAPPED, LINK -> {
                String text = (String) value;
                Integer id = kind == Kind.LINK ? linkIds.get(text) : null;
                boolean link = id != null;
                short style = link ? styles.link.getIndex() : kind == Kind.TEXT ? styles.text.getIndex() : styles.wrapped.getIndex();
                text(out, column, rowNumber, text, style);
                if (link) {
                    links.append(HYPERLINK_START).append(letterBytes[column]).append(rowNumber).append(HYPERLINK_ID).append(id)
                            .append(HYPERLINK_END);
                }
            }
            case INTEGER, PLAIN_INTEGER -> number(out, column, rowNumber, ((Number) value).longValue(),
                    kind == Kind.INTEGER ? styles.integer.getIndex() : styles.plainInteger.getIndex());
            case DATE -> {
                LocalDate day = (LocalDate) value;
                if (day.isBefore(FIRST_PLAIN_DAY)) {
                    number(out, column, rowNumber, excelDay(day), styles.date.getIndex());
                } else {
                    number(out, column, rowNumber, day.toEpochDay() - EXCEL_EPOCH_DAY, styles.date.getIndex());
                }
            }
            case BOOLEAN -> {
                start(out, column, rowNumber, styles.bool.getIndex());
                out.append(" t=\"b\"><v>");
                out.append((Boolean) value ? "1" : "0");
                out.append("</v></c>");
            }
            case PERCENT -> number(out, column, rowNumber, ((BigDecimal) value).toPlainString(), styles.percent.getIndex());
        }
    }

    /**
     * {@code <c r="C2" s="9"}, or {@code <c s="9"} for the cell next to the one before in its row: a cell's reference
     * may be left out when it follows the one before (ECMA-376, and every reader, Excel, LibreOffice, POI and
     * openpyxl, counts on from it), which leaves a sixth of a large sheet's markup out. The markup before the row
     * number comes encoded per column, after it per style.
     */
    private void start(XmlOut out, int column, int rowNumber, short style) {
        if (column == lastColumn + 1) {
            out.append(CELL_START);
        } else {
            out.append(cellStarts[column]);
            out.append(rowNumber);
            out.append(QUOTE);
        }
        lastColumn = column;
        if (style >= styleAttributes.length) {
            styleAttributes = Arrays.copyOf(styleAttributes, style + 1);
        }
        if (styleAttributes[style] == null) {
            styleAttributes[style] = XmlOut.markup(" s=\"" + style + "\"");
        }
        out.append(styleAttributes[style]);
    }

    private void number(XmlOut out, int column, int rowNumber, String number, short style) {
        start(out, column, rowNumber, style);
        out.append(NUMBER_OPEN);
        out.append(number);
        out.append(NUMBER_CLOSE);
    }

    private void number(XmlOut out, int column, int rowNumber, long number, short style) {
        start(out, column, rowNumber, style);
        out.append(NUMBER_OPEN);
        if (number >= 0) {
            out.append(number);
        } else {
            out.append(Long.toString(number));
        }
        out.append(NUMBER_CLOSE);
    }

    private void text(XmlOut out, int column, int rowNumber, String text, short style) {
        start(out, column, rowNumber, style);
        byte[] known = textMemo.get(column, text);
        if (known != null) {
            out.append(known);
            return;
        }
        int from = out.position();
        boolean preserve = !text.isEmpty()
                && (Character.isWhitespace(text.charAt(0)) || Character.isWhitespace(text.charAt(text.length() - 1)));
        out.append(preserve ? TEXT_OPEN_PRESERVE : TEXT_OPEN);
        out.escaped(text, false);
        out.append(TEXT_CLOSE);
        if (textMemo.keeps(column)) {
            textMemo.put(column, text, out.since(from));
        }
    }

    static String excelDay(LocalDate day) {
        if (day.isBefore(FIRST_PLAIN_DAY)) {
            return Double.toString(DateUtil.getExcelDate(day));
        }
        return Long.toString(day.toEpochDay() - EXCEL_EPOCH_DAY);
    }
}
