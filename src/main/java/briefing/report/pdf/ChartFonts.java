package briefing.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontMapper;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.font.FontRenderContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fonts of the charts: AWT fonts made from the same files as the document's embedded fonts,
 * so that JFreeChart measures text exactly as it will be printed, on any machine, installed fonts
 * or not. Any other font a chart asks for is replaced by these, and each maps to the document's
 * embedded font of the same file.
 */
final class ChartFonts {

    /**
     * Made once per JVM, each when first needed (Nanum Gothic only for Hangul): AWT fonts are immutable
     * and their creation copies the file to disk.
     */
    private static final class Awt {
        private static final Map<String, Font> MADE = new ConcurrentHashMap<>();

        static Font get(String file) {
            return MADE.computeIfAbsent(file, Awt::create);
        }

        /** The font of a file if it was made, else null: a font not yet made cannot be the one asked about. */
        static Font made(String file) {
            return MADE.get(file);
        }

        private static Font create(String file) {
            try (InputStream in = ChartFonts.class.getResourceAsStream("/fonts/" + file)) {
                if (in == null) {
                    throw new IllegalStateException("Font fonts/" + file + " is missing from the classpath");
                }
                return Font.createFont(Font.TRUETYPE_FONT, in);
            } catch (IOException | FontFormatException e) {
                throw new IllegalStateException("Cannot load font fonts/" + file + " for charts", e);
            }
        }
    }

    private final Fonts pdf;

    ChartFonts(Fonts pdf) {
        this.pdf = pdf;
    }

    /** Face {@code index} (0 Latin and Cyrillic, 1 Hangul) of a weight, at a size. */
    Font font(int index, boolean bold, float size) {
        return Awt.get(files(bold).get(index)).deriveFont(size);
    }

    boolean isBold(Font font) {
        return indexOf(Fonts.BOLD, font) >= 0;
    }

    /** The font itself when it is one of ours, else our first face of the same weight and size. */
    Font normalise(Font font) {
        int bold = indexOf(Fonts.BOLD, font);
        if (bold >= 0) {
            return font;
        }
        int regular = indexOf(Fonts.REGULAR, font);
        if (regular >= 0 && !font.isBold()) {
            return font;
        }
        return font(Math.max(regular, 0), font.isBold(), font.getSize2D());
    }

    FontRuns runs(Font font) {
        return pdf.runs(isBold(font));
    }

    /** The advance of a run drawn in one face, as PdfGraphics2D measures it when it draws. */
    static double width(Font face, String text, FontRenderContext context) {
        return face.getStringBounds(text, context).getWidth();
    }

    FontMapper mapper() {
        return new FontMapper() {
            @Override
            public BaseFont awtToPdf(Font font) {
                boolean bold = indexOf(Fonts.BOLD, font) >= 0 || (indexOf(Fonts.REGULAR, font) < 0 && font.isBold());
                int index = Math.max(indexOf(files(bold), font), 0);
                return pdf.faces(bold).get(index);
            }

            @Override
            public Font pdfToAwt(BaseFont font, int size) {
                return ChartFonts.this.font(0, false, size);
            }
        };
    }

    /** Compares names as created ("DejaVu Sans Bold"): a field, where the localised font name reads the file. */
    private static int indexOf(List<String> files, Font font) {
        for (int i = 0; i < files.size(); i++) {
            Font made = Awt.made(files.get(i));
            if (made != null && made.getName().equals(font.getName())) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> files(boolean bold) {
        return bold ? Fonts.BOLD : Fonts.REGULAR;
    }
}
