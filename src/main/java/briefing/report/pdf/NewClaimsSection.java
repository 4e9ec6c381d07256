package briefing.report.pdf;

import briefing.report.Words;
import briefing.change.Range;
import briefing.ledger.Claim;
import briefing.period.Period;
import briefing.report.Briefing;
import briefing.report.Figure;
import briefing.report.Series;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import briefing.change.SeriesChange;
import briefing.change.Status;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The claims made public inside the period, with their citations (web addresses as links), and the
 * corrections among them next to the records they replace. At most {@value #CLAIMS} claims, those
 * behind the figures that moved most, and {@value #CORRECTIONS} corrections, in the order received;
 * the workbook's New claims sheet has them all.
 */
final class NewClaimsSection implements Section {

    static final int CLAIMS = 20;
    static final int CORRECTIONS = 10;

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
        Shortlist<Claim> shown = Shortlist.of(claims, CLAIMS, byMovementBehind(briefing));
        PdfPTable table = layout.table(new String[] {"Reported", "Source and conduit", "Claim", "Citation", "Note"},
                new float[] {10, 20, 19, 29, 22});
        String citationAbove = null;
        for (Claim claim : shown.shown()) {
            table.addCell(layout.text(Words.shortDay(claim.reportedOn())));
            table.addCell(layout.lines(claim.source(), TextStyle.TABLE, via(claim.conduit())));
            table.addCell(layout.lines(metricAndFigure(claim), TextStyle.TABLE_BOLD, when(claim),
                    claim.supersedes() == null ? null : "corrects " + claim.supersedes()));
            // one article often makes several claims: its long reference once, not a page of repeats
            boolean sameAsAbove = claim.citation() != null && claim.citation().equals(citationAbove);
            table.addCell(sameAsAbove ? layout.text("as above", TextStyle.SMALL) : citation(layout, claim.citation()));
            citationAbove = claim.citation();
            table.addCell(layout.text(claim.note()));
        }
        layout.add(table);
        layout.more(shown.more("new claims (behind the figures that moved least)", "the 'New claims' sheet"));
        corrections(layout, briefing, unit);
    }

    private static void corrections(Layout layout, Briefing briefing, String unit) {
        Shortlist<Claim> corrections = Shortlist.first(
                briefing.figures().newClaims().stream().filter(c -> c.supersedes() != null).toList(), CORRECTIONS);
        if (corrections.shown().isEmpty()) {
            layout.paragraph("No corrections received this " + unit + ".", TextStyle.BODY);
            return;
        }
        layout.heading("Corrections received this " + unit, 60);
        // only the records replaced, among the records behind the figures and the new claims (the latter win)
        Set<String> replacedIds = corrections.shown().stream().map(Claim::supersedes).collect(Collectors.toSet());
        Map<String, Claim> known = new HashMap<>();
        for (List<Claim> claims : List.of(briefing.figures().recordsBehind(), briefing.figures().newClaims())) {
            for (Claim claim : claims) {
                if (replacedIds.contains(claim.recordId())) {
                    known.put(claim.recordId(), claim);
                }
            }
        }
        PdfPTable table = layout.table(new String[] {"Reported", "Source", "Corrected figure", "Replaces"},
                new float[] {12, 28, 28, 32});
        for (Claim correction : corrections.shown()) {
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
        layout.more(corrections.more("corrections", "the 'New claims' sheet (column replaces)"));
    }

    /**
     * Claims behind a figure of the period first, the larger that figure's move the earlier; then the
     * others. A claim behind several figures counts by the one that moved most.
     */
    private static Comparator<Claim> byMovementBehind(Briefing briefing) {
        Map<String, Double> movement = new HashMap<>();
        for (SeriesChange change : briefing.figures().changes()) {
            if (!change.key().isAll() && change.status() != Status.CARRIED) {
                double moved = Series.movement(change);
                change.value().records().forEach(c -> movement.merge(c.recordId(), moved, Math::max));
            }
        }
        return Comparator.comparingDouble((Claim c) -> movement.getOrDefault(c.recordId(), -1.0)).reversed();
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
