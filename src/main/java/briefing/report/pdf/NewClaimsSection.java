package briefing.report.pdf;

import briefing.report.Words;
import briefing.change.Range;
import briefing.ledger.Claim;
import briefing.period.Period;
import briefing.report.Briefing;
import briefing.report.Figure;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The claims made public inside the period, with their citations (web addresses as links), and the
 * corrections among them next to the records they replace.
 */
final class NewClaimsSection implements Section {

    private static final Pattern URL = Pattern.compile("https?://[^\\s<>\"]+[^\\s<>\".,;:!?)\\]']");

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        Period period = briefing.figures().period();
        String unit = Words.unit(period);
        List<Claim> claims = briefing.figures().newClaims();
        layout.heading("New claims this " + unit, claims.isEmpty() ? 20 : 80);
        if (claims.isEmpty()) {
            layout.paragraph("No new claims this " + unit + ".", TextStyle.BODY);
            return;
        }
        PdfPTable table = layout.table(new String[] {"Reported", "Source and conduit", "Claim", "Citation", "Note"},
                new float[] {10, 20, 19, 29, 22});
        for (Claim claim : claims) {
            table.addCell(layout.text(Words.shortDay(claim.reportedOn())));
            table.addCell(layout.lines(claim.source(), TextStyle.TABLE, via(claim.conduit())));
            table.addCell(layout.lines(metricAndFigure(claim), TextStyle.TABLE_BOLD, when(claim),
                    claim.supersedes() == null ? null : "corrects " + claim.supersedes()));
            table.addCell(citation(layout, claim.citation()));
            table.addCell(layout.text(claim.note()));
        }
        layout.add(table);
        corrections(layout, briefing, unit);
    }

    private static void corrections(Layout layout, Briefing briefing, String unit) {
        List<Claim> corrections = briefing.figures().newClaims().stream().filter(c -> c.supersedes() != null).toList();
        if (corrections.isEmpty()) {
            layout.paragraph("No corrections received this " + unit + ".", TextStyle.BODY);
            return;
        }
        layout.heading("Corrections received this " + unit, 60);
        Map<String, Claim> known = new LinkedHashMap<>();
        briefing.figures().recordsBehind().forEach(c -> known.put(c.recordId(), c));
        briefing.figures().newClaims().forEach(c -> known.put(c.recordId(), c));
        PdfPTable table = layout.table(new String[] {"Reported", "Source", "Corrected figure", "Replaces"},
                new float[] {12, 28, 28, 32});
        for (Claim correction : corrections) {
            Claim replaced = known.get(correction.supersedes());
            table.addCell(layout.text(Words.shortDay(correction.reportedOn())));
            table.addCell(layout.text(correction.source()));
            table.addCell(layout.lines(metricAndFigure(correction), TextStyle.TABLE, when(correction)));
            table.addCell(replaced == null
                    ? layout.text("record " + correction.supersedes())
                    : layout.lines(metricAndFigure(replaced), TextStyle.TABLE,
                            "record " + replaced.recordId() + ", reported " + Words.shortDay(replaced.reportedOn())));
        }
        layout.add(table);
    }

    /** "killed: about 300". */
    static String metricAndFigure(Claim claim) {
        return claim.metric().label() + ": " + Figure.inWords(new Range(claim.valueLow(), claim.valueHigh()), claim.qualifier());
    }

    private static String when(Claim claim) {
        if (claim.isIncrement()) {
            return "added " + Words.shortDay(claim.windowStart()) + " - " + Words.shortDay(claim.asOf());
        }
        return claim.asOf().equals(claim.reportedOn()) ? "" : "as of " + Words.shortDay(claim.asOf());
    }

    private static String via(String conduit) {
        return conduit == null ? null : "via " + conduit;
    }

    /** The citation with every web address in it as a link. */
    private static PdfPCell citation(Layout layout, String citation) {
        if (citation == null) {
            return layout.text("");
        }
        Matcher urls = URL.matcher(citation);
        if (!urls.find()) {
            return layout.text(citation);
        }
        Fonts fonts = layout.fonts();
        Phrase phrase = new Phrase();
        phrase.setFont(fonts.font(TextStyle.TABLE));
        phrase.setLeading(TextStyle.TABLE.leading());
        int start = 0;
        do {
            if (urls.start() > start) {
                phrase.add(fonts.phrase(citation.substring(start, urls.start()), TextStyle.TABLE));
            }
            phrase.add(fonts.link(urls.group(), urls.group()));
            start = urls.end();
        } while (urls.find());
        if (start < citation.length()) {
            phrase.add(fonts.phrase(citation.substring(start), TextStyle.TABLE));
        }
        return layout.cell(phrase);
    }
}
