package briefing.report.pdf;

import briefing.change.Range;
import briefing.period.Period;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Ellipse2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.IntervalMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.HorizontalAlignment;
import org.jfree.chart.ui.Layer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The trend chart of one metric: a line per source through its figure at the end of each trend
 * period (the midpoint of a range, with the range drawn as a band), the reported period shaded.
 * The reported period sits at x = 0 and earlier ones at negative x, so tick labels always include it.
 */
final class TrendChart {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM uu", Locale.ENGLISH);
    private static final float TEXT = 7f;

    private TrendChart() {
    }

    /**
     * @param sources each source's values, one per trend period (null where it had none), in legend order
     * @param colours the index in {@link Palette#SERIES} of each source's colour
     */
    static JFreeChart of(String title, List<Period> periods, Map<String, List<Range>> sources, ChartFonts fonts,
            int[] colours) {
        int last = periods.size() - 1;
        YIntervalSeriesCollection dataset = new YIntervalSeriesCollection();
        // A band needs two neighbouring values: a range standing alone is drawn as an error bar instead.
        YIntervalSeriesCollection alone = new YIntervalSeriesCollection();
        sources.forEach((source, values) -> {
            YIntervalSeries series = new YIntervalSeries(source, false, false);
            YIntervalSeries bars = new YIntervalSeries(source, false, false);
            for (int i = 0; i < values.size(); i++) {
                Range range = values.get(i);
                if (range != null) {
                    series.add(i - last, (range.low() + range.high()) / 2.0, range.low(), range.high());
                    boolean neighbours = (i > 0 && values.get(i - 1) != null) || (i < last && values.get(i + 1) != null);
                    if (!range.isPoint() && !neighbours) {
                        bars.add(i - last, (range.low() + range.high()) / 2.0, range.low(), range.high());
                    }
                }
            }
            dataset.addSeries(series);
            alone.addSeries(bars);
        });

        NumberAxis time = new NumberAxis();
        time.setRange(-last - 0.5, 0.5);
        // Every other period: twelve labels do not fit under a half-page chart.
        time.setTickUnit(new NumberTickUnit(periods.size() > 6 ? 2 : 1, new PeriodFormat(periods)));
        time.setTickLabelFont(fonts.font(0, false, TEXT));
        time.setTickLabelPaint(Palette.MUTED);

        NumberAxis count = new NumberAxis();
        count.setAutoRangeIncludesZero(true);
        count.setStandardTickUnits(NumberAxis.createIntegerTickUnits(Locale.ROOT));
        count.setNumberFormatOverride(new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT)));
        count.setUpperMargin(0.15);
        count.setTickLabelFont(fonts.font(0, false, TEXT));
        count.setTickLabelPaint(Palette.MUTED);

        DeviationRenderer renderer = new DeviationRenderer(true, true);
        renderer.setAlpha(0.22f);
        XYErrorRenderer bars = new XYErrorRenderer();
        bars.setDefaultLinesVisible(false);
        bars.setDefaultShapesVisible(false);
        bars.setDrawXError(false);
        bars.setCapLength(5);
        bars.setErrorStroke(new BasicStroke(1.2f));
        bars.setDefaultSeriesVisibleInLegend(false);
        for (int i = 0; i < sources.size(); i++) {
            Color color = Palette.SERIES[colours[i] % Palette.SERIES.length];
            bars.setSeriesPaint(i, color);
            renderer.setSeriesPaint(i, color);
            renderer.setSeriesFillPaint(i, color);
            // past the palette's colours, the same colours again as dashed lines
            renderer.setSeriesStroke(i, colours[i] < Palette.SERIES.length
                    ? new BasicStroke(1.4f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND)
                    : new BasicStroke(1.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, new float[] {4f, 2.5f}, 0f));
            renderer.setSeriesShape(i, new Ellipse2D.Double(-2.2, -2.2, 4.4, 4.4));
        }

        XYPlot plot = new XYPlot(dataset, time, count, renderer);
        plot.setDataset(1, alone);
        plot.setRenderer(1, bars);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinePaint(Palette.RULE);
        plot.setRangeGridlineStroke(new BasicStroke(0.4f));
        plot.setAxisOffset(RectangleInsets.ZERO_INSETS);
        plot.addDomainMarker(reportedPeriod(periods.get(last), fonts), Layer.BACKGROUND);

        JFreeChart chart = new JFreeChart(title, fonts.font(0, true, 8.5f), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        chart.setPadding(new RectangleInsets(2, 2, 2, 6));
        chart.getTitle().setHorizontalAlignment(HorizontalAlignment.LEFT);
        chart.getTitle().setPaint(Palette.INK);
        LegendTitle legend = chart.getLegend();
        legend.setItemFont(fonts.font(0, false, TEXT));
        legend.setItemPaint(Palette.INK);
        legend.setFrame(BlockBorder.NONE);
        legend.setPosition(RectangleEdge.BOTTOM);
        legend.setHorizontalAlignment(HorizontalAlignment.LEFT);
        return chart;
    }

    private static IntervalMarker reportedPeriod(Period period, ChartFonts fonts) {
        IntervalMarker marker = new IntervalMarker(-0.5, 0.5);
        marker.setPaint(Palette.PERIOD_FILL);
        marker.setAlpha(1f);
        marker.setOutlinePaint(null);
        marker.setLabelBackgroundColor(Color.WHITE);
        marker.setLabel(period.label());
        marker.setLabelFont(fonts.font(0, false, 6.5f));
        marker.setLabelPaint(Palette.MUTED);
        marker.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
        marker.setLabelOffset(new RectangleInsets(1, 1, 1, 1));
        return marker;
    }

    /** Short tick labels: "W18" for weeks, "Apr 25" for months, "Q2 25" for quarters. */
    static String shortLabel(Period period) {
        return switch (period.granularity()) {
            case WEEKLY -> period.label().substring(5);
            case MONTHLY -> MONTH.format(period.start());
            case QUARTERLY -> period.label().substring(5) + " " + period.label().substring(2, 4);
        };
    }

    /** Formats the x position of a period (0 the reported one, -1 the one before...) as its short label. */
    private static final class PeriodFormat extends NumberFormat {

        private final List<Period> periods;

        PeriodFormat(List<Period> periods) {
            this.periods = periods;
        }

        @Override
        public StringBuffer format(double number, StringBuffer out, FieldPosition position) {
            return format(Math.round(number), out, position);
        }

        @Override
        public StringBuffer format(long number, StringBuffer out, FieldPosition position) {
            long index = number + periods.size() - 1;
            if (index >= 0 && index < periods.size()) {
                out.append(shortLabel(periods.get((int) index)));
            }
            return out;
        }

        @Override
        public Number parse(String source, ParsePosition position) {
            return null;
        }
    }
}
