package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.report.Briefing;
import briefing.report.Figure;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;

/**
 * Each source's figure per metric, with its date, its change and how far it lies from the median
 * of the other sources, so that disagreement shows at a glance. Bounded for a short read: the metrics
 * that moved most, as many as fit in {@value #ROWS} source rows (at least one), each with at most
 * {@value #SOURCES_PER_METRIC} sources (those that moved most); the workbook's Changes sheet has every series.
 */
final class SourceTable implements Section {

    static final int ROWS = 40;
    static final int SOURCES_PER_METRIC = 10;

    private static final int COLUMNS = 6;
    private static final float[] WIDTHS = {25, 15, 12, 12, 18, 18};

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        Figures figures = briefing.figures();
        List<SeriesChange> metrics = Series.acrossSources(figures);
        if (metrics.isEmpty()) {
            return;
        }
        String unit = Words.unit(figures.period());
        layout.heading("Figures by source", 80);
        List<List<SeriesChange>> sourcesOf = metrics.stream().map(metric -> Series.sourcesOf(figures, metric.key())).toList();
        boolean[] chosen = chosen(metrics, sourcesOf);
        int shownRows = 0;
        int allRows = 0;
        PdfPTable table = layout.table(new String[] {"Source", "Figure", "As of", "Reported", "Change on previous " + unit,
                "Against the other sources"}, WIDTHS, 1, 4, 5);
        boolean manySubjects = Series.subjects(figures).size() > 1;
        for (int m = 0; m < metrics.size(); m++) {
            SeriesChange metric = metrics.get(m);
            List<SeriesChange> sources = sourcesOf.get(m);
            allRows += sources.size();
            if (!chosen[m]) {
                continue;
            }
            List<SeriesChange> shown = Shortlist.of(sources, SOURCES_PER_METRIC, Shortlist.MOST_MOVED).shown();
            shownRows += shown.size();
            PdfPTable group = new PdfPTable(WIDTHS);
            group.setWidthPercentage(100);
            group.addCell(layout.group(Words.metric(metric.key().metric())
                    + (manySubjects ? " \u00B7 " + metric.key().subject() : "")
                    + "   (range across sources: " + Words.figure(metric.value()) + ")", COLUMNS));
            for (SeriesChange source : shown) {
                SeriesValue value = source.value();
                group.addCell(layout.lines(source.key().source(), TextStyle.TABLE, derivation(value)));
                group.addCell(layout.number(Words.figure(value)));
                group.addCell(layout.text(Words.shortDay(value.asOf())));
                group.addCell(layout.text(Words.shortDay(value.reportedOn())));
                group.addCell(HeadlineTable.change(layout, source));
                group.addCell(layout.number(spread(source, sources)));
            }
            // A metric's rows are one row of the outer table, so a page break never separates them from their title.
            PdfPCell whole = new PdfPCell(group);
            whole.setColspan(COLUMNS);
            whole.setBorder(Rectangle.NO_BORDER);
            whole.setPadding(0);
            table.addCell(whole);
        }
        layout.add(table);
        layout.more(new Shortlist<>(List.of(), allRows - shownRows).more("source figures (of the metrics and sources that moved least)",
                "the Changes sheet"));
        layout.paragraph("Change: of the low / of the high of a range; the arrow and the percentage follow its midpoint. "
                + "Against the other sources: how far the source's figure (the midpoint of a range) lies "
                + "from the median of the other sources' figures for the same metric.", TextStyle.SMALL);
    }

    /** The metrics that moved most, as many as fit in {@value #ROWS} rows of sources, and always one. */
    private static boolean[] chosen(List<SeriesChange> metrics, List<List<SeriesChange>> sourcesOf) {
        List<Integer> byMovement = new ArrayList<>();
        for (int m = 0; m < metrics.size(); m++) {
            byMovement.add(m);
        }
        byMovement.sort(Comparator.comparing(metrics::get, Shortlist.MOST_MOVED));
        boolean[] chosen = new boolean[metrics.size()];
        int rows = 0;
        for (int m : byMovement) {
            int size = Math.min(SOURCES_PER_METRIC, sourcesOf.get(m).size());
            if (rows > 0 && rows + size > ROWS) {
                break;
            }
            chosen[m] = true;
            rows += size;
        }
        return chosen;
    }

    private static String derivation(SeriesValue value) {
        List<Claim> increments = value.records().stream().filter(Claim::isIncrement).toList();
        if (!increments.isEmpty()) {
            LocalDate from = increments.stream().map(Claim::windowStart).min(LocalDate::compareTo).orElseThrow();
            LocalDate to = increments.stream().map(Claim::asOf).max(LocalDate::compareTo).orElseThrow();
            return "sum of " + (increments.size() == 1 ? "1 increment" : increments.size() + " increments") + ",\n"
                    + Words.shortDay(from) + " - " + Words.shortDay(to);
        }
        if (!value.derived()) {
            return "";
        }
        return "derived: " + value.records().stream().map(Claim::metric).map(m -> m.label())
                .collect(Collectors.joining(" + ")) + " as of " + Words.shortDay(value.asOf());
    }

    /** "+700 (+17.5%)" from the median of the other sources; "only source" when there are none. */
    static String spread(SeriesChange source, List<SeriesChange> all) {
        List<BigDecimal> others = new ArrayList<>();
        for (SeriesChange other : all) {
            if (other != source) {
                others.add(mid(other));
            }
        }
        if (others.isEmpty()) {
            return "only source";
        }
        others.sort(BigDecimal::compareTo);
        int n = others.size();
        BigDecimal median = n % 2 == 1 ? others.get(n / 2)
                : others.get(n / 2 - 1).add(others.get(n / 2)).divide(BigDecimal.valueOf(2));
        BigDecimal difference = mid(source).subtract(median);
        String amount = Figure.signed(difference.setScale(0, RoundingMode.HALF_UP).longValueExact());
        if (median.signum() == 0) {
            return amount;
        }
        BigDecimal pct = difference.multiply(BigDecimal.valueOf(100)).divide(median, 1, RoundingMode.HALF_UP);
        return amount + " (" + Figure.percent(pct) + ")";
    }

    private static BigDecimal mid(SeriesChange change) {
        return BigDecimal.valueOf(change.value().range().low() + change.value().range().high())
                .divide(BigDecimal.valueOf(2));
    }
}
