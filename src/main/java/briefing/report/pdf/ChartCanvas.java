package briefing.report.pdf;

import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/** Draws a chart as vectors into a PDF template and wraps it as an image element for a table cell. */
final class ChartCanvas {

    private final PdfWriter writer;
    private final ChartFonts fonts;

    ChartCanvas(PdfWriter writer, ChartFonts fonts) {
        this.writer = writer;
        this.fonts = fonts;
    }

    Image draw(JFreeChart chart, float width, float height) {
        PdfTemplate template = writer.getDirectContent().createTemplate(width, height);
        Graphics2D graphics = new MultiScriptGraphics2D(template, width, height, fonts);
        try {
            chart.draw(graphics, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            graphics.dispose();
        }
        try {
            return Image.getInstance(template);
        } catch (BadElementException e) {
            throw new IllegalStateException("Cannot wrap the chart template as an image", e);
        }
    }
}
