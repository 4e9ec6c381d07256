package briefing.report.pdf;

import java.awt.Color;

/** The few colours of the briefing, so that tables, text and charts agree. */
final class Palette {

    static final Color INK = new Color(0x1F, 0x23, 0x28);
    static final Color HEADING = new Color(0x1B, 0x3A, 0x5C);
    static final Color MUTED = new Color(0x5F, 0x67, 0x70);
    static final Color LINK = new Color(0x0B, 0x57, 0xA4);
    static final Color UP = new Color(0xB0, 0x3A, 0x2E);
    static final Color DOWN = new Color(0x1F, 0x6F, 0xB2);
    static final Color RULE = new Color(0xC4, 0xCA, 0xD1);
    static final Color HEADER_FILL = new Color(0xDD, 0xE4, 0xEC);
    static final Color GROUP_FILL = new Color(0xF1, 0xF4, 0xF7);
    static final Color PERIOD_FILL = new Color(0xFF, 0xF3, 0xC4);

    /** Line colours of the sources in a chart, in source order; distinct in print and for most colour-blind readers. */
    static final Color[] SERIES = {
        new Color(0x00, 0x72, 0xB2), new Color(0xD5, 0x5E, 0x00), new Color(0x00, 0x9E, 0x73),
        new Color(0xCC, 0x79, 0xA7), new Color(0x56, 0xB4, 0xE9), new Color(0xE6, 0x9F, 0x00),
        new Color(0x44, 0x44, 0x44), new Color(0xF0, 0xE4, 0x42)
    };

    private Palette() {
    }
}
