package briefing.report.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.FontSelector;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The embedded fonts of one document (DejaVu Sans for Latin and Cyrillic, Nanum Gothic for Hangul)
 * and the phrases set in them. Fonts are read from the classpath for every document, when a character
 * first needs them, and never taken from OpenPDF's font cache, and each gets a seeded random source,
 * so that the subset names and hence the bytes are the same on every run. Not shareable between documents.
 */
final class Fonts {

    static final List<String> REGULAR = List.of("DejaVuSans.ttf", "NanumGothic.ttf");
    static final List<String> BOLD = List.of("DejaVuSans-Bold.ttf", "NanumGothicBold.ttf");

    private final Faces regular;
    private final Faces bold;
    private final FontRuns regularRuns;
    private final FontRuns boldRuns;
    private final Map<TextStyle, Font> primary = new EnumMap<>(TextStyle.class);
    private final Map<TextStyle, FontSelector> selectors = new EnumMap<>(TextStyle.class);

    private Fonts(Faces regular, Faces bold) {
        this.regular = regular;
        this.bold = bold;
        this.regularRuns = new FontRuns(regular);
        this.boldRuns = new FontRuns(bold);
        for (TextStyle style : TextStyle.values()) {
            primary.put(style, new Font(faces(style.bold()).get(0), style.size(), Font.NORMAL, style.color()));
        }
    }

    static Fonts load() {
        return new Fonts(new Faces(REGULAR), new Faces(BOLD));
    }

    /** The fonts of one weight, in the order they are tried. */
    Faces faces(boolean bold) {
        return bold ? this.bold : regular;
    }

    FontRuns runs(boolean bold) {
        return bold ? boldRuns : regularRuns;
    }

    /** The first font of a style: for paragraph settings and text drawn directly. */
    Font font(TextStyle style) {
        return primary.get(style);
    }

    Phrase phrase(String text, TextStyle style) {
        List<FontRuns.Run> runs = runs(style.bold()).split(text == null ? "" : text);
        String printable = FontRuns.join(runs);
        Phrase phrase;
        if (printable.isBlank()) {
            // FontSelector would give a chunk without a font, which pulls in non-embedded Helvetica.
            phrase = new Phrase(new Chunk(printable, font(style)));
        } else if (runs.size() == 1 && runs.get(0).font() == 0) {
            // What FontSelector gives for text of the first font alone, without loading the others.
            phrase = new Phrase();
            phrase.add(new Chunk(printable, font(style)));
        } else {
            phrase = selectors.computeIfAbsent(style, this::selector).process(printable);
        }
        for (Object element : phrase) {
            if (element instanceof Chunk chunk) {
                chunk.setSplitCharacter(SignKeepingSplit.INSTANCE);
            }
        }
        phrase.setFont(font(style));
        phrase.setLeading(style.leading());
        return phrase;
    }

    /** A clickable phrase that opens {@code url}. */
    Phrase link(String text, String url) {
        Phrase phrase = phrase(text, TextStyle.LINK);
        for (Object element : phrase) {
            if (element instanceof Chunk chunk) {
                chunk.setAnchor(url);
                chunk.setUnderline(0.4f, -1.5f);
            }
        }
        return phrase;
    }

    Paragraph paragraph(String text, TextStyle style) {
        return paragraph(phrase(text, style), style);
    }

    Paragraph paragraph(Phrase phrase, TextStyle style) {
        Paragraph paragraph = new Paragraph(style.leading());
        paragraph.setFont(font(style));
        paragraph.add(phrase);
        return paragraph;
    }

    /**
     * Made only for the styles a document uses: each FontSelector registers OpenPDF's own fallback font,
     * which costs a file read. That fallback is never chosen, as text is first made {@link FontRuns#split} into printable runs.
     */
    private FontSelector selector(TextStyle style) {
        FontSelector selector = new FontSelector();
        Faces faces = faces(style.bold());
        for (int i = 0; i < faces.size(); i++) {
            selector.addFont(new Font(faces.get(i), style.size(), Font.NORMAL, style.color()));
        }
        return selector;
    }

    static BaseFont embed(String file) {
        try (InputStream in = Fonts.class.getResourceAsStream("/fonts/" + file)) {
            if (in == null) {
                throw new IllegalStateException("Font fonts/" + file + " is missing from the classpath");
            }
            BaseFont font = BaseFont.createFont(file, BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, in.readAllBytes(), null);
            font.setSecureRandom(seeded(file));
            return font;
        } catch (IOException | DocumentException e) {
            throw new IllegalStateException("Cannot load font fonts/" + file, e);
        }
    }

    /** A random source that gives the same numbers every run: it only names the font subset. */
    private static SecureRandom seeded(String seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed.getBytes(StandardCharsets.UTF_8));
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA1PRNG is part of every Java runtime", e);
        }
    }
}
