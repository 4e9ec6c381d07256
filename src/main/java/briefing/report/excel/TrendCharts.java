package briefing.report.excel;

import briefing.change.Range;
import briefing.change.Trend;
import briefing.ledger.SeriesKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import java.util.function.ToLongFunction;
import org.apache.poi.ss.util.ImageUtils;
import org.apache.poi.util.Units;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Native line charts of the trend, one per subject and metric, one line per source (two, low and
 * high, for a source that gave ranges), their values pointing at the Trend sheet. A source keeps its
 * colour in every chart. The chart parts and the drawing that places them are written as XML text
 * ({@link ChartParts}), as POI's chart classes would write them, at a fraction of their cost.
 */
final class TrendCharts {

    private static final float CHART_POINTS = 220f;
    private static final float GAP_POINTS = 10f;

    private static final int GAP = Units.pixelToEMU(16);
    private static final String GRID = "D9D9D9";
    /**
     * Line colours as sRGB, the Tableau 10 set and two darker ones; a source's index among all charted sources picks
     * one, so that the dozen sources a team follows each keep a colour of their own in every chart.
     */
    private static final String[] PALETTE = {"1F77B4", "D62728", "2CA02C", "FF7F0E", "9467BD", "8C564B", "E377C2", "17BECF",
            "7F7F7F", "BCBD22", "393B79", "843C39"};
    /** What a row of charts grows by for each line of legend past the fourth (about two sources a line). */
    private static final float LEGEND_LINE_POINTS = 14f;
    /** Line widths in EMU: 2.25 and 0.75 points. */
    private static final int LINE = 28575;
    private static final int THIN = 9525;

    private TrendCharts() {
    }

    /**
     * Draws the charts two abreast across the first {@code columns} columns of {@code sheet}, from
     * {@code firstRow} on. Each pair of charts fills one tall row, so that printing never cuts a chart in two.
     */
    static ChartParts draw(XSSFSheet sheet, int firstRow, int columns, TrendLayout layout, Trend trend) {
        Map<SeriesKey, List<SeriesKey>> charts = charted(trend);
        if (charts.isEmpty()) {
            return ChartParts.NONE;
        }
        List<String> sources = new ArrayList<>(new TreeSet<>(charts.values().stream().flatMap(List::stream)
                .map(SeriesKey::source).toList()));
        boolean severalSubjects = charts.keySet().stream().map(SeriesKey::subject).distinct().count() > 1;
        int width = 0;
        for (int c = 0; c < columns; c++) {
            width += Units.columnWidthToEMU(sheet.getColumnWidth(c));
        }
        int chartWidth = (width - GAP) / 2;
        String drawingPart = sheet.createDrawingPatriarch().getPackagePart().getPartName().getName();
        StringBuilder anchors = new StringBuilder();
        List<String> chartXml = new ArrayList<>();
        int row = firstRow;
        int index = 0;
        List<List<SeriesKey>> sourcesOfCharts = new ArrayList<>(charts.values());
        for (Map.Entry<SeriesKey, List<SeriesKey>> entry : charts.entrySet()) {
            if (index % 2 == 0) {
                row = index == 0 ? firstRow : row + 2;
                int mostSources = Math.max(entry.getValue().size(),
                        sourcesOfCharts.get(Math.min(index + 1, sourcesOfCharts.size() - 1)).size());
                // Excel's highest row is 409 points
                sheet.createRow(row).setHeightInPoints(Math.min(409f,
                        CHART_POINTS + LEGEND_LINE_POINTS * Math.max(0, (mostSources + 1) / 2 - 4)));
                sheet.createRow(row + 1).setHeightInPoints(GAP_POINTS);
            }
            int left = index % 2 * (chartWidth + GAP);
            anchor(anchors, sheet, left, left + chartWidth, row, index);
            String title = capitalised(entry.getKey().metric().label())
                    + (severalSubjects ? ": " + entry.getKey().subject() : "");
            chartXml.add(chart(title, entry.getValue(), layout, trend, sources));
            index++;
        }
        return new ChartParts(drawingPart, anchors.toString(), chartXml);
    }

    /** By subject and metric (as their {@code ALL} key), the source series that had a value in some period. */
    private static Map<SeriesKey, List<SeriesKey>> charted(Trend trend) {
        Map<SeriesKey, List<SeriesKey>> charts = new LinkedHashMap<>();
        trend.values().forEach((key, ranges) -> {
            if (!key.isAll() && ranges.stream().anyMatch(Objects::nonNull)) {
                charts.computeIfAbsent(key.acrossSources(), k -> new ArrayList<>()).add(key);
            }
        });
        return charts;
    }

