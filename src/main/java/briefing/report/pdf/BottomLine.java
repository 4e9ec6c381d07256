package briefing.report.pdf;

import briefing.report.KeyJudgements;
import briefing.report.Briefing;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/** The key judgements, as a bulleted list under the title. */
final class BottomLine implements Section {

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        layout.heading("Key judgements", 60);
        List<String> sentences = KeyJudgements.of(briefing);
        PdfPTable list = new PdfPTable(new float[] {3, 97});
        list.setWidthPercentage(100);
        list.setSpacingAfter(4);
        for (String sentence : sentences) {
            PdfPCell bullet = layout.text("\u25A0", TextStyle.SMALL);
            bullet.setBorder(Rectangle.NO_BORDER);
            bullet.setPaddingTop(4.5f);
            list.addCell(bullet);
            PdfPCell text = layout.text(sentence, TextStyle.BODY);
            text.setBorder(Rectangle.NO_BORDER);
            list.addCell(text);
        }
        layout.add(list);
    }
}
