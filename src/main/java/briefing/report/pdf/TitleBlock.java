package briefing.report.pdf;

import briefing.report.Briefing;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.Rectangle;

/** The top of page 1: what the briefing is about, which period, and what was known when. */
final class TitleBlock implements Section {

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        DocumentInfo info = DocumentInfo.of(briefing);
        layout.paragraph(info.subjects(), TextStyle.TITLE, 2);
        layout.paragraph(info.title(), TextStyle.SUBTITLE, 0);
        layout.paragraph(info.dates() + "   \u00B7   " + info.cutoff(), TextStyle.BODY, 4);
        layout.add(rule(layout));
    }

    private static PdfPTable rule(Layout layout) {
        PdfPTable rule = new PdfPTable(1);
        rule.setWidthPercentage(100);
        rule.setSpacingAfter(2);
        PdfPCell cell = layout.cell(null);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Palette.HEADING);
        cell.setBorderWidth(1.2f);
        cell.setFixedHeight(2);
        cell.setPadding(0);
        rule.addCell(cell);
        return rule;
    }
}
