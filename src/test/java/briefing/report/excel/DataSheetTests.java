package briefing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class DataSheetTests {

    @Test
    void shouldEndASheetThatReachedItsLastRowWithTheCountOfRowsLeftOut() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Rejected");
            DataSheet data = new DataSheet(sheet, new Styles(workbook),
                    List.of(new Column("line", Kind.PLAIN_INTEGER), new Column("reason", Kind.WRAPPED)), 3);
            for (int line = 2; line <= 1_001; line++) {
                data.addRow(line, "Bad value in line " + line);
            }

            data.finish("RejectedTable");

            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            assertThat(sheet.getRow(3).getCell(0).getNumericCellValue()).isEqualTo(4);
            assertThat(sheet.getRow(4).getCell(0)).isNull();
            assertThat(sheet.getRow(4).getCell(1).getStringCellValue())
                    .isEqualTo("and 997 more rows: a sheet holds at most 1,048,576; the CSV files hold them all");
        }
    }

    @Test
    void shouldKeepEveryRowUnderTheLimit() throws Exception {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Rejected");
            DataSheet data = new DataSheet(sheet, new Styles(workbook), List.of(new Column("reason", Kind.TEXT)), 3);
            data.addRow("a");
            data.addRow("b");
            data.addRow("c");

            data.finish("RejectedTable");

            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            assertThat(sheet.getRow(3).getCell(0).getStringCellValue()).isEqualTo("c");
        }
    }

    @Test
    void shouldStoreMeasureAndWriteATextThatRepeatsAsItsFirstTimeAndKeepMeasuringTextsThatDoNot() throws Exception {
        String longNote = "a note long enough to wrap in its column, ".repeat(4).trim();
        String widestId = "the-widest-record-id-comes-after-two-thousand-others";
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            XSSFSheet sheet = workbook.createSheet("Records");
            DataSheet data = new DataSheet(sheet, new Styles(workbook), List.of(new Column("record_id", Kind.TEXT),
                    new Column("source", Kind.TEXT), new Column("note", Kind.WRAPPED)));
            for (int i = 0; i < 2_000; i++) {
                data.addRow("r" + i, i % 2 == 0 ? "NIS_x0041_" : "MoD <UK>", i % 1_000 == 999 ? longNote : "short");
            }
            data.addRow(widestId, "NIS_x0041_", "short");
            SheetRows rows = data.endRows("RecordsTable").streamed();
            rows.render();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            rows.writeSheetData(bytes);
            data.setUpStreamed();

            String xml = bytes.toString(StandardCharsets.UTF_8);
            assertThat(xml.split("<t>NIS_x005F_x0041_</t>", -1)).hasSize(1_002);
            assertThat(xml.split("<t>MoD &lt;UK&gt;</t>", -1)).hasSize(1_001);
            assertThat(xml.split(" ht=\"", -1)).hasSize(3);
            assertThat(xml).contains("<row r=\"1001\" ht=\"", "<row r=\"2001\" ht=\"", "<t>" + widestId + "</t>");
            try (XSSFWorkbook other = new XSSFWorkbook()) {
                XSSFSheet alone = other.createSheet("Records");
                DataSheet one = new DataSheet(alone, new Styles(other), List.of(new Column("record_id", Kind.TEXT)));
                one.addRow(widestId);
                one.finish("RecordsTable");
                assertThat(sheet.getColumnWidth(0)).isEqualTo(alone.getColumnWidth(0)).isGreaterThan(30 * 256);
            }
        }
    }

    @Test
    void shouldTellWebAddressesAsUriDoes() {
        List<String> addresses = List.of("https://example.org/claims/g1000017", "http://example.org", "HTTPS://EXAMPLE.ORG/A",
                "http://localhost/x", "http://123/x", "http://1a/x", "http://1.2.3.4/", "http://12.34/", "http://1abc.com/",
                "http://a..b/", "http://-a.com/", "http://a-.com/", "http://a-b.c-d.org/~x/_y.z-1", "http://ex_ample.org/",
                "http://example.org.", "http://", "https:///path", "http://example.org//a", "http://example.org:8080/a",
                "http://user@example.org/", "http://example.org/a b", "http://example.org/a?b=c&d", "http://example.org/#f",
                "http://exa mple.org/", "http://example.1org/", "http://example.org-/", "http://x.y.z.a1/", "ftp://example.org/",
                "http:example.org", "http://[::1]/", "http://example.org/%20", "http://example.org/\u00e9", "http://пример.рф/");
        for (String address : addresses) {
            assertThat(DataSheet.isWebUrl(address)).as(address).isEqualTo(byUri(address));
        }
    }

    private static boolean byUri(String text) {
        String lower = text.toLowerCase(java.util.Locale.ROOT);
        if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
            return false;
        }
        try {
            return new java.net.URI(text).getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }
}
