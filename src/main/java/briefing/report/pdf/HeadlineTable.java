package briefing.report.pdf;

import briefing.report.Words;
import briefing.report.Series;
import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.ledger.Claim;
import briefing.period.Period;
import briefing.report.Briefing;
import com.lowagie.text.Element;
import com.lowagie.text.Rectangle;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import java.util.List;

/**
 * The headline table: per subject and metric, the range across sources, its change with an
 * up/down/flat marker, its status, how many sources stand behind it and how old its newest claim is.
 * At most {@value #ROWS} rows, those that moved most (the Summary sheet of the workbook has all).
 */
final class HeadlineTable implements Section {

    static final int ROWS = 20;
    private static final int COLUMNS = 6;
    private static final float[] WIDTHS = {24, 19, 23, 10, 9, 15};

    @Override
    public void addTo(Layout layout, Briefing briefing) {
        Figures figures = briefing.figures();
        Period period = figures.period();
        String unit = Words.unit(period);
        layout.heading("Headline figures", 80);
        Shortlist<SeriesChange> rows = Shortlist.of(Series.acrossSources(figures), ROWS, Shortlist.MOST_MOVED);
        if (rows.shown().isEmpty()) {
            layout.paragraph("No figures are known at the end of this " + unit + ".", TextStyle.BODY);
            return;
        }
        PdfPTable table = layout.table(new String[] {"Metric", "Range across sources", "Change on previous " + unit,
                "Status", "Sources", "Days since newest claim"}, WIDTHS, 1, 2, 4, 5);
        boolean manySubjects = Series.subjects(figures).size() > 1;
        String subject = null;
        PdfPTable group = null;
        for (SeriesChange row : rows.shown()) {
            if (manySubjects && !row.key().subject().equals(subject)) {
                subject = row.key().subject();
                group = new PdfPTable(WIDTHS);
                group.setWidthPercentage(100);
                group.addCell(layout.group(subject, COLUMNS));
            }
            PdfPTable rowsOf = group == null ? table : group;
            // an increment series adds up what was sent in windows: not a total since the deployment began
            rowsOf.addCell(layout.lines(Words.metric(row.key().metric()), TextStyle.TABLE_BOLD,
                    row.value().records().stream().allMatch(Claim::isIncrement) ? "sum of increments" : null));
            rowsOf.addCell(layout.number(Words.figure(row.value())));
            rowsOf.addCell(change(layout, row));
            rowsOf.addCell(layout.text(row.status().code()));
            rowsOf.addCell(layout.number(Integer.toString(Series.sourcesOf(figures, row.key()).size())));
            long days = Words.daysBefore(row.value().latestReportedOn(), period.end());
            rowsOf.addCell(layout.number(Long.toString(days)));
            // the title with its first row, the others as rows of their own
            addGroup(table, group);
            group = null;
        }
        layout.add(table);
        layout.more(rows.more("figures (those that moved least)", "the Summary sheet"));
        layout.paragraph("Range across sources: from the lowest to the highest of the sources' latest figures. "
                + "Change: of the low / of the high; the arrow and the percentage follow the midpoint of the range. "
                + "Status: new = a claim made this " + unit + " is behind the figure; carried = nothing new this "
                + unit + "; first = no figure at the end of the previous " + unit + ". "
                + "Days since newest claim: counted to the last day of the " + unit + ", " + Words.day(period.end()) + ".",
                TextStyle.SMALL);
        layout.paragraph(Briefing.CAVEAT, TextStyle.SMALL);
    }

    /** A subject's title and first row as one row of the table, so that a page break never leaves the title alone. */
    private static void addGroup(PdfPTable table, PdfPTable group) {
        if (group == null) {
            return;
        }
        PdfPCell whole = new PdfPCell(group);
        whole.setColspan(COLUMNS);
        whole.setBorder(Rectangle.NO_BORDER);
        whole.setPadding(0);
        table.addCell(whole);
    }

    /** "▲ +300 (+100.0%)", "▬ no change" or "first figure", the marker coloured by direction. */
    static PdfPCell change(Layout layout, SeriesChange change) {
        Words.Direction direction = Words.direction(change);
        Fonts fonts = layout.fonts();
        TextStyle markerStyle = switch (direction) {
            case UP -> TextStyle.UP;
            case DOWN -> TextStyle.DOWN;
            case FLAT, FIRST -> TextStyle.FLAT;
        };
        Phrase phrase = fonts.phrase(direction.marker() + " ", markerStyle);
        String text = switch (direction) {
            case FIRST -> "first figure";
            case FLAT -> "no change";
            default -> Words.change(change);
        };
        phrase.add(fonts.phrase(text, direction == Words.Direction.FIRST ? TextStyle.SMALL : TextStyle.TABLE));
        PdfPCell cell = layout.cell(phrase);
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }
}
