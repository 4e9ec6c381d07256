package briefing.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Draws the header (title and period) and the footer (cutoff and "page X of Y") on every page.
 * The page count is not known until the end, so "Y" is a template filled in when the document closes.
 */
final class PageFrame extends PdfPageEventHelper {

    private static final float TOTAL_WIDTH = 16f;
    private static final float SPACE = 2.5f;

    private final Fonts fonts;
    private final String title;
    private final String dates;
    private final String footer;
    private PdfTemplate total;

    PageFrame(Fonts fonts, String title, String dates, String footer) {
        this.fonts = fonts;
        this.title = title;
        this.dates = dates;
        this.footer = footer;
    }

    @Override
    public void onOpenDocument(PdfWriter writer, Document document) {
        total = writer.getDirectContent().createTemplate(TOTAL_WIDTH, 10);
    }

    @Override
    public void onEndPage(PdfWriter writer, Document document) {
        PdfContentByte cb = writer.getDirectContent();
        Rectangle page = document.getPageSize();
        float left = document.left();
        float right = document.right();
        float headerY = page.getTop() - 30;
        float footerY = 26;
        int direction = Layout.hasRightToLeft(title) ? PdfWriter.RUN_DIRECTION_LTR : PdfWriter.RUN_DIRECTION_DEFAULT;
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(title, TextStyle.FRAME), left, headerY, 0,
                direction, 0);
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, fonts.phrase(dates, TextStyle.FRAME), right, headerY, 0);
        rule(cb, left, right, headerY - 5);
        rule(cb, left, right, footerY + 10);
        ColumnText.showTextAligned(cb, Element.ALIGN_LEFT, fonts.phrase(footer, TextStyle.FRAME), left, footerY, 0);
        // "Y" is left-aligned in its template, so "page X of" ends a space before it.
        String pageOf = "page " + writer.getPageNumber() + " of";
        ColumnText.showTextAligned(cb, Element.ALIGN_RIGHT, fonts.phrase(pageOf, TextStyle.FRAME),
                right - TOTAL_WIDTH - SPACE, footerY, 0);
        cb.addTemplate(total, right - TOTAL_WIDTH, footerY);
    }

    @Override
    public void onCloseDocument(PdfWriter writer, Document document) {
        BaseFont font = fonts.faces(false).get(0);
        total.beginText();
        total.setFontAndSize(font, TextStyle.FRAME.size());
        total.setColorFill(TextStyle.FRAME.color());
        total.setTextMatrix(0, 0);
        total.showText(Integer.toString(writer.getPageNumber() - 1));
        total.endText();
    }

    private static void rule(PdfContentByte cb, float left, float right, float y) {
        cb.saveState();
        cb.setColorStroke(Palette.RULE);
        cb.setLineWidth(0.5f);
        cb.moveTo(left, y);
        cb.lineTo(right, y);
        cb.stroke();
        cb.restoreState();
    }
}
