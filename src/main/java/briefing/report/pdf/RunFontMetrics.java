package briefing.report.pdf;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics;
import java.awt.font.FontRenderContext;
import java.awt.font.LineMetrics;
import java.awt.geom.Rectangle2D;

/**
 * Font metrics that measure a string the way {@link MultiScriptGraphics2D} draws it: run by run,
 * each in the first face that has its characters. Without them JFreeChart would size legends and
 * labels for a font that lacks Hangul, and the items would overlap.
 */
final class RunFontMetrics extends FontMetrics {

    private final transient ChartFonts fonts;
    private final transient FontRenderContext context;
    private final transient LineMetrics line;

    RunFontMetrics(Font font, ChartFonts fonts, FontRenderContext context) {
        super(font);
        this.fonts = fonts;
        this.context = context;
        this.line = font.getLineMetrics("Xg", context);
    }

    double width(String text) {
        boolean bold = fonts.isBold(font);
        double width = 0;
        for (FontRuns.Run run : fonts.runs(font).split(text)) {
            width += ChartFonts.width(fonts.font(run.font(), bold, font.getSize2D()), run.text(), context);
        }
        return width;
    }

    @Override
    public int stringWidth(String text) {
        return (int) Math.ceil(width(text));
    }

    @Override
    public int charWidth(char c) {
        return stringWidth(String.valueOf(c));
    }

    @Override
    public int charWidth(int codePoint) {
        return stringWidth(new String(Character.toChars(codePoint)));
    }

    @Override
    public int charsWidth(char[] data, int off, int len) {
        return stringWidth(new String(data, off, len));
    }

    @Override
    public int getAscent() {
        return (int) Math.ceil(line.getAscent());
    }

    @Override
    public int getDescent() {
        return (int) Math.ceil(line.getDescent());
    }

    @Override
    public int getLeading() {
        return (int) Math.ceil(line.getLeading());
    }

    @Override
    public FontRenderContext getFontRenderContext() {
        return context;
    }

    @Override
    public Rectangle2D getStringBounds(String text, Graphics graphics) {
        return new Rectangle2D.Double(0, -line.getAscent(), width(text), line.getHeight());
    }

    @Override
    public Rectangle2D getStringBounds(String text, int begin, int limit, Graphics graphics) {
        return getStringBounds(text.substring(begin, limit), graphics);
    }

    @Override
    public Rectangle2D getStringBounds(char[] chars, int begin, int limit, Graphics graphics) {
        return getStringBounds(new String(chars, begin, limit - begin), graphics);
    }
}
