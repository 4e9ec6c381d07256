package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.change.Figures;
import briefing.change.Range;
import briefing.change.SeriesChange;
import briefing.change.Trend;
import briefing.period.Period;
import briefing.report.Briefing;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.jfree.chart.JFreeChart;

/**
 * Trend charts, two to a row: one per subject and metric, over the trend periods; at most
 * {@value #CHARTS}, of the metrics that moved most (the workbook's Summary sheet has them all). Left
 * out, with a line saying so, when nothing was claimed in the period: the charts would repeat the last ones.
 */
final class TrendSection implements Section {

    static final int CHARTS = 8;

    private static final float CHART_HEIGHT = 168;
    /** What a chart grows by for each line of its legend past the second (about two sources a line). */
    private static final float LEGEND_LINE = 13;

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        Figures figures = briefing.figures();
        Trend trend = figures.trend();
        Period period = figures.period();
        String unit = Words.unit(period);
        Shortlist<SeriesChange> metrics = Shortlist.of(Series.acrossSources(figures), CHARTS, Shortlist.MOST_MOVED);
        if (metrics.shown().isEmpty()) {
            return;
        }
        layout.heading("Trend over the last " + trend.periods().size() + " " + unit + "s", CHART_HEIGHT + 20);
        if (figures.newClaims().isEmpty()) {
            layout.paragraph("No figure changed this " + unit + ", so the trend charts are left out; the briefing of "
                    + period.previous().label() + " has them.", TextStyle.BODY);
            return;
        }
        layout.paragraph("One line per source through its figure at the end of each " + unit
                + " (the midpoint where it gave a range, with the range shaded, or as a bar where it stands alone). "
                + "Highlighted column: " + period.label() + ".", TextStyle.SMALL);
        List<String> sourceOrder = List.copyOf(allSources(figures));
        boolean manySubjects = Series.subjects(figures).size() > 1;
        ChartFonts chartFonts = new ChartFonts(layout.fonts());
        PdfPTable grid = new PdfPTable(2);
        grid.setWidthPercentage(100);
        grid.getDefaultCell().setBorder(Rectangle.NO_BORDER);
        float chartWidth = layout.width() / 2 - 6;
        ChartCanvas canvas = new ChartCanvas(layout.writer(), chartFonts);
        List<Map<String, List<Range>>> linesOf = metrics.shown().stream().map(metric -> lines(figures, trend, metric)).toList();
        for (int m = 0; m < linesOf.size(); m++) {
            SeriesChange metric = metrics.shown().get(m);
            Map<String, List<Range>> lines = linesOf.get(m);
            String title = Words.metric(metric.key().metric()) + (manySubjects ? " \u00B7 " + metric.key().subject() : "");
            JFreeChart chart = TrendChart.of(title, trend.periods(), lines, chartFonts,
                    lines.keySet().stream().mapToInt(sourceOrder::indexOf).toArray());
            // the two charts of a row as high as the one with the longer legend needs, so that its plot keeps its height
            int mostSources = Math.max(lines.size(), linesOf.get(m % 2 == 0 ? Math.min(m + 1, linesOf.size() - 1) : m - 1).size());
            float height = CHART_HEIGHT + LEGEND_LINE * Math.max(0, (mostSources + 1) / 2 - 2);
            PdfPCell cell = new PdfPCell(canvas.draw(chart, chartWidth, height), false);
            cell.setBorder(Rectangle.NO_BORDER);
            cell.setPadding(3);
            grid.addCell(cell);
        }
        grid.completeRow();
        layout.add(grid);
        layout.more(metrics.more("charts (of the metrics that moved least)", "the Summary sheet"));
    }

    /** Each source's values of one metric, one per trend period, in the sources' order. */
    private static Map<String, List<Range>> lines(Figures figures, Trend trend, SeriesChange metric) {
        Map<String, List<Range>> lines = new LinkedHashMap<>();
        for (SeriesChange source : Series.sourcesOf(figures, metric.key())) {
            List<Range> values = trend.values().get(source.key());
            if (values != null) {
                lines.put(source.key().source(), values);
            }
        }
        return lines;
    }

    /** Every source in the briefing, sorted, so that a source has the same colour in every chart. */
    private static TreeSet<String> allSources(Figures figures) {
        TreeSet<String> sources = new TreeSet<>();
        figures.changes().stream().filter(c -> !c.key().isAll()).forEach(c -> sources.add(c.key().source()));
        return sources;
    }
}
