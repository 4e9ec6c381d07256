package briefing.report.excel;

import briefing.change.Figures;
import briefing.change.Restatement;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.ledger.Claim;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import briefing.report.Briefing;
import briefing.report.Figure;
import briefing.report.KeyJudgements;
import briefing.report.Series;
import briefing.report.Words;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.ConditionalFormattingThreshold.RangeType;
import org.apache.poi.ss.usermodel.IconMultiStateFormatting;
import org.apache.poi.ss.usermodel.IconMultiStateFormatting.IconSet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFConditionalFormattingRule;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFSheetConditionalFormatting;

/**
 * The Summary sheet, laid out like the first page of the PDF: title, period and cutoff, key
 * judgements, the caveat, the headline figures across sources with an arrow for the direction of
 * change, and a trend chart per metric.
 */
final class SummarySheet {

    private static final String[] HEADLINE = {"Subject", "Metric", "Low", "High", "Previous low", "Previous high",
            "Change low", "Change high", "Change %", "Status", "Sources"};
    private static final int FIRST_NUMBER = 2;
    private static final int CHANGE_PCT = 8;
    private static final int STATUS = 9;
    private static final int NUMBER_WIDTH = 13;
    private static final float HEADING_POINTS = 18f;
    private static final float TITLE_POINTS = 22f;

    private final XSSFSheet sheet;
    private final Styles styles;
    private int nextRow;

    private SummarySheet(XSSFSheet sheet, Styles styles) {
        this.sheet = sheet;
        this.styles = styles;
    }

    /** Fills the sheet; returns its charts, which go into the file as parts of their own. */
    static ChartParts write(XSSFSheet sheet, Styles styles, Briefing briefing, TrendLayout trend) {
        return new SummarySheet(sheet, styles).write(briefing, trend);
    }

    /** The previous period's figures that late claims or corrections moved since its briefing, one line each. */
    private void restatements(Briefing briefing) {
        if (briefing.restatements().isEmpty()) {
            return;
        }
        nextRow++;
        heading("Restated since the " + briefing.figures().period().previous().label() + " briefing (figures as known at "
                + briefing.previousCutoff() + ")");
        Map<SeriesKey, SeriesValue> previousValues = Series.previousValues(briefing.figures());
        for (Restatement r : briefing.restatements()) {
            String source = r.key().isAll() ? "range across sources" : r.key().source();
            String before = r.asReported() == null ? "no figure" : Figure.range(r.asReported());
            SeriesValue behind = r.key().isAll() ? null : previousValues.get(r.key());
            String record = behind == null ? "" : " (record " + behind.recordId() + ", "
                    + Words.reported(behind) + ")";
            paragraph("\u2022 " + r.key().metric().label() + ", " + source + ": " + before + " as reported, "
                    + Figure.range(r.now()) + " now" + record + ".", styles.paragraph);
        }
    }

    /** The subjects of the briefing, for its title. */
    static String subjects(Figures figures) {
        String subjects = figures.changes().stream().map(c -> c.key().subject()).distinct()
                .collect(Collectors.joining("; "));
        return subjects.isEmpty() ? "No figures" : subjects;
    }

    private ChartParts write(Briefing briefing, TrendLayout trend) {
        Figures figures = briefing.figures();
        List<SeriesChange> headline = figures.changes().stream().filter(c -> c.key().isAll()).toList();
        setColumnWidths(headline);
        Period period = figures.period();
        line(subjects(figures), styles.title).setHeightInPoints(TITLE_POINTS);
        line("Briefing " + period.label(), styles.subtitle).setHeightInPoints(HEADING_POINTS);
        line(periodWords(period) + " " + period.start() + " to " + period.end(), styles.muted);
        line("Figures as known at " + briefing.cutoff() + " (UTC)", styles.muted);
        line(Figure.number(figures.newClaims().size()) + " new claims this period (sheet New claims); "
                + Figure.number(briefing.rejections().size()) + " input rows rejected (sheet Rejected).", styles.muted);
        nextRow++;
        heading("Key judgements");
        for (String judgement : KeyJudgements.of(briefing)) {
            paragraph("\u2022 " + judgement, styles.paragraph);
        }
        restatements(briefing);
        nextRow++;
        paragraph(Briefing.CAVEAT, styles.caveat);
        nextRow++;
        heading("Headline figures: range across sources");
        headlineTable(headline);
        DataSheet.printLandscapeOnePageWide(sheet);
        if (headline.isEmpty()) {
            return ChartParts.NONE;
        }
        // The charts begin a printed page of their own, as in the PDF.
        sheet.setRowBreak(nextRow);
        nextRow++;
        heading("Trend by source, last " + figures.trend().periods().size() + " periods (a range's high dashed; numbers on the Trend sheet)");
        return TrendCharts.draw(sheet, nextRow, HEADLINE.length, trend, figures.trend());
    }

