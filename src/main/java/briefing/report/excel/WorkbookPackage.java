package briefing.report.excel;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.util.IOUtils;

/**
 * Writes the workbook file: the parts POI wrote for a workbook whose large sheets were left empty,
 * copied in their order, with the rows of those sheets ({@link SheetRows}) streamed into their
 * {@code <sheetData>} and their hyperlinks added to the sheet and its relationships. Every entry gets
 * the same fixed time, whatever the clock and time zone, so the same workbook gives the same bytes.
 */
final class WorkbookPackage {

    /**
     * A fixed time in the range of a zip entry's own date fields (Java adds the time in the zone of the
     * machine in an extra field for 1 January 1980 0:00, the earliest, as if it were earlier).
     */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
    private static final String CONTENT_TYPES = "[Content_Types].xml";
    private static final String EMPTY_SHEET_DATA = "<sheetData/>";
    private static final String EMPTY_DIMENSION = "<dimension ref=\"A1\"/>";
    /** The elements that follow {@code <hyperlinks>} in a worksheet, any of which may come first. */
    private static final List<String> AFTER_HYPERLINKS = List.of("<printOptions", "<pageMargins", "<pageSetup",
            "<headerFooter", "<rowBreaks", "<colBreaks", "<customProperties", "<cellWatches", "<ignoredErrors",
            "<smartTags", "<drawing", "<legacyDrawing", "<legacyDrawingHF", "<picture", "<oleObjects", "<controls",
            "<webPublishItems", "<tableParts", "<extLst", "</worksheet>");

    private WorkbookPackage() {
    }

    /**
     * Copies the parts of {@code template} (a workbook file) to {@code out}, filling in the large sheets
     * and adding the charts, in the order of POI's parts (charts, then their drawing and its relationships).
     */
    static void write(byte[] template, List<SheetRows> large, ChartParts charts, OutputStream out) throws IOException {
        Map<String, SheetRows> sheets = new HashMap<>();
        Map<String, SheetRows> relationships = new HashMap<>();
        for (SheetRows rows : large) {
            sheets.put(rows.partName().substring(1), rows);
            relationships.put(rows.relationshipsPartName().substring(1), rows);
        }
        List<SheetRows> written = new ArrayList<>();
        ZipOutputStream zip = new ZipOutputStream(out);
        // The sheets are mostly markup, which compresses well at the fastest level too.
        zip.setLevel(Deflater.BEST_SPEED);
        XmlOut text = new XmlOut(zip);
        try (ZipInputStream parts = new ZipInputStream(new ByteArrayInputStream(template))) {
            ZipEntry part;
            while ((part = parts.getNextEntry()) != null) {
                if (!charts.isEmpty() && part.getName().equals(charts.relationshipsEntry())) {
                    continue;
                }
                boolean drawing = !charts.isEmpty() && part.getName().equals(charts.drawingEntry());
                if (drawing) {
                    for (int i = 0; i < charts.charts().size(); i++) {
                        entry(zip, ChartParts.chartEntry(i), charts.charts().get(i), text);
                    }
                }
                putEntry(zip, part.getName());
                byte[] content = IOUtils.toByteArray(parts);
                if (drawing) {
                    text.append(charts.drawing());
                } else if (!charts.isEmpty() && part.getName().equals(CONTENT_TYPES)) {
                    text.append(charts.withContentTypes(new String(content, StandardCharsets.UTF_8)));
                } else if (sheets.containsKey(part.getName())) {
                    sheet(new String(content, StandardCharsets.UTF_8), sheets.get(part.getName()), text, zip);
                } else if (relationships.containsKey(part.getName())) {
                    relationships(new String(content, StandardCharsets.UTF_8), relationships.get(part.getName()), text, zip);
                    written.add(relationships.get(part.getName()));
                } else {
                    zip.write(content);
                }
                text.flush();
                zip.closeEntry();
                if (drawing) {
                    entry(zip, charts.relationshipsEntry(), charts.relationships(), text);
                }
            }
        }
        for (SheetRows rows : large) {
            if (rows.hasHyperlinks() && !written.contains(rows)) {
                throw new IllegalStateException("The sheet " + rows.partName() + " has links but no relationships part");
            }
        }
        zip.finish();
        zip.flush();
    }

    private static void putEntry(ZipOutputStream zip, String name) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
    }

    private static void entry(ZipOutputStream zip, String name, String content, XmlOut text) throws IOException {
        putEntry(zip, name);
        text.append(content);
        text.flush();
        zip.closeEntry();
    }

    private static void sheet(String template, SheetRows rows, XmlOut out, OutputStream zip) throws IOException {
        int data = template.indexOf(EMPTY_SHEET_DATA);
        if (data < 0) {
            throw new IllegalStateException("The sheet " + rows.partName() + " was to be left empty for its rows");
        }
        String head = template.substring(0, data).replace(EMPTY_DIMENSION, "<dimension ref=\"" + rows.dimension() + "\"/>");
        String tail = template.substring(data + EMPTY_SHEET_DATA.length());
        out.append(head);
        out.flush();
        rows.writeSheetData(zip);
        int links = AFTER_HYPERLINKS.stream().mapToInt(tail::indexOf).filter(i -> i >= 0).min()
                .orElseThrow(() -> new IllegalStateException("The sheet " + rows.partName() + " does not end"));
        out.append(tail, 0, links);
        rows.writeHyperlinks(out, zip);
        out.append(tail, links, tail.length());
    }

    private static void relationships(String template, SheetRows rows, XmlOut out, OutputStream zip) throws IOException {
        int end = template.lastIndexOf("</Relationships>");
        if (end < 0) {
            throw new IllegalStateException("The relationships of " + rows.partName() + " do not end");
        }
        out.append(template, 0, end);
        out.flush();
        rows.writeRelationships(zip);
        out.append(template, end, template.length());
    }
}