    private static String chart(String title, List<SeriesKey> keys, TrendLayout layout, Trend trend, List<String> sources) {
        StringBuilder xml = new StringBuilder(40_000);
        xml.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<c:chartSpace xmlns:c=\"http://schemas.openxmlformats.org/drawingml/2006/chart\"")
                .append(" xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\"><c:chart><c:title><c:tx><c:rich>")
                .append("<a:bodyPr anchor=\"t\" rtlCol=\"false\"/><a:lstStyle/><a:p><a:pPr algn=\"ctr\"><a:defRPr/></a:pPr>")
                // a fixed language keeps the bytes the same whatever the machine's
                .append("<a:r><a:rPr lang=\"en\"/><a:t>");
        Xml.text(xml, title);
        xml.append("</a:t></a:r><a:endParaRPr lang=\"en-US\" sz=\"1100\"/></a:p></c:rich></c:tx><c:layout/>")
                .append("<c:overlay val=\"false\"/><c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"1100\"/></a:pPr></a:p></c:txPr>")
                .append("</c:title><c:plotArea><c:layout/><c:lineChart><c:varyColors val=\"false\"/>");
        String labels = labels(layout, trend);
        int index = 0;
        // one legend entry per source: its low's solid line (the dashed high is said in the sheet's heading)
        List<Integer> highs = new ArrayList<>();
        for (SeriesKey key : keys) {
            String color = PALETTE[sources.indexOf(key.source()) % PALETTE.length];
            List<Range> ranges = trend.values().get(key);
            int lowRow = layout.lowRows().get(key);
            if (ranges.stream().allMatch(r -> r == null || r.isPoint())) {
                series(xml, index++, key.source(), color, false, labels, layout, lowRow, ranges, Range::low);
            } else {
                series(xml, index++, key.source(), color, false, labels, layout, lowRow, ranges, Range::low);
                highs.add(index);
                series(xml, index++, key.source() + " (high)", color, true, labels, layout, lowRow + 1, ranges, Range::high);
            }
        }
        xml.append("<c:axId val=\"0\"/><c:axId val=\"1\"/></c:lineChart><c:catAx><c:axId val=\"0\"/><c:scaling>")
                .append("<c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"false\"/><c:axPos val=\"b\"/>")
                .append("<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
                .append("<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr></a:p></c:txPr><c:crossAx val=\"1\"/>")
                .append("<c:crosses val=\"autoZero\"/><c:auto val=\"false\"/></c:catAx><c:valAx><c:axId val=\"1\"/><c:scaling>")
                .append("<c:orientation val=\"minMax\"/></c:scaling><c:delete val=\"false\"/><c:axPos val=\"l\"/><c:majorGridlines>");
        shape(xml, null, THIN, GRID, false);
        xml.append("</c:majorGridlines><c:numFmt formatCode=\"").append(Styles.INTEGER).append("\" sourceLinked=\"true\"/>")
                .append("<c:majorTickMark val=\"cross\"/><c:minorTickMark val=\"none\"/><c:tickLblPos val=\"nextTo\"/>")
                .append("<c:txPr><a:bodyPr/><a:p><a:pPr><a:defRPr sz=\"800\"/></a:pPr></a:p></c:txPr><c:crossAx val=\"0\"/>")
                .append("<c:crosses val=\"autoZero\"/><c:crossBetween val=\"midCat\"/></c:valAx></c:plotArea><c:legend>")
                .append("<c:legendPos val=\"b\"/>");
        for (int high : highs) {
            xml.append("<c:legendEntry><c:idx val=\"").append(high).append("\"/><c:delete val=\"1\"/></c:legendEntry>");
        }
        xml.append("<c:overlay val=\"false\"/></c:legend><c:plotVisOnly val=\"true\"/>")
                .append("<c:dispBlanksAs val=\"gap\"/></c:chart><c:printSettings><c:headerFooter/><c:pageMargins b=\"0.75\"")
                .append(" l=\"0.7\" r=\"0.7\" t=\"0.75\" header=\"0.3\" footer=\"0.3\"/><c:pageSetup/></c:printSettings></c:chartSpace>");
        return xml.toString();
    }

