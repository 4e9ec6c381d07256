package briefing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.Basis;
import briefing.ledger.Claim;
import briefing.ledger.Metric;
import briefing.ledger.Qualifier;
import briefing.ledger.Rejection;
import briefing.report.Briefing;
import briefing.report.SampleBriefings;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ExcelBriefingWriterTests {

    private static final List<String> CHANGES_COLUMNS = List.of("period", "period_start", "period_end", "subject",
            "metric", "source", "derived", "value_low", "value_high", "previous_low", "previous_high", "change_low",
            "change_high", "change_pct", "status", "record_id", "as_of", "reported_on");
    private static final String SUBJECT = "DPRK forces in Russia";
    private static final String NIS = "NIS (South Korea)";

    private static final ExcelBriefingWriter WRITER = new ExcelBriefingWriter();
    /** The workbook of the sample's week 2025-W18, written once: most tests only read it. */
    private static byte[] sampleWeek;

    @BeforeAll
    static void writeSampleWeek() throws IOException {
        sampleWeek = bytes(SampleBriefings.of("2025-W18"));
    }

    @Test
    void shouldBeNamedBriefingXlsx() {
        assertThat(WRITER.fileName()).isEqualTo("briefing.xlsx");
    }

    @Test
    void shouldHaveTheSheetsInReadingOrder() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            List<String> names = new ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).containsExactly("Summary", "Trend", "Changes", "Records", "New claims", "Rejected");
        }
    }

    @Test
    void shouldWriteTheChangesOfChangesCsvAsTypedCells() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            Sheet changes = workbook.getSheet("Changes");
            assertThat(header(changes)).containsExactlyElementsOf(CHANGES_COLUMNS);

            Map<String, Cell> killed = row(changes, "killed", NIS);
            assertThat(killed.get("period").getStringCellValue()).isEqualTo("2025-W18");
            assertThat(killed.get("derived").getBooleanCellValue()).isFalse();
            assertThat(numbers(killed, "value_low", "value_high", "previous_low", "previous_high", "change_low",
                    "change_high", "change_pct")).containsExactly(600.0, 600.0, 300.0, 300.0, 300.0, 300.0, 100.0);
            assertThat(killed.get("status").getStringCellValue()).isEqualTo("new");
            assertThat(killed.get("record_id").getStringCellValue()).isEqualTo("nis-2025-04-30-killed");
            assertThat(date(killed.get("as_of"))).isEqualTo(LocalDate.of(2025, 4, 30));
            assertThat(date(killed.get("reported_on"))).isEqualTo(LocalDate.of(2025, 4, 30));

            Map<String, Cell> casualties = row(changes, "casualties", NIS);
            assertThat(numbers(casualties, "value_low", "previous_low", "change_low", "change_high", "change_pct"))
                    .containsExactly(4700.0, 3000.0, 1700.0, 1700.0, 56.7);
            assertThat(casualties.get("change_pct").getCellStyle().getDataFormatString()).isEqualTo("0.0");
            assertThat(casualties.get("status").getStringCellValue()).isEqualTo("new");

            Map<String, Cell> repatriated = row(changes, "repatriated", NIS);
            assertThat(repatriated.get("status").getStringCellValue()).isEqualTo("first");
            assertThat(repatriated).doesNotContainKeys("previous_low", "previous_high", "change_low", "change_high",
                    "change_pct");
        }
    }

    @Test
    void shouldHoldExactlyTheRowsOfChangesCsv() throws IOException {
        String week = "2025-W18|2025-04-28|2025-05-04|" + SUBJECT + "|";
        try (XSSFWorkbook workbook = sampleWeek()) {
            List<String> rows = new ArrayList<>();
            workbook.getSheet("Changes").forEach(row -> {
                if (row.getRowNum() > 0) {
                    rows.add(asCsv(row));
                }
            });
            assertThat(rows).containsExactly(
                    week + "casualties|NIS (South Korea)|false|4700|4700|3000|3000|1700|1700|56.7|new|nis-2025-04-30-casualties|2025-04-30|2025-04-30",
                    week + "casualties|South Korean military|false|4000|4000|4000|4000|0|0|0.0|carried|sk-military-2025-03-casualties|2025-03-31|2025-03-31",
                    week + "casualties|ALL|true|4000|4700|3000|4000|1000|700|24.3|new|||",
                    week + "deployed|Officials of Ukraine, South Korea and the US|false|10000|12000|10000|12000|0|0|0.0|carried|officials-2024-autumn-deployed|2024-11-30|2024-11-30",
                    week + "deployed|ALL|true|10000|12000|10000|12000|0|0|0.0|carried|||",
                    week + "killed|NIS (South Korea)|false|600|600|300|300|300|300|100.0|new|nis-2025-04-30-killed|2025-04-30|2025-04-30",
                    week + "killed|ALL|true|600|600|300|300|300|300|100.0|new|||",
                    week + "labourers|NIS (South Korea)|false|15000|15000||||||first|nis-2025-04-30-labourers|2025-04-30|2025-04-30",
                    week + "labourers|ALL|true|15000|15000||||||first|||",
                    week + "reinforcements|South Korean military|false|3000|3000|3000|3000|0|0|0.0|carried|sk-military-2025-03-reinforcements|2025-03-31|2025-03-31",
                    week + "reinforcements|ALL|true|3000|3000|3000|3000|0|0|0.0|carried|||",
                    week + "repatriated|NIS (South Korea)|false|2000|2000||||||first|nis-2025-04-30-repatriated|2025-03-31|2025-04-30",
                    week + "repatriated|ALL|true|2000|2000||||||first|||",
                    week + "wounded|NIS (South Korea)|false|2700|2700|2700|2700|0|0|0.0|carried|nis-2025-01-wounded|2025-01-31|2025-01-31",
                    week + "wounded|ALL|true|2700|2700|2700|2700|0|0|0.0|carried|||");
        }
    }

    @Test
    void shouldLeaveTheRecordColumnsEmptyForAllSources() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            Map<String, Cell> all = row(workbook.getSheet("Changes"), "casualties", "ALL");
            assertThat(all.get("derived").getBooleanCellValue()).isTrue();
            assertThat(numbers(all, "value_low", "value_high")).containsExactly(4000.0, 4700.0);
            assertThat(all).doesNotContainKeys("record_id", "as_of", "reported_on");
        }
    }

    @Test
    void shouldWriteDatesAsDateCells() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            Map<String, Cell> killed = row(workbook.getSheet("Changes"), "killed", NIS);
            for (String column : List.of("period_start", "period_end", "as_of", "reported_on")) {
                Cell cell = killed.get(column);
                assertThat(cell.getCellType()).as(column).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(cell)).as(column).isTrue();
                assertThat(cell.getCellStyle().getDataFormatString()).as(column).isEqualTo("yyyy-mm-dd");
            }
            assertThat(date(killed.get("period_start"))).isEqualTo(LocalDate.of(2025, 4, 28));
            assertThat(date(killed.get("period_end"))).isEqualTo(LocalDate.of(2025, 5, 4));
        }
    }

    @Test
    void shouldDrawOneLineChartPerMetricWithValuesOnTheTrendSheet() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            List<XSSFChart> charts = workbook.getSheet("Summary").getDrawingPatriarch().getCharts();
            assertThat(charts).hasSize(7);
            for (XSSFChart chart : charts) {
                XDDFChartData data = chart.getChartSeries().get(0);
                assertThat(data.getSeriesCount()).isPositive();
                for (int i = 0; i < data.getSeriesCount(); i++) {
                    XDDFChartData.Series series = data.getSeries(i);
                    assertThat(series.getValuesData().getDataRangeReference()).startsWith("Trend!$E$");
                    assertThat(series.getCategoryData().getDataRangeReference()).isEqualTo("Trend!$E$1:$P$1");
                }
            }
            assertThat(charts).extracting(c -> c.getTitleText().getString())
                    .contains("Killed", "Troops deployed", "Casualties");
        }
    }

    @Test
    void shouldPlotLowAndHighOfASourceThatGaveARange() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            XSSFChart deployed = workbook.getSheet("Summary").getDrawingPatriarch().getCharts().stream()
                    .filter(c -> c.getTitleText().getString().equals("Troops deployed")).findFirst().orElseThrow();
            XDDFChartData data = deployed.getChartSeries().get(0);
            assertThat(data.getSeriesCount()).isEqualTo(2);
            Sheet trend = workbook.getSheet("Trend");
            int lowRow = Integer.parseInt(data.getSeries(0).getValuesData().getDataRangeReference()
                    .replaceAll(".*\\$E\\$(\\d+):.*", "$1")) - 1;
            assertThat(trend.getRow(lowRow).getCell(3).getStringCellValue()).isEqualTo("low");
            assertThat(trend.getRow(lowRow).getCell(15).getNumericCellValue()).isEqualTo(10_000.0);
            assertThat(trend.getRow(lowRow + 1).getCell(15).getNumericCellValue()).isEqualTo(12_000.0);
        }
    }

    @Test
    void shouldLeaveTrendCellsEmptyWhereASeriesHadNoValue() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            Sheet trend = workbook.getSheet("Trend");
            assertThat(header(trend)).startsWith("subject", "metric", "source", "bound", "2025-W07").endsWith("2025-W18");
            Row labourersLow = rowWhere(trend, r -> r.getCell(1).getStringCellValue().equals("labourers")
                    && r.getCell(2).getStringCellValue().equals(NIS) && r.getCell(3).getStringCellValue().equals("low"));
            assertThat(labourersLow.getCell(14)).isNull();
            assertThat(labourersLow.getCell(15).getNumericCellValue()).isEqualTo(15_000.0);
        }
    }

    @Test
    void shouldMakeEveryDataSheetAFilterableTableWithFrozenHeader() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            for (String name : List.of("Trend", "Changes", "Records", "New claims", "Rejected")) {
                XSSFSheet sheet = workbook.getSheet(name);
                assertThat(sheet.getTables()).as(name).hasSize(1);
                assertThat(sheet.getTables().get(0).getCTTable().isSetAutoFilter()).as(name).isTrue();
                assertThat(sheet.getTables().get(0).getStartCellReference().formatAsString()).as(name).isEqualTo("A1");
                assertThat(sheet.getPaneInformation().isFreezePane()).as(name).isTrue();
                assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getPrintSetup().getLandscape()).as(name).isTrue();
                assertThat(sheet.getPrintSetup().getFitWidth()).as(name).isEqualTo((short) 1);
                assertThat(sheet.getRepeatingRows().formatAsString()).as(name).isEqualTo("1:1");
            }
        }
    }

    @Test
    void shouldWriteEveryRecordBehindAFigureWithWhatItSupports() throws IOException {
        Briefing briefing = SampleBriefings.of("2025-W18");
        try (XSSFWorkbook workbook = write(briefing)) {
            Sheet records = workbook.getSheet("Records");
            assertThat(records.getLastRowNum()).isEqualTo(briefing.figures().recordsBehind().size());
            Map<String, Cell> killed = rowWhere(records, "record_id", "nis-2025-01-killed");
            assertThat(killed.get("supports").getStringCellValue())
                    .isEqualTo("casualties (derived) / NIS (South Korea): 2025-W17; killed / NIS (South Korea): 2025-W17");
            assertThat(killed.get("value_low").getNumericCellValue()).isEqualTo(300.0);
            assertThat(killed.get("value_low").getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(killed.get("qualifier").getStringCellValue()).isEqualTo("about");
        }
    }

    @Test
    void shouldStoreTextThatLooksLikeAFormulaAsText() throws IOException {
        Claim claim = claim("odd-1", "+1", "=HYPERLINK(\"http://x\")", "@SUM(A1)");
        Briefing briefing = SampleBriefings.of("2025-W18", List.of(claim), List.of());
        try (XSSFWorkbook workbook = write(briefing)) {
            Map<String, Cell> record = rowWhere(workbook.getSheet("Records"), "record_id", "odd-1");
            assertThat(record.get("source").getCellType()).isEqualTo(CellType.STRING);
            assertThat(record.get("source").getStringCellValue()).isEqualTo("+1");
            assertThat(record.get("note").getCellType()).isEqualTo(CellType.STRING);
            assertThat(record.get("note").getStringCellValue()).isEqualTo("=HYPERLINK(\"http://x\")");
            assertThat(record.get("citation").getCellType()).isEqualTo(CellType.STRING);
            assertThat(record.get("citation").getHyperlink()).isNull();
            assertThat(row(workbook.getSheet("Changes"), "killed", "+1").get("source").getCellType())
                    .isEqualTo(CellType.STRING);
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cell ->
                    assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA))));
        }
    }

    @Test
    void shouldLinkOnlyHttpCitations() throws IOException {
        List<Claim> claims = List.of(claim("web-1", NIS, "a note", "https://example.org/news?id=1"),
                claim("web-2", "Other", "a note", "javascript:alert(1)"),
                claim("web-3", "Third", "a note", "http://not a url"));
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", claims, List.of()))) {
            Sheet records = workbook.getSheet("Records");
            assertThat(rowWhere(records, "record_id", "web-1").get("citation").getHyperlink().getAddress())
                    .isEqualTo("https://example.org/news?id=1");
            assertThat(rowWhere(records, "record_id", "web-2").get("citation").getHyperlink()).isNull();
            assertThat(rowWhere(records, "record_id", "web-3").get("citation").getHyperlink()).isNull();
        }
    }

    @Test
    void shouldShareOneRelationshipPerWebAddressAndKeepEveryLink() throws Exception {
        String url = "https://example.org/news?id=1&lang=ko";
        List<Claim> claims = List.of(claim("same-1", NIS, "a note", url), claim("same-2", "Other", "a note", url),
                claim("other-1", "Third", "a note", "https://example.org/other"));
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", claims, List.of()))) {
            XSSFSheet records = workbook.getSheet("Records");
            assertThat(rowWhere(records, "record_id", "same-1").get("citation").getHyperlink().getAddress()).isEqualTo(url);
            assertThat(rowWhere(records, "record_id", "same-2").get("citation").getHyperlink().getAddress()).isEqualTo(url);
            assertThat(rowWhere(records, "record_id", "other-1").get("citation").getHyperlink().getAddress())
                    .isEqualTo("https://example.org/other");
            assertThat(records.getPackagePart().getRelationshipsByType(SheetRows.HYPERLINK_TYPE).size()).isEqualTo(2);
        }
    }

    @Test
    void shouldKeepMarkupSpacesLineBreaksAndNonLatinTextInStreamedSheets() throws IOException {
        String note = "  <b>a & b</b> \"q\"\r\nline 2\ttab, 국가정보원, Міністерство, \uD83D\uDE00 ";
        Claim claim = claim("text-1", "Source <&>", note, null);
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", List.of(claim), List.of()))) {
            Map<String, Cell> record = rowWhere(workbook.getSheet("Records"), "record_id", "text-1");
            assertThat(record.get("note").getStringCellValue()).isEqualTo(note);
            assertThat(record.get("source").getStringCellValue()).isEqualTo("Source <&>");
            assertThat(date(record.get("reported_on"))).isEqualTo(LocalDate.of(2025, 4, 29));
            assertThat(record.get("value_low").getNumericCellValue()).isEqualTo(100.0);
            Map<String, Cell> newClaim = rowWhere(workbook.getSheet("New claims"), "record_id", "text-1");
            assertThat(newClaim.get("note").getStringCellValue()).isEqualTo(note);
            XSSFChart killed = workbook.getSheet("Summary").getDrawingPatriarch().getCharts().stream()
                    .filter(c -> c.getTitleText().getString().equals("Killed")).findFirst().orElseThrow();
            XDDFChartData data = killed.getChartSeries().get(0);
            List<String> titles = new ArrayList<>();
            for (int i = 0; i < data.getSeriesCount(); i++) {
                titles.add(((XDDFLineChartData.Series) data.getSeries(i)).getCTLineSer().getTx().getV());
            }
            assertThat(titles).contains("Source <&>");
        }
    }

    @Test
    void shouldGiveTwelveSourcesAColourEachAndOneLegendEntryEach() throws IOException {
        LocalDate day = LocalDate.of(2025, 4, 29);
        List<Claim> claims = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            claims.add(new Claim("range-" + i, day, "Source " + (char) ('A' + i), null, SUBJECT, Metric.KILLED, 100 + i, 200 + i,
                    Qualifier.EXACT, Basis.CUMULATIVE, day, null, null, null, null));
        }
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", claims, List.of()))) {
            XSSFChart killed = workbook.getSheet("Summary").getDrawingPatriarch().getCharts().stream()
                    .filter(c -> c.getTitleText().getString().equals("Killed")).findFirst().orElseThrow();
            var lines = killed.getCTChart().getPlotArea().getLineChartArray(0).getSerList();
            assertThat(lines).hasSize(24);
            List<String> lowColours = new ArrayList<>();
            for (int i = 0; i < lines.size(); i += 2) {
                assertThat(lines.get(i).getTx().getV()).isEqualTo("Source " + (char) ('A' + i / 2));
                lowColours.add(lines.get(i).getSpPr().getLn().getSolidFill().getSrgbClr().xgetVal().getStringValue());
            }
            assertThat(lowColours).doesNotHaveDuplicates();
            // the dashed highs are left out of the legend
            var deleted = killed.getCTChart().getLegend().getLegendEntryList();
            assertThat(deleted).hasSize(12).allSatisfy(entry -> assertThat(entry.getDelete().getVal()).isTrue());
            assertThat(deleted.stream().map(e -> e.getIdx().getVal()).toList())
                    .containsExactly(1L, 3L, 5L, 7L, 9L, 11L, 13L, 15L, 17L, 19L, 21L, 23L);
        }
    }

    @Test
    void shouldNameTheRecordACorrectionReplacesWhenItIsBehindNoFigure() throws IOException {
        LocalDate march = LocalDate.of(2025, 3, 1);
        LocalDate april = LocalDate.of(2025, 4, 1);
        LocalDate inW18 = LocalDate.of(2025, 4, 29);
        // the correction of an older claim, as of its day: the newer claim stays the figure, the older one is behind none
        List<Claim> claims = List.of(
                new Claim("old-1", march, "Source", null, SUBJECT, Metric.KILLED, 100, 100, Qualifier.EXACT, Basis.CUMULATIVE,
                        march, null, null, null, null),
                new Claim("newer-1", april, "Source", null, SUBJECT, Metric.KILLED, 200, 200, Qualifier.EXACT, Basis.CUMULATIVE,
                        april, null, null, null, null),
                new Claim("corr-1", inW18, "Source", null, SUBJECT, Metric.KILLED, 150, 150, Qualifier.EXACT, Basis.CUMULATIVE,
                        march, null, null, "old-1", null));
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", claims, List.of()))) {
            assertThat(rowWhere(workbook.getSheet("New claims"), "record_id", "corr-1").get("replaces").getStringCellValue())
                    .isEqualTo("record old-1");
        }
    }

    @Test
    void shouldKeepTextThatExcelWouldReadAsAnEscape() throws IOException {
        Claim claim = claim("esc-1", NIS, "literal _x0041_ stays", null);
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W18", List.of(claim), List.of()))) {
            assertThat(rowWhere(workbook.getSheet("Records"), "record_id", "esc-1").get("note").getStringCellValue())
                    .isEqualTo("literal _x0041_ stays");
        }
    }

    @Test
    void shouldListRejectedRowsAndKeepTheHeaderWhenNone() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            Sheet rejected = workbook.getSheet("Rejected");
            assertThat(header(rejected)).containsExactly("file", "line", "record_id", "column", "reason");
            assertThat(rejected.getRow(1) == null || rejected.getRow(1).getPhysicalNumberOfCells() == 0).isTrue();
        }
        List<Rejection> rejections = List.of(new Rejection("claims.csv", 7, "x-1", "value_low",
                "value_low '-5' is negative: write the figure as a whole number of 0 or more."));
        Briefing briefing = SampleBriefings.of("2025-W18", SampleBriefings.sampleClaims(), rejections);
        try (XSSFWorkbook workbook = write(briefing)) {
            Map<String, Cell> row = rowWhere(workbook.getSheet("Rejected"), "record_id", "x-1");
            assertThat(row.get("file").getStringCellValue()).isEqualTo("claims.csv");
            assertThat(row.get("line").getNumericCellValue()).isEqualTo(7.0);
            assertThat(row.get("column").getStringCellValue()).isEqualTo("value_low");
            assertThat(summaryText(workbook)).contains("1 input rows rejected (sheet Rejected).");
        }
    }

    @Test
    void shouldSummariseTheNewsOfThePeriod() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            String summary = summaryText(workbook);
            assertThat(summary).contains(SUBJECT, "Briefing 2025-W18", "ISO week 2025-04-28 to 2025-05-04",
                    "Figures as known at 2025-05-05T06:00:00Z (UTC)", Briefing.CAVEAT,
                    "\u2022 NIS (South Korea) raised its estimate of killed from about 300 to 600 (+100.0%).",
                    "\u2022 NIS (South Korea) raised its estimate of casualties from about 3,000 (the sum of its killed and wounded)"
                            + " to 4,700 (+56.7%).");
        }
    }

    @Test
    void shouldSayFiguresAreCarriedInAPeriodWithoutNews() throws IOException {
        try (XSSFWorkbook workbook = write(SampleBriefings.of("2025-W20"))) {
            assertThat(summaryText(workbook)).contains("\u2022 No new claims this week: figures carried from 30 April 2025.");
            assertThat(workbook.getSheet("New claims").getLastRowNum()).isZero();
        }
    }

    @Test
    void shouldShowTheHeadlineFiguresAcrossSourcesWithArrows() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            XSSFSheet summary = workbook.getSheet("Summary");
            Row header = rowWhere(summary, r -> r.getCell(0) != null && r.getCell(0).getCellType() == CellType.STRING
                    && r.getCell(0).getStringCellValue().equals("Subject"));
            Row casualties = summary.getRow(header.getRowNum() + 1);
            assertThat(casualties.getCell(1).getStringCellValue()).isEqualTo("casualties");
            assertThat(casualties.getCell(2).getNumericCellValue()).isEqualTo(4000.0);
            assertThat(casualties.getCell(3).getNumericCellValue()).isEqualTo(4700.0);
            assertThat(casualties.getCell(10).getNumericCellValue()).isEqualTo(2.0);
            assertThat(summary.getSheetConditionalFormatting().getNumConditionalFormattings()).isEqualTo(1);
            assertThat(summary.getSheetConditionalFormatting().getConditionalFormattingAt(0).getRule(0)
                    .getMultiStateFormatting()).isNotNull();
        }
    }

    @Test
    void shouldDescribeTheDocumentWithTheCutoffAsItsDates() throws IOException {
        try (XSSFWorkbook workbook = sampleWeek()) {
            var properties = workbook.getProperties().getCoreProperties();
            assertThat(properties.getTitle()).isEqualTo("Briefing 2025-W18: " + SUBJECT);
            assertThat(properties.getSubject()).isEqualTo(SUBJECT);
            assertThat(properties.getCreator()).isEqualTo("briefing");
            assertThat(properties.getCreated().toInstant()).isEqualTo(SampleBriefings.CUTOFF);
            assertThat(properties.getModified().toInstant()).isEqualTo(SampleBriefings.CUTOFF);
        }
    }

    @Test
    void shouldWriteTheSameBytesTwice() throws IOException {
        for (String label : List.of("2025-W18", "2025-04", "2025-Q2", "2025-W20")) {
            Briefing briefing = SampleBriefings.of(label);
            assertThat(bytes(briefing)).as(label).isEqualTo(bytes(briefing));
        }
    }

    @Test
    void shouldNotDependOnTheDefaultLocaleOrTimeZone() throws IOException {
        Locale locale = Locale.getDefault();
        TimeZone zone = TimeZone.getDefault();
        try {
            for (String tag : new String[] {"tr-TR", "ar-SA", "fa-IR", "de-DE"}) {
                Locale.setDefault(Locale.forLanguageTag(tag));
                TimeZone.setDefault(TimeZone.getTimeZone("Pacific/Kiritimati"));
                assertThat(bytes(SampleBriefings.of("2025-W18"))).as(tag).isEqualTo(sampleWeek);
            }
        } finally {
            Locale.setDefault(locale);
            TimeZone.setDefault(zone);
        }
    }

    private static byte[] bytes(Briefing briefing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        WRITER.write(briefing, out);
        return out.toByteArray();
    }

    private static XSSFWorkbook write(Briefing briefing) throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(bytes(briefing)));
    }

    private static XSSFWorkbook sampleWeek() throws IOException {
        return new XSSFWorkbook(new ByteArrayInputStream(sampleWeek));
    }

    private static Claim claim(String id, String source, String note, String citation) {
        LocalDate day = LocalDate.of(2025, 4, 29);
        return new Claim(id, day, source, null, SUBJECT, Metric.KILLED, 100, 100, Qualifier.EXACT, Basis.CUMULATIVE,
                day, null, citation, null, note);
    }

    private static List<String> header(Sheet sheet) {
        List<String> names = new ArrayList<>();
        sheet.getRow(0).forEach(cell -> names.add(cell.getStringCellValue()));
        return names;
    }

    /** The row of a Changes sheet for one series, as cells by column name (empty cells absent). */
    private static Map<String, Cell> row(Sheet changes, String metric, String source) {
        for (int r = 1; r <= changes.getLastRowNum(); r++) {
            Map<String, Cell> candidate = cells(changes, r);
            if (candidate.get("metric").getStringCellValue().equals(metric)
                    && candidate.get("source").getStringCellValue().equals(source)) {
                return candidate;
            }
        }
        throw new AssertionError("No row for " + metric + " / " + source);
    }

    /** A row as changes.csv would write it, fields separated by '|' (a source may hold a comma). */
    private static String asCsv(Row row) {
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < CHANGES_COLUMNS.size(); i++) {
            Cell cell = row.getCell(i);
            if (cell == null) {
                fields.add("");
            } else if (cell.getCellType() == CellType.BOOLEAN) {
                fields.add(Boolean.toString(cell.getBooleanCellValue()));
            } else if (cell.getCellType() == CellType.STRING) {
                fields.add(cell.getStringCellValue());
            } else if (DateUtil.isCellDateFormatted(cell)) {
                fields.add(date(cell).toString());
            } else if (CHANGES_COLUMNS.get(i).equals("change_pct")) {
                fields.add(String.format(Locale.ROOT, "%.1f", cell.getNumericCellValue()));
            } else {
                fields.add(Long.toString((long) cell.getNumericCellValue()));
            }
        }
        return String.join("|", fields);
    }

    private static Map<String, Cell> rowWhere(Sheet sheet, String column, String value) {
        for (int r = 1; r <= sheet.getLastRowNum(); r++) {
            Map<String, Cell> row = cells(sheet, r);
            if (row.containsKey(column) && row.get(column).getStringCellValue().equals(value)) {
                return row;
            }
        }
        throw new AssertionError("No row with " + column + " = " + value);
    }

    private static Row rowWhere(Sheet sheet, java.util.function.Predicate<Row> test) {
        for (Row row : sheet) {
            if (row.getRowNum() > 0 && test.test(row)) {
                return row;
            }
        }
        throw new AssertionError("No such row in " + sheet.getSheetName());
    }

    private static Map<String, Cell> cells(Sheet sheet, int rowIndex) {
        List<String> header = header(sheet);
        Map<String, Cell> cells = new LinkedHashMap<>();
        Row row = sheet.getRow(rowIndex);
        for (int i = 0; i < header.size(); i++) {
            Cell cell = row == null ? null : row.getCell(i);
            if (cell != null) {
                cells.put(header.get(i), cell);
            }
        }
        return cells;
    }

    private static List<Double> numbers(Map<String, Cell> row, String... columns) {
        List<Double> numbers = new ArrayList<>();
        for (String column : columns) {
            assertThat(row.get(column).getCellType()).as(column).isEqualTo(CellType.NUMERIC);
            numbers.add(row.get(column).getNumericCellValue());
        }
        return numbers;
    }

    private static LocalDate date(Cell cell) {
        return cell.getLocalDateTimeCellValue().toLocalDate();
    }

    private static String summaryText(XSSFWorkbook workbook) {
        StringBuilder text = new StringBuilder();
        workbook.getSheet("Summary").forEach(row -> row.forEach(cell -> {
            if (cell.getCellType() == CellType.STRING) {
                text.append(cell.getStringCellValue()).append('\n');
            }
        }));
        return text.toString();
    }
}
