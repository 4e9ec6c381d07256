package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.period.Period;
import briefing.report.Briefing;
import com.lowagie.text.Document;
import java.util.LinkedHashSet;
import java.util.Set;

/** The titles of the document: its metadata, its page header and its footer, all from the briefing. */
record DocumentInfo(String title, String subjects, String dates, String cutoff) {

    private static final int HEADER_LENGTH = 90;

    static DocumentInfo of(Briefing briefing) {
        Figures figures = briefing.figures();
        Set<String> subjects = Series.subjects(figures);
        String subjectLine = subjects.isEmpty() ? "No figures known yet" : String.join("; ", subjects);
        Period period = figures.period();
        return new DocumentInfo("Briefing " + period.label(), subjectLine, Words.span(period),
                "figures as known at " + briefing.cutoff() + " (UTC)");
    }

    /** Sets title, subject, keywords, author and creator; call before the document is opened. */
    void describe(Document document, Briefing briefing) {
        Figures figures = briefing.figures();
        Set<String> keywords = new LinkedHashSet<>();
        keywords.add(Briefing.PRODUCT);
        keywords.add(figures.period().label());
        keywords.add(figures.period().granularity().folder());
        keywords.addAll(Series.subjects(figures));
        for (SeriesChange change : Series.inReadingOrder(figures)) {
            keywords.add(change.key().metric().label());
        }
        document.addTitle(title + ": " + subjects);
        document.addSubject("Claims about " + subjects + ", " + dates + "; " + cutoff);
        document.addKeywords(String.join(", ", keywords));
        document.addAuthor(Briefing.PRODUCT);
        document.addCreator(Briefing.PRODUCT);
    }

    /** Title and subjects, cut short so that they never run into the dates on the right. */
    String header() {
        String header = title + " \u00B7 " + subjects;
        if (header.codePointCount(0, header.length()) <= HEADER_LENGTH) {
            return header;
        }
        return header.substring(0, header.offsetByCodePoints(0, HEADER_LENGTH - 1)) + "\u2026";
    }

    String footer() {
        return cutoff + " \u00B7 claims, not verified counts";
    }
}