    private void headlineTable(List<SeriesChange> headline) {
        XSSFRow header = sheet.createRow(nextRow++);
        for (int i = 0; i < HEADLINE.length; i++) {
            XSSFCellStyle style = i < FIRST_NUMBER ? styles.header
                    : i == STATUS ? styles.headerCentered : styles.headerRight;
            cell(header, i, HEADLINE[i], style);
        }
        List<CellRangeAddress> arrows = new ArrayList<>();
        for (SeriesChange change : headline) {
            XSSFRow row = sheet.createRow(nextRow++);
            cell(row, 0, change.key().subject(), styles.text);
            cell(row, 1, change.key().metric().label(), styles.text);
            number(row, 2, change.value().range().low(), styles.integer);
            number(row, 3, change.value().range().high(), styles.integer);
            if (change.previous() != null) {
                number(row, 4, change.previous().range().low(), styles.integer);
                number(row, 5, change.previous().range().high(), styles.integer);
                number(row, 6, change.changeLow(), styles.signedInteger);
                number(row, 7, change.changeHigh(), styles.signedInteger);
            }
            if (change.changePct() != null) {
                row.createCell(CHANGE_PCT).setCellValue(change.changePct().doubleValue());
                row.getCell(CHANGE_PCT).setCellStyle(styles.signedPercent);
                arrows.add(new CellRangeAddress(row.getRowNum(), row.getRowNum(), CHANGE_PCT, CHANGE_PCT));
            }
            cell(row, STATUS, change.status().code(), styles.centered);
            long sources = change.value().records().stream().map(Claim::source).distinct().count();
            number(row, STATUS + 1, sources, styles.integer);
        }
        if (!arrows.isEmpty()) {
            addArrows(arrows.toArray(CellRangeAddress[]::new));
        }
    }

    /** Grey arrows: down below zero, level at zero, up above (changes have one decimal, so above means 0.1 or more). */
    private void addArrows(CellRangeAddress[] cells) {
        XSSFSheetConditionalFormatting formatting = sheet.getSheetConditionalFormatting();
        XSSFConditionalFormattingRule rule = formatting.createConditionalFormattingRule(IconSet.GREY_3_ARROWS);
        IconMultiStateFormatting icons = rule.getMultiStateFormatting();
        icons.getThresholds()[0].setRangeType(RangeType.PERCENT);
        icons.getThresholds()[0].setValue(0d);
        icons.getThresholds()[1].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[1].setValue(0d);
        icons.getThresholds()[2].setRangeType(RangeType.NUMBER);
        icons.getThresholds()[2].setValue(0.05);
        formatting.addConditionalFormatting(cells, rule);
    }

    private void setColumnWidths(List<SeriesChange> headline) {
        int subject = CellText.width(HEADLINE[0]);
        int metric = CellText.width(HEADLINE[1]);
        for (SeriesChange change : headline) {
            subject = Math.max(subject, CellText.width(change.key().subject()));
            metric = Math.max(metric, CellText.width(change.key().metric().label()));
        }
        // One more for the indent of text cells, two for a margin.
        sheet.setColumnWidth(0, (Math.min(subject, 40) + 3) * 256);
        sheet.setColumnWidth(1, (Math.min(metric, 40) + 3) * 256);
        for (int i = FIRST_NUMBER; i < HEADLINE.length; i++) {
            sheet.setColumnWidth(i, NUMBER_WIDTH * 256);
        }
    }

    private int totalWidth() {
        int width = 0;
        for (int i = 0; i < HEADLINE.length; i++) {
            width += sheet.getColumnWidth(i) / 256;
        }
        return width;
    }

    private void heading(String text) {
        line(text, styles.heading).setHeightInPoints(HEADING_POINTS);
    }

    private XSSFRow line(String text, XSSFCellStyle style) {
        XSSFRow row = sheet.createRow(nextRow++);
        cell(row, 0, text, style);
        return row;
    }

    /** Text wrapped across the width of the headline table, the row as high as its lines. */
    private void paragraph(String text, XSSFCellStyle style) {
        XSSFRow row = sheet.createRow(nextRow++);
        cell(row, 0, text, style);
        sheet.addMergedRegion(new CellRangeAddress(row.getRowNum(), row.getRowNum(), 0, HEADLINE.length - 1));
        row.setHeightInPoints(CellText.rowHeight(CellText.lines(text, totalWidth())));
    }

    private static void cell(XSSFRow row, int column, String text, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(CellText.stored(text));
        cell.setCellStyle(style);
    }

    private static void number(XSSFRow row, int column, long value, XSSFCellStyle style) {
        XSSFCell cell = row.createCell(column);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private static String periodWords(Period period) {
        return switch (period.granularity()) {
            case WEEKLY -> "ISO week";
            case MONTHLY -> "Month";
            case QUARTERLY -> "Quarter";
        };
    }
}
