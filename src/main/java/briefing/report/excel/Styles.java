package briefing.report.excel;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FontFamily;
import org.apache.poi.ss.usermodel.FontScheme;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The cell styles of one workbook, created once: a workbook holds at most 64,000 styles. */
final class Styles {

    static final String INTEGER = "#,##0";
    static final String SIGNED_INTEGER = "+#,##0;-#,##0;0";
    static final String PERCENT = "0.0";
    static final String SIGNED_PERCENT = "+0.0;-0.0;0.0";
    static final String DATE = "yyyy-mm-dd";

    private static final int HEADER_FILL = 0xDDE4EE;
    private static final int MUTED = 0x595959;
    private static final int LINK = 0x0563C1;

    private final XSSFWorkbook workbook;

    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle muted;
    final XSSFCellStyle heading;
    final XSSFCellStyle paragraph;
    final XSSFCellStyle caveat;
    final XSSFCellStyle header;
    final XSSFCellStyle headerRight;
    final XSSFCellStyle headerCentered;
    final XSSFCellStyle bool;
    final XSSFCellStyle centered;
    final XSSFCellStyle text;
    final XSSFCellStyle wrapped;
    final XSSFCellStyle link;
    final XSSFCellStyle integer;
    final XSSFCellStyle plainInteger;
    final XSSFCellStyle signedInteger;
    final XSSFCellStyle percent;
    final XSSFCellStyle signedPercent;
    final XSSFCellStyle date;

    Styles(XSSFWorkbook workbook) {
        this.workbook = workbook;
        // The default font names a theme font, which a workbook without a theme part leaves to the reader's choice.
        workbook.getFontAt(0).setScheme(FontScheme.NONE);
        title = style(font(16, true, false, null), false);
        subtitle = style(font(12, true, false, null), false);
        muted = style(font(11, false, false, MUTED), false);
        heading = style(font(12, true, false, null), false);
        paragraph = style(null, true);
        caveat = style(font(11, false, true, MUTED), true);
        header = indented(header(font(11, true, false, null)));
        headerRight = header(header.getFont());
        headerRight.setAlignment(HorizontalAlignment.RIGHT);
        text = indented(style(null, false));
        centered = style(null, false);
        centered.setAlignment(HorizontalAlignment.CENTER);
        headerCentered = header(header.getFont());
        headerCentered.setAlignment(HorizontalAlignment.CENTER);
        bool = style(null, false);
        bool.setAlignment(HorizontalAlignment.CENTER);
        // LibreOffice shows a boolean cell as the number its format makes of it; Excel ignores the format.
        bool.setDataFormat(workbook.createDataFormat().getFormat("\"TRUE\";\"TRUE\";\"FALSE\""));
        wrapped = indented(style(null, true));
        XSSFFont linkFont = font(11, false, false, LINK);
        linkFont.setUnderline(Font.U_SINGLE);
        link = indented(style(linkFont, true));
        integer = numbers(INTEGER);
        plainInteger = numbers("0");
        signedInteger = numbers(SIGNED_INTEGER);
        percent = numbers(PERCENT);
        signedPercent = numbers(SIGNED_PERCENT);
        date = numbers(DATE);
    }

    private XSSFCellStyle header(XSSFFont font) {
        XSSFCellStyle style = style(font, false);
        style.setFillForegroundColor(argb(HEADER_FILL));
        style.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        style.setBorderBottom(BorderStyle.THIN);
        return style;
    }

    private static XSSFColor argb(int rgb) {
        return new XSSFColor(new byte[] {(byte) 0xFF, (byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb});
    }

    /** Text set off by one character, so that it does not touch a right-aligned number in the column before. */
    private static XSSFCellStyle indented(XSSFCellStyle style) {
        style.setAlignment(HorizontalAlignment.LEFT);
        style.setIndention((short) 1);
        return style;
    }

    private XSSFCellStyle numbers(String format) {
        XSSFCellStyle style = style(null, false);
        style.setDataFormat(workbook.createDataFormat().getFormat(format));
        return style;
    }

    private XSSFCellStyle style(XSSFFont font, boolean wrap) {
        XSSFCellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        style.setWrapText(wrap);
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private XSSFFont font(int points, boolean bold, boolean italic, Integer color) {
        XSSFFont font = workbook.createFont();
        // Name and family as the workbook's default font, so that every cell falls back to the same font without Calibri.
        font.setFontName(XSSFFont.DEFAULT_FONT_NAME);
        font.setFamily(FontFamily.SWISS);
        font.setFontHeightInPoints((short) points);
        font.setBold(bold);
        font.setItalic(italic);
        if (color != null) {
            font.setColor(argb(color));
        }
        return font;
    }
}
