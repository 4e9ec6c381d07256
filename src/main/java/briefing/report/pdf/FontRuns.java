package briefing.report.pdf;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits text into runs that one font can show, trying the fonts in order, so that Latin, Cyrillic
 * and Hangul all print. A character no font has becomes a visible {@code ?} (invisible formatting
 * characters, such as emoji joiners and variation selectors, are dropped instead), because a PDF
 * library would otherwise drop it silently.
 */
final class FontRuns {

    static final char MISSING = '?';

    /** A piece of text and the index of the font that shows all of it. */
    record Run(int font, String text) {
    }

    private final Faces fonts;

    FontRuns(Faces fonts) {
        this.fonts = fonts;
    }

    List<Run> split(String text) {
        List<Run> runs = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int currentFont = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\n') {
                current.append('\n');
                continue;
            }
            if (Character.isISOControl(cp)) {
                cp = ' ';
            }
            int font = currentFont >= 0 && Character.isWhitespace(cp) && fonts.get(currentFont).charExists(cp)
                    ? currentFont : fontOf(cp);
            if (font < 0) {
                if (isInvisible(cp)) {
                    continue;
                }
                cp = MISSING;
                font = fontOf(cp);
            }
            if (font != currentFont && current.length() > 0) {
                runs.add(new Run(Math.max(currentFont, 0), current.toString()));
                current.setLength(0);
            }
            currentFont = font;
            current.appendCodePoint(cp);
        }
        if (current.length() > 0) {
            runs.add(new Run(Math.max(currentFont, 0), current.toString()));
        }
        return runs;
    }

    /** The text of the runs: every character some font can show, what the PDF will really hold. */
    static String join(List<Run> runs) {
        if (runs.size() == 1) {
            return runs.get(0).text();
        }
        StringBuilder out = new StringBuilder();
        runs.forEach(run -> out.append(run.text()));
        return out.toString();
    }

    private int fontOf(int cp) {
        for (int f = 0; f < fonts.size(); f++) {
            if (fonts.get(f).charExists(cp)) {
                return f;
            }
        }
        return -1;
    }

    private static boolean isInvisible(int cp) {
        return Character.getType(cp) == Character.FORMAT
                || (cp >= 0xFE00 && cp <= 0xFE0F)
                || (cp >= 0xE0100 && cp <= 0xE01EF);
    }
}