    /** The categories of every series: the period labels of the Trend sheet's header, with their cached values. */
    private static String labels(TrendLayout layout, Trend trend) {
        StringBuilder xml = new StringBuilder();
        xml.append("<c:cat><c:strRef><c:f>").append(layout.periodLabels()).append("</c:f><c:strCache><c:ptCount val=\"")
                .append(trend.periods().size()).append("\"/>");
        for (int i = 0; i < trend.periods().size(); i++) {
            xml.append("<c:pt idx=\"").append(i).append("\"><c:v>");
            Xml.text(xml, trend.periods().get(i).label());
            xml.append("</c:v></c:pt>");
        }
        return xml.append("</c:strCache></c:strRef></c:cat>").toString();
    }

    /** A line with round markers in {@code color}, its values the row {@code row} of the Trend sheet (cached: {@code value} of each range). */
    private static void series(StringBuilder xml, int index, String title, String color, boolean dashed, String labels,
            TrendLayout layout, int row, List<Range> ranges, ToLongFunction<Range> value) {
        xml.append("<c:ser><c:idx val=\"").append(index).append("\"/><c:order val=\"").append(index)
                .append("\"/><c:tx><c:v>");
        Xml.text(xml, title);
        xml.append("</c:v></c:tx>");
        // Without explicit line properties LibreOffice draws markers only.
        shape(xml, null, LINE, color, dashed);
        xml.append("<c:marker><c:symbol val=\"circle\"/>");
        shape(xml, color, THIN, color, false);
        xml.append("</c:marker>").append(labels).append("<c:val><c:numRef><c:f>").append(layout.row(row))
                .append("</c:f><c:numCache><c:ptCount val=\"").append(ranges.size()).append("\"/>");
        for (int i = 0; i < ranges.size(); i++) {
            if (ranges.get(i) != null) {
                // the cached value as the cell's number would give it
                xml.append("<c:pt idx=\"").append(i).append("\"><c:v>")
                        .append(Double.toString(value.applyAsLong(ranges.get(i)))).append("</c:v></c:pt>");
            }
        }
        xml.append("</c:numCache></c:numRef></c:val><c:smooth val=\"false\"/></c:ser>");
    }

    /** Shape properties: a solid fill when {@code fill} is given, and a solid line. */
    private static void shape(StringBuilder xml, String fill, int lineWidth, String lineColor, boolean dashed) {
        xml.append("<c:spPr>");
        if (fill != null) {
            xml.append("<a:solidFill><a:srgbClr val=\"").append(fill).append("\"/></a:solidFill>");
        }
        xml.append("<a:ln w=\"").append(lineWidth).append("\"><a:solidFill><a:srgbClr val=\"").append(lineColor)
                .append("\"/></a:solidFill>").append(dashed ? "<a:prstDash val=\"dash\"/>" : "").append("</a:ln></c:spPr>");
    }

    /**
     * The anchor of chart {@code index} from {@code left} to {@code right} (offsets from the sheet's left
     * edge), filling the height of {@code row}; its size in the frame as POI works it out.
     */
    private static void anchor(StringBuilder xml, XSSFSheet sheet, int left, int right, int row, int index) {
        int[] from = column(sheet, left);
        int[] to = column(sheet, right);
        double pixels = 0;
        for (int c = from[0]; c < to[0]; c++) {
            pixels += sheet.getColumnWidthInPixels(c);
        }
        long width = Units.pixelToEMU((int) pixels) - from[1] + to[1];
        long height = Units.pixelToEMU((int) ImageUtils.getRowHeightInPixels(sheet, row));
        xml.append("<xdr:twoCellAnchor editAs=\"twoCell\"><xdr:from><xdr:col>").append(from[0])
                .append("</xdr:col><xdr:colOff>").append(from[1]).append("</xdr:colOff><xdr:row>").append(row)
                .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>").append(to[0])
                .append("</xdr:col><xdr:colOff>").append(to[1]).append("</xdr:colOff><xdr:row>").append(row + 1)
                .append("</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id=\"")
                .append(index).append("\" name=\"Diagramm").append(index)
                .append("\"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x=\"").append(from[1])
                .append("\" y=\"0\"/><a:ext cx=\"").append(width).append("\" cy=\"").append(height)
                .append("\"/></xdr:xfrm><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/chart\">")
                .append("<c:chart r:id=\"").append(ChartParts.relationshipId(index))
                .append("\"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>");
    }

    /** The column an offset from the sheet's left edge falls in, and the offset inside it. */
    private static int[] column(XSSFSheet sheet, int emu) {
        int column = 0;
        int rest = emu;
        while (rest >= Units.columnWidthToEMU(sheet.getColumnWidth(column))) {
            rest -= Units.columnWidthToEMU(sheet.getColumnWidth(column));
            column++;
        }
        return new int[] {column, rest};
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
