package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.report.KeyJudgements;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.ledger.Rejection;
import briefing.period.Period;
import briefing.report.Briefing;
import com.lowagie.text.pdf.PdfPTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the reader must discount: input rows that were rejected (the first
 * {@value #SHOWN_REJECTIONS}, with file, line, column and reason), sources with no recent claim (the
 * first {@value #SHOWN_STALE}), and the standing caveat.
 */
final class DataQualitySection implements Section {

    static final int SHOWN_REJECTIONS = 20;
    static final int SHOWN_STALE = 15;

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        layout.heading("Data quality and caveats", 60);
        rejections(layout, briefing.rejections());
        staleSources(layout, briefing.figures());
        layout.paragraph("Standing caveat", TextStyle.BODY_BOLD);
        layout.paragraph(Briefing.CAVEAT + " A source's figure is its latest claim made public by the end of the period; "
                + "where a source gave killed and wounded but no casualties for the same date, its casualties are their sum "
                + "(marked derived). Increments are never added to totals.", TextStyle.BODY);
    }

    private static void rejections(Layout layout, List<Rejection> rejections) {
        if (rejections.isEmpty()) {
            layout.paragraph("Rejected input rows: none; every input row was loaded.", TextStyle.BODY);
            return;
        }
        int count = rejections.size();
        String shown = count > SHOWN_REJECTIONS ? " The first " + SHOWN_REJECTIONS + " are listed; rejected.csv has all of them." : "";
        layout.paragraph("Rejected input rows: " + count + (count == 1 ? " row was" : " rows were")
                + " not loaded and count in no figure." + shown, TextStyle.BODY_BOLD);
        PdfPTable table = layout.table(new String[] {"File and line", "Record id", "Column", "Reason"},
                new float[] {17, 17, 12, 54});
        for (Rejection rejection : rejections.subList(0, Math.min(count, SHOWN_REJECTIONS))) {
            table.addCell(layout.text(rejection.file() + ":" + rejection.line()));
            table.addCell(layout.text(rejection.recordId()));
            table.addCell(layout.text(rejection.column()));
            table.addCell(layout.text(rejection.reason()));
        }
        layout.add(table);
    }

    /** Sources whose newest claim behind any figure is older than the stale limit at the end of the period. */
    private static void staleSources(Layout layout, Figures figures) {
        Period period = figures.period();
        Map<String, LocalDate> newest = new TreeMap<>();
        Map<String, Set<String>> metrics = new TreeMap<>();
        for (SeriesChange change : Series.inReadingOrder(figures)) {
            if (change.key().isAll()) {
                continue;
            }
            String source = change.key().source();
            LocalDate day = change.value().latestReportedOn();
            newest.merge(source, day, (a, b) -> a.isAfter(b) ? a : b);
            metrics.computeIfAbsent(source, s -> new LinkedHashSet<>()).add(change.key().metric().label());
        }
        if (newest.isEmpty()) {
            return;
        }
        List<String> stale = new ArrayList<>();
        newest.forEach((source, day) -> {
            if (Words.daysBefore(day, period.end()) > KeyJudgements.STALE_DAYS) {
                stale.add(source);
            }
        });
        String unit = Words.unit(period);
        if (stale.isEmpty()) {
            layout.paragraph("Sources without a recent claim: none; every source made a claim in the "
                    + KeyJudgements.STALE_DAYS + " days before the end of the " + unit + ".", TextStyle.BODY);
            return;
        }
        layout.paragraph("Sources without a recent claim: no claim in the " + KeyJudgements.STALE_DAYS
                + " days before the end of the " + unit + "; their figures may be out of date.", TextStyle.BODY_BOLD);
        PdfPTable table = layout.table(new String[] {"Source", "Newest claim", "Days before end of " + unit,
                "Figures"}, new float[] {34, 16, 16, 34}, 2);
        Shortlist<String> shown = Shortlist.first(stale, SHOWN_STALE);
        for (String source : shown.shown()) {
            LocalDate day = newest.get(source);
            table.addCell(layout.text(source));
            table.addCell(layout.text(Words.shortDay(day)));
            table.addCell(layout.number(Long.toString(Words.daysBefore(day, period.end()))));
            table.addCell(layout.text(String.join(", ", metrics.get(source))));
        }
        layout.add(table);
        layout.more(shown.more("sources without a recent claim", "the Changes sheet (column reported_on)"));
    }
}
