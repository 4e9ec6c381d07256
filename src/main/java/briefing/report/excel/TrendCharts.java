package briefing.report.excel;

import briefing.change.Trend;
import briefing.ledger.SeriesKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFShapeProperties;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartLegend;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xddf.usermodel.text.TextAlignment;
import org.apache.poi.xddf.usermodel.text.XDDFTextParagraph;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTMarker;

/**
 * Native line charts of the trend, one per subject and metric, one line per source (two, low and
 * high, for a source that gave ranges), their values pointing at the Trend sheet. A source keeps its
 * colour in every chart.
 */
final class TrendCharts {

    private static final float CHART_POINTS = 220f;
    private static final float GAP_POINTS = 10f;

    private static final int GAP = Units.pixelToEMU(16);
    private static final int GRID = 0xD9D9D9;
    /** Line colours as sRGB, after the Tableau 10 set; a source's index among all charted sources picks one. */
    private static final int[] PALETTE = {0x1F77B4, 0xD62728, 0x2CA02C, 0xFF7F0E, 0x9467BD, 0x8C564B, 0xE377C2, 0x17BECF};

    private TrendCharts() {
    }

    /**
     * Draws the charts two abreast across the first {@code columns} columns of {@code sheet}, from
     * {@code firstRow} on. Each pair of charts fills one tall row, so that printing never cuts a chart in two.
     */
    static void draw(XSSFSheet sheet, int firstRow, int columns, TrendLayout layout, Trend trend) {
        Map<SeriesKey, List<SeriesKey>> charts = charted(trend);
        List<String> sources = new ArrayList<>(new TreeSet<>(charts.values().stream().flatMap(List::stream)
                .map(SeriesKey::source).toList()));
        boolean severalSubjects = charts.keySet().stream().map(SeriesKey::subject).distinct().count() > 1;
        int width = 0;
        for (int c = 0; c < columns; c++) {
            width += Units.columnWidthToEMU(sheet.getColumnWidth(c));
        }
        int chartWidth = (width - GAP) / 2;
        int row = firstRow;
        int index = 0;
        for (Map.Entry<SeriesKey, List<SeriesKey>> entry : charts.entrySet()) {
            if (index % 2 == 0) {
                row = index == 0 ? firstRow : row + 2;
                sheet.createRow(row).setHeightInPoints(CHART_POINTS);
                sheet.createRow(row + 1).setHeightInPoints(GAP_POINTS);
            }
            int left = index % 2 * (chartWidth + GAP);
            XSSFChart chart = sheet.createDrawingPatriarch().createChart(anchor(sheet, left, left + chartWidth, row));
            String title = capitalised(entry.getKey().metric().label())
                    + (severalSubjects ? ": " + entry.getKey().subject() : "");
            plot(chart, title, entry.getValue(), layout, trend, sources);
            index++;
        }
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

    private static void plot(XSSFChart chart, String title, List<SeriesKey> keys, TrendLayout layout, Trend trend,
            List<String> sources) {
        chart.setTitleText(title);
        chart.setTitleOverlay(false);
        XDDFTextParagraph titleText = chart.getTitle().getBody().getParagraph(0);
        titleText.setTextAlignment(TextAlignment.CENTER);
        // POI tags the title with the JVM's default language; a fixed one keeps the bytes the same everywhere.
        titleText.getTextRuns().forEach(run -> run.setLanguage(Locale.ENGLISH));
        chart.getTitle().getOrAddTextProperties().setFontSize(11d);
        XDDFChartLegend legend = chart.getOrAddLegend();
        legend.setPosition(LegendPosition.BOTTOM);
        legend.setOverlay(false);
        XDDFCategoryAxis periods = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis values = chart.createValueAxis(AxisPosition.LEFT);
        values.setCrosses(AxisCrosses.AUTO_ZERO);
        values.setNumberFormat(Styles.INTEGER);
        periods.getOrAddTextProperties().setFontSize(8d);
        values.getOrAddTextProperties().setFontSize(8d);
        values.getOrAddMajorGridProperties().setLineProperties(line(rgb(GRID), 0.75, false));
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, periods, values);
        data.setVaryColors(false);
        XDDFCategoryDataSource labels = XDDFDataSourcesFactory.fromStringCellRange(layout.sheet(), layout.periodLabels());
        for (SeriesKey key : keys) {
            XDDFColor color = rgb(PALETTE[sources.indexOf(key.source()) % PALETTE.length]);
            if (trend.values().get(key).stream().allMatch(r -> r == null || r.isPoint())) {
                addSeries(data, labels, layout, layout.lows(key), key.source(), color, false);
            } else {
                addSeries(data, labels, layout, layout.lows(key), key.source() + " (low)", color, false);
                addSeries(data, labels, layout, layout.highs(key), key.source() + " (high)", color, true);
            }
        }
        chart.plot(data);
        chart.displayBlanksAs(DisplayBlanks.GAP);
    }

    private static void addSeries(XDDFLineChartData data, XDDFCategoryDataSource labels, TrendLayout layout,
            CellRangeAddress cells, String title, XDDFColor color, boolean dashed) {
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(labels,
                XDDFDataSourcesFactory.fromNumericCellRange(layout.sheet(), cells));
        series.setTitle(title, null);
        series.setSmooth(false);
        series.setMarkerStyle(MarkerStyle.CIRCLE);
        // Without explicit line properties LibreOffice draws markers only.
        XDDFShapeProperties shape = new XDDFShapeProperties();
        shape.setLineProperties(line(color, 2.25, dashed));
        series.setShapeProperties(shape);
        CTMarker marker = series.getCTLineSer().getMarker();
        XDDFShapeProperties markerShape =
                new XDDFShapeProperties(marker.isSetSpPr() ? marker.getSpPr() : marker.addNewSpPr());
        markerShape.setFillProperties(new XDDFSolidFillProperties(color));
        markerShape.setLineProperties(line(color, 0.75, false));
    }

    private static XDDFLineProperties line(XDDFColor color, double width, boolean dashed) {
        XDDFLineProperties line = new XDDFLineProperties(new XDDFSolidFillProperties(color));
        line.setWidth(width);
        if (dashed) {
            line.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        }
        return line;
    }

    /** From {@code left} to {@code right} (offsets from the sheet's left edge), filling the height of {@code row}. */
    private static XSSFClientAnchor anchor(XSSFSheet sheet, int left, int right, int row) {
        int[] from = column(sheet, left);
        int[] to = column(sheet, right);
        return new XSSFClientAnchor(from[1], 0, to[1], 0, from[0], row, to[0], row + 1);
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

    // XDDFColor.from(int, int, int) makes a colour in percent; sRGB bytes are what Excel and LibreOffice expect.
    private static XDDFColor rgb(int rgb) {
        return XDDFColor.from(new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb});
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : text.substring(0, 1).toUpperCase(Locale.ROOT) + text.substring(1);
    }
}
