package briefing.report.pdf;

import briefing.report.Words;
import briefing.change.Restatement;
import briefing.report.Briefing;
import briefing.report.Figure;
import com.lowagie.text.pdf.PdfPTable;

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
        PdfPTable table = layout.table(new String[] {"Metric", "Source", "As reported", "Now", "Restated by"},
                new float[] {22, 30, 16, 16, 16}, 2, 3, 4);
        Shortlist<Restatement> rows = Shortlist.first(briefing.restatements(), ROWS);
        for (Restatement r : rows.shown()) {
            table.addCell(layout.text(Words.metric(r.key().metric())));
            table.addCell(layout.text(r.key().isAll() ? "range across sources" : r.key().source()));
            table.addCell(layout.number(r.asReported() == null ? "none" : Figure.range(r.asReported())));
            table.addCell(layout.number(Figure.range(r.now())));
            table.addCell(layout.number(r.asReported() == null ? "new"
                    : Figure.change(r.now().low() - r.asReported().low(), r.now().high() - r.asReported().high())));
        }
        layout.add(table);
        layout.more(rows.more("restated figures", "the Summary sheet"));
    }
}
