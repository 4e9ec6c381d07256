package briefing.report.pdf;

import com.lowagie.text.pdf.BaseFont;
import java.util.List;

/**
 * The embedded fonts of one weight of one document, in the order they are tried for a character.
 * Each is read from the classpath only when first asked for: a briefing without Hangul never parses
 * the 4.6 MB Nanum Gothic, and an unused font is not embedded either way, so the bytes do not change.
 * Not thread-safe, like the document it belongs to.
 */
final class Faces {

    private final List<String> files;
    private final BaseFont[] loaded;

    Faces(List<String> files) {
        this.files = List.copyOf(files);
        this.loaded = new BaseFont[files.size()];
    }

    int size() {
        return loaded.length;
    }

    BaseFont get(int index) {
        if (loaded[index] == null) {
            loaded[index] = Fonts.embed(files.get(index));
        }
        return loaded[index];
    }
}
