package briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile text in the input, through the whole command: what looks like a formula reaches the workbook
 * as text; markup, ampersands, quotes, right-to-left script, bidi controls and emoji reach the PDF
 * without breaking it; and nothing in the input names a file.
 */
class HostileTextTests {

    private static final String HYPERLINK = "=HYPERLINK(\"http://example.com/x\",\"click\")";
    private static final String MARKUP = "<script>alert(\"x\")</script> & co";
    private static final String MIXED = "<b>bold</b> &amp; \"quoted\" 'single' \u202Eevil\u202C عربي עברית 국정원 🪖👩‍🚀 end";
    private static final String CLAIMS = "record_id,reported_on,source,conduit,subject,metric,value_low,citation,note\n"
            + "f1,2025-04-30,\"" + HYPERLINK.replace("\"", "\"\"") + "\",@SUM(A1:A9),DPRK forces in Russia,killed,600,=1+1,-2\n"
            + "f2,2025-04-30,+1,-3+4,DPRK forces in Russia,wounded,700,\"https://example.org/?a=1&b=<2>\",\"" + MIXED.replace("\"", "\"\"") + "\"\n"
            + "f3,2025-04-30,../../etc,/tmp/x,\"" + MARKUP.replace("\"", "\"\"") + "\",deployed,800,@cmd,\"line one\nline two\"\n"
            + "\"" + HYPERLINK.replace("\"", "\"\"") + "\",2025-04-30,NIS,,DPRK forces in Russia,killed,1,,\n"
            + "../../etc/x,2025-04-30,NIS,,DPRK forces in Russia,killed,1,,\n"
            + "f6,2025-04-30,NIS,,DPRK forces in Russia,killed,@SUM(1),,\n";

    @TempDir
    Path work;

    @Test
    void shouldWriteFormulaLookingInputAsTextCellsAndRenderMarkupRightToLeftTextAndEmojiInThePdf() throws IOException {
        int code = run();

        assertThat(code).isEqualTo(3);
        Path folder = work.resolve("reports/weekly/2025-W18");
        try (XSSFWorkbook workbook = new XSSFWorkbook(Files.newInputStream(folder.resolve("briefing.xlsx")))) {
            List<Cell> cells = new ArrayList<>();
            workbook.forEach(sheet -> sheet.forEach(row -> row.forEach(cells::add)));
            assertThat(cells).as("formula cells").noneMatch(c -> c.getCellType() == CellType.FORMULA);
            for (String text : List.of(HYPERLINK, "@SUM(A1:A9)", "=1+1", "-2", "+1", "-3+4", "@cmd", MARKUP, MIXED)) {
                assertThat(cells).as("a text cell holding %s", text)
                        .anyMatch(c -> c.getCellType() == CellType.STRING && c.getStringCellValue().equals(text));
            }
            assertThat(cells).as("the rejected record id, as text")
                    .anyMatch(c -> c.getSheet().getSheetName().equals("Rejected") && c.getCellType() == CellType.STRING
                            && c.getStringCellValue().equals(HYPERLINK));
        }
        try (PDDocument pdf = Loader.loadPDF(folder.resolve("briefing.pdf").toFile())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(pdf.getNumberOfPages()).isPositive();
            // cells wrap long text anywhere, so compare without white space; a character no font has is a visible "?"
            assertThat(text.replaceAll("\\s", "")).contains(Stream.of(MARKUP, HYPERLINK, "<b>bold</b> &amp; \"quoted\" 'single'",
                    "https://example.org/?a=1&b=<2>", "국정원 ??? end", "@SUM(A1:A9)", "=1+1 -2").map(t -> t.replaceAll("\\s", "")).toList());
        }
    }

    @Test
    void shouldNeverTurnInputDataIntoAFileName() throws IOException {
        int code = run();

        assertThat(code).isEqualTo(3);
        try (Stream<Path> paths = Files.walk(work)) {
            assertThat(paths.filter(Files::isRegularFile).map(p -> work.relativize(p).toString()))
                    .allMatch(p -> p.equals("input/claims.csv") || p.startsWith("data/")
                            || p.matches("reports/weekly/2025-W18/(briefing\\.pdf|briefing\\.xlsx|changes\\.csv|rejected\\.csv|manifest\\.json)"));
        }
        assertThat(Files.readString(work.resolve("reports/weekly/2025-W18/rejected.csv")))
                .contains("claims.csv,7,../../etc/x,record_id,");
    }

    private int run() throws IOException {
        Path input = Files.createDirectories(work.resolve("input"));
        Files.writeString(input.resolve("claims.csv"), CLAIMS, StandardCharsets.UTF_8);
        return BriefingApplication.run(new String[] {"--period=2025-W18", "--input=" + input, "--data=" + work.resolve("data"),
                "--reports=" + work.resolve("reports")}, Map.of());
    }
}
