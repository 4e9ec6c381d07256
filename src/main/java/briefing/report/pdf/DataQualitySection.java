package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.report.KeyJudgements;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.ledger.Rejection;
import briefing.period.Period;
import briefing.report.Briefing;
import briefing.report.Figure;
import com.lowagie.text.pdf.PdfPTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

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
        staleFigures(layout, briefing.figures());
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
        layout.paragraph("Rejected input rows: " + Figure.number(count) + (count == 1 ? " row was" : " rows were")
                + " not loaded and count in no figure." + shown, TextStyle.BODY_BOLD);
        if (count > SHOWN_REJECTIONS) {
            layout.paragraph("By column: " + byColumn(rejections) + ".", TextStyle.BODY);
        }
        PdfPTable table = layout.table(new String[] {"File and line", "Record id", "Column", "Reason"},
                new float[] {24, 12, 15, 49});
        for (Rejection rejection : rejections.subList(0, Math.min(count, SHOWN_REJECTIONS))) {
            table.addCell(layout.text(rejection.file() + ":" + rejection.line()));
            table.addCell(layout.text(rejection.recordId()));
            table.addCell(layout.text(rejection.column()));
            table.addCell(layout.text(rejection.reason()));
        }
        layout.add(table);
    }

    /** "value_low 1,408, window_start 824, whole row 719": the most frequent first, then by name. */
    static String byColumn(List<Rejection> rejections) {
        Map<String, Integer> counts = new TreeMap<>();
        rejections.forEach(r -> counts.merge(r.column().isEmpty() ? "whole row" : r.column(), 1, Integer::sum));
        List<Map.Entry<String, Integer>> ordered = new ArrayList<>(counts.entrySet());
        // stable: equal counts stay in the order of their names
        ordered.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
        return ordered.stream().map(e -> e.getKey() + " " + Figure.number(e.getValue())).collect(Collectors.joining(", "));
    }

    /**
     * Each source's figure whose newest claim is older than the stale limit at the end of the period (a source with a
     * recent claim on one metric may have an old one on another); the key judgements name a metric when all its
     * sources' figures are such.
     */
    private static void staleFigures(Layout layout, Figures figures) {
        Period period = figures.period();
        boolean manySubjects = Series.subjects(figures).size() > 1;
        List<SeriesChange> stale = new ArrayList<>();
        for (SeriesChange change : Series.inReadingOrder(figures)) {
            if (!change.key().isAll() && Words.daysBefore(change.value().latestReportedOn(), period.end()) > KeyJudgements.STALE_DAYS) {
                stale.add(change);
            }
        }
        String unit = Words.unit(period);
        if (figures.changes().stream().allMatch(c -> c.key().isAll())) {
            return;
        }
        if (stale.isEmpty()) {
            layout.paragraph("Figures without a recent claim: none; every figure rests on a claim made in the "
                    + KeyJudgements.STALE_DAYS + " days before the end of the " + unit + ".", TextStyle.BODY);
            return;
        }
        layout.paragraph("Figures without a recent claim: no claim in the " + KeyJudgements.STALE_DAYS
                + " days before the end of the " + unit + "; they may be out of date.", TextStyle.BODY_BOLD);
        PdfPTable table = layout.table(new String[] {"Source", "Figure", "Newest claim", "Days before end of " + unit},
                new float[] {34, 34, 16, 16}, 3);
        Shortlist<SeriesChange> shown = Shortlist.first(stale, SHOWN_STALE);
        for (SeriesChange change : shown.shown()) {
            LocalDate day = change.value().latestReportedOn();
            table.addCell(layout.text(change.key().source()));
            table.addCell(layout.text(Words.metric(change.key().metric()) + (manySubjects ? " · " + change.key().subject() : "")));
            table.addCell(layout.text(Words.shortDay(day)));
            table.addCell(layout.number(Long.toString(Words.daysBefore(day, period.end()))));
        }
        layout.add(table);
        layout.more(shown.more("figures without a recent claim", "the Changes sheet (column reported_on)"));
    }
}
