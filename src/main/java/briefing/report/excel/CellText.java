package briefing.report.excel;

import java.util.regex.Pattern;

/**
 * Text as a cell stores and shows it: made safe for the file format, and measured in widths of a
 * digit (Excel's unit for column widths) so that widths and row heights can be computed instead of
 * taken from the fonts of the machine. The measure is an estimate for a proportional font such as
 * Calibri: narrow letters count half, capitals and East Asian characters more than a digit.
 */
final class CellText {

    /** The most characters a cell holds. */
    static final int MAX_LENGTH = 32_767;
    private static final float LINE_POINTS = 15f;
    /** The highest row Excel allows. */
    private static final float MAX_ROW_POINTS = 409f;

    // Excel reads "_xHHHH_" in a string as an escaped character; "_x005F" escapes the underscore.
    private static final Pattern ESCAPE_LOOKALIKE = Pattern.compile("_(x[0-9A-Fa-f]{4}_)");
    private static final String NARROW = "ijlI.,:;'|! ";
    private static final String SLIM = "ftr()[]{}-/\\\"";
    private static final String BROAD = "mwMW@%";
    /** The weights of the ASCII characters, looked up instead of worked out for every character measured. */
    private static final double[] ASCII_WEIGHTS = new double[128];

    static {
        for (int c = 0; c < ASCII_WEIGHTS.length; c++) {
            ASCII_WEIGHTS[c] = weigh(c);
        }
    }

    private CellText() {
    }

    /** The text to store so that a reader gets back what was given (cut with an ellipsis when too long). */
    static String stored(String text) {
        String escaped = text.indexOf("_x") < 0 ? text : ESCAPE_LOOKALIKE.matcher(text).replaceAll("_x005F_$1");
        if (escaped.length() <= MAX_LENGTH) {
            return escaped;
        }
        return escaped.substring(0, MAX_LENGTH - 1) + "\u2026";
    }

    /** The width of the widest line, rounded up. */
    static int width(String text) {
        double widest = 0;
        int start = 0;
        for (int end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
            widest = Math.max(widest, measure(text, start, end));
            start = end + 1;
        }
        return (int) Math.ceil(Math.max(widest, measure(text, start, text.length())));
    }

    /** How many lines the text takes when wrapped at spaces in a column {@code columnWidth} digits wide. */
    static int lines(String text, int columnWidth) {
        double usable = Math.max(1, columnWidth - 1);
        if (text.indexOf('\n') < 0 && measure(text) <= usable) {
            return 1;
        }
        double space = measure(" ");
        int lines = 0;
        for (String paragraph : text.split("\n", -1)) {
            lines++;
            double used = 0;
            for (String word : paragraph.split(" ")) {
                double width = measure(word);
                if (used > 0 && used + space + width > usable) {
                    lines++;
                    used = width;
                } else {
                    used += (used > 0 ? space : 0) + width;
                }
                // A word longer than the line is broken anywhere.
                while (used > usable) {
                    lines++;
                    used -= usable;
                }
            }
        }
        return lines;
    }

    /** The height of a row of 11-point text with this many lines. */
    static float rowHeight(int lines) {
        return Math.min(lines * LINE_POINTS, MAX_ROW_POINTS);
    }

    private static double measure(String text) {
        return measure(text, 0, text.length());
    }

    private static double measure(String text, int start, int end) {
        double width = 0;
        for (int i = start; i < end; ) {
            char c = text.charAt(i);
            if (c < ASCII_WEIGHTS.length) {
                width += ASCII_WEIGHTS[c];
                i++;
            } else {
                int codePoint = text.codePointAt(i);
                width += weigh(codePoint);
                i += Character.charCount(codePoint);
            }
        }
        return width;
    }

    private static double weigh(int c) {
        if (isWide(c)) {
            return 2;
        }
        if (c >= '0' && c <= '9') {
            return 1;
        }
        if (NARROW.indexOf(c) >= 0) {
            return 0.5;
        }
        if (SLIM.indexOf(c) >= 0) {
            return 0.65;
        }
        if (BROAD.indexOf(c) >= 0) {
            return 1.5;
        }
        return Character.isUpperCase(c) ? 1.15 : 0.95;
    }

    private static boolean isWide(int c) {
        return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3)
                || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60)
                || (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    }
}
