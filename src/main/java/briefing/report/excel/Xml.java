package briefing.report.excel;

/** Text made safe for XML element content. */
final class Xml {

    private Xml() {
    }

    /** Appends {@code text} escaped; a character XML cannot hold (a control character) becomes "?". */
    static void text(StringBuilder xml, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> xml.append("&lt;");
                case '>' -> xml.append("&gt;");
                case '&' -> xml.append("&amp;");
                case '\r' -> xml.append("&#xd;");
                default -> xml.append(c < ' ' && c != '\n' && c != '\t' || c == '\uFFFE' || c == '\uFFFF' ? '?' : c);
            }
        }
    }
}
