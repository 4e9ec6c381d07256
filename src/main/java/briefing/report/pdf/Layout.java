package briefing.report.pdf;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

/**
 * The building blocks every section uses: headings, paragraphs, and tables with a shaded header,
 * thin rules and right-aligned numbers. Text that holds right-to-left script is laid out with the
 * bidirectional algorithm so that it reads in order.
 */
final class Layout {

    private static final float CELL_PADDING = 3f;

    private final Document document;
    private final PdfWriter writer;
    private final Fonts fonts;

    Layout(Document document, PdfWriter writer, Fonts fonts) {
        this.document = document;
        this.writer = writer;
        this.fonts = fonts;
    }

    Fonts fonts() {
        return fonts;
    }

    PdfWriter writer() {
        return writer;
    }

    float width() {
        return document.right() - document.left();
    }

    void add(Element element) {
        document.add(element);
    }

    /** A section heading, moved to the next page when less than {@code keepWithNext} points would follow it. */
    void heading(String text, float keepWithNext) {
        if (writer.getVerticalPosition(true) - document.bottom() < keepWithNext + 30) {
            document.newPage();
        }
        Paragraph heading = fonts.paragraph(text, TextStyle.HEADING);
        heading.setSpacingBefore(10);
        heading.setSpacingAfter(4);
        document.add(heading);
    }

    void paragraph(String text, TextStyle style) {
        paragraph(text, style, 3);
    }

    /** The line that ends a shortened list, saying where the rest is ({@link Shortlist#more}); nothing when none was left out. */
    void more(String line) {
        if (line != null) {
            paragraph(line, TextStyle.BODY, 6);
        }
    }

    /** A paragraph; one with right-to-left script goes in a borderless cell, where OpenPDF applies the bidi algorithm. */
    void paragraph(String text, TextStyle style, float spacingAfter) {
        if (!hasRightToLeft(text)) {
            Paragraph paragraph = fonts.paragraph(text, style);
            paragraph.setSpacingAfter(spacingAfter);
            document.add(paragraph);
            return;
        }
        PdfPTable box = new PdfPTable(1);
        box.setWidthPercentage(100);
        box.setSpacingAfter(spacingAfter);
        PdfPCell cell = text(text, style);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setPadding(0);
        cell.setPaddingBottom(2);
        box.addCell(cell);
        document.add(box);
    }

    /**
     * A full-width table whose first row is a shaded header, repeated on every page it runs over.
     * The headers of {@code numericColumns} are right-aligned like the numbers below them.
     */
    PdfPTable table(String[] headers, float[] widths, int... numericColumns) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setSpacingBefore(3);
        table.setSpacingAfter(6);
        table.setHeaderRows(1);
        for (int i = 0; i < headers.length; i++) {
            PdfPCell cell = cell(fonts.phrase(headers[i], TextStyle.TABLE_BOLD));
            cell.setBackgroundColor(Palette.HEADER_FILL);
            cell.setBorder(Rectangle.NO_BORDER);
            for (int numeric : numericColumns) {
                if (numeric == i) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
            }
            table.addCell(cell);
        }
        return table;
    }

    PdfPCell text(String text) {
        return text(text, TextStyle.TABLE);
    }

    PdfPCell text(String text, TextStyle style) {
        PdfPCell cell = cell(fonts.phrase(text, style));
        if (hasRightToLeft(text)) {
            cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        }
        return cell;
    }

    PdfPCell number(String text) {
        PdfPCell cell = cell(fonts.phrase(text, TextStyle.TABLE));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        return cell;
    }

    /** A row across the whole table that names the group of rows below it. */
    PdfPCell group(String text, int columns) {
        PdfPCell cell = text(text, TextStyle.TABLE_BOLD);
        cell.setColspan(columns);
        cell.setBackgroundColor(Palette.GROUP_FILL);
        return cell;
    }

    PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.BOTTOM);
        cell.setBorderColor(Palette.RULE);
        cell.setBorderWidth(0.5f);
        cell.setPadding(CELL_PADDING);
        cell.setPaddingBottom(CELL_PADDING + 1);
        cell.setUseAscender(true);
        cell.setLeading(0, 1.25f);
        return cell;
    }

    /** A cell with a main line and, in small print below it, details such as where a claim came from; empty details are left out. */
    PdfPCell lines(String main, TextStyle style, String... details) {
        Paragraph paragraph = new Paragraph();
        paragraph.setFont(fonts.font(TextStyle.TABLE));
        paragraph.setLeading(0, 1.25f);
        paragraph.add(fonts.phrase(main, style));
        StringBuilder all = new StringBuilder(main == null ? "" : main);
        for (String detail : details) {
            if (detail != null && !detail.isBlank()) {
                paragraph.add(fonts.phrase("\n" + detail, TextStyle.SMALL));
                all.append(detail);
            }
        }
        PdfPCell cell = cell(null);
        cell.addElement(paragraph);
        if (hasRightToLeft(all.toString())) {
            cell.setRunDirection(PdfWriter.RUN_DIRECTION_LTR);
        }
        return cell;
    }

    static boolean hasRightToLeft(String text) {
        if (text == null) {
            return false;
        }
        return text.codePoints().anyMatch(cp -> {
            byte d = Character.getDirectionality(cp);
            return d == Character.DIRECTIONALITY_RIGHT_TO_LEFT || d == Character.DIRECTIONALITY_RIGHT_TO_LEFT_ARABIC;
        });
    }
}
