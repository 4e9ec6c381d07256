package briefing.report.pdf;

import briefing.report.Words;
import briefing.change.Restatement;
import briefing.report.Briefing;
import briefing.report.Figure;
import briefing.report.Series;
import briefing.change.SeriesValue;
import briefing.ledger.SeriesKey;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.Map;

/**
 * Figures of the previous period that moved after its briefing was sent, because late claims or
 * corrections arrived: as reported then, as known now, and by how much; the first {@value #ROWS} (the
 * workbook's Summary sheet lists them all). Left out when nothing moved.
 */
final class RestatementSection implements Section {

    static final int ROWS = 15;

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        if (briefing.restatements().isEmpty()) {
            return;
        }
        String previous = briefing.figures().period().previous().label();
        layout.heading("Restated since the " + previous + " briefing", 60);
        layout.paragraph("Late claims or corrections changed these " + previous + " figures after its briefing (figures as known at "
                + briefing.previousCutoff() + "). The changes above are measured from the restated figures.", TextStyle.BODY);
        PdfPTable table = layout.table(new String[] {"Metric", "Source", "As reported", "Now", "Restated by", "Record now behind it"},
                new float[] {15, 22, 13, 13, 13, 24}, 2, 3, 4);
        Map<SeriesKey, SeriesValue> previousValues = Series.previousValues(briefing.figures());
        Shortlist<Restatement> rows = Shortlist.first(briefing.restatements(), ROWS);
        for (Restatement r : rows.shown()) {
            table.addCell(layout.text(Words.metric(r.key().metric())));
            table.addCell(layout.text(r.key().isAll() ? "range across sources" : r.key().source()));
            table.addCell(layout.number(r.asReported() == null ? "none" : Figure.range(r.asReported())));
            table.addCell(layout.number(Figure.range(r.now())));
            table.addCell(layout.number(r.asReported() == null ? "a first figure"
                    : Figure.change(r.now().low() - r.asReported().low(), r.now().high() - r.asReported().high())));
            table.addCell(behind(layout, r.key().isAll() ? null : previousValues.get(r.key())));
        }
        layout.add(table);
        layout.more(rows.more("restated figures", "the Summary sheet"));
    }

    /** The record (or, for a derived figure, the records) behind a restated figure, and when it was reported. */
    private static PdfPCell behind(Layout layout, SeriesValue value) {
        if (value == null) {
            return layout.text("");
        }
        return layout.lines(value.recordId(), TextStyle.TABLE, Words.reported(value));
    }
}
