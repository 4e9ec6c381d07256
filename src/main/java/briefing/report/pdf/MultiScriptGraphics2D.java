package briefing.report.pdf;

import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGraphics2D;
import java.awt.Font;
import java.awt.FontMetrics;
import java.util.List;

/**
 * A {@link PdfGraphics2D} that prints Latin, Cyrillic and Hangul in one string: it draws each run
 * of the string with the first embedded font that has its characters, and measures strings the
 * same way. Fonts the chart asks for are replaced by the shipped ones (see {@link ChartFonts}).
 */
final class MultiScriptGraphics2D extends PdfGraphics2D {

    /** Null only while the superclass constructor runs. */
    private final ChartFonts fonts;

    MultiScriptGraphics2D(PdfContentByte content, float width, float height, ChartFonts fonts) {
        super(content, width, height, fonts.mapper(), false, false, 0f);
        this.fonts = fonts;
        setCompositeFontDrawerEnabled(false);
        setFont(fonts.font(0, false, 10f));
    }

    private MultiScriptGraphics2D(MultiScriptGraphics2D parent) {
        super(parent);
        this.fonts = parent.fonts;
    }

    @Override
    protected PdfGraphics2D createChild() {
        return new MultiScriptGraphics2D(this);
    }

    @Override
    public void setFont(Font font) {
        super.setFont(fonts == null || font == null ? font : fonts.normalise(font));
    }

    @Override
    public FontMetrics getFontMetrics(Font font) {
        return new RunFontMetrics(fonts.normalise(font), fonts, getFontRenderContext());
    }

    @Override
    public void drawString(String text, float x, float y) {
        Font font = getFont();
        List<FontRuns.Run> runs = fonts.runs(font).split(text);
        if (runs.size() == 1 && runs.get(0).font() == 0 && runs.get(0).text().equals(text)) {
            super.drawString(text, x, y);
            return;
        }
        boolean bold = fonts.isBold(font);
        double advance = 0;
        for (FontRuns.Run run : runs) {
            Font face = fonts.font(run.font(), bold, font.getSize2D());
            super.setFont(face);
            super.drawString(run.text(), (float) (x + advance), y);
            advance += ChartFonts.width(face, run.text(), getFontRenderContext());
        }
        super.setFont(font);
    }
}
