package briefing.report.pdf;

import java.awt.Color;

/** The type sizes and colours of the briefing; every piece of text names one. */
enum TextStyle {
    TITLE(18, true, Palette.INK),
    SUBTITLE(11, false, Palette.INK),
    HEADING(12, true, Palette.HEADING),
    BODY(9.5f, false, Palette.INK),
    BODY_BOLD(9.5f, true, Palette.INK),
    TABLE(8.5f, false, Palette.INK),
    TABLE_BOLD(8.5f, true, Palette.INK),
    SMALL(7.5f, false, Palette.MUTED),
    LINK(8.5f, false, Palette.LINK),
    UP(8.5f, true, Palette.UP),
    DOWN(8.5f, true, Palette.DOWN),
    FLAT(8.5f, true, Palette.MUTED),
    FRAME(7.5f, false, Palette.MUTED);

    private final float size;
    private final boolean bold;
    private final Color color;

    TextStyle(float size, boolean bold, Color color) {
        this.size = size;
        this.bold = bold;
        this.color = color;
    }

    float size() {
        return size;
    }

    boolean bold() {
        return bold;
    }

    Color color() {
        return color;
    }

    /** Line height for this size: a little looser than the font's own, for small print on paper. */
    float leading() {
        return size * 1.3f;
    }
}
