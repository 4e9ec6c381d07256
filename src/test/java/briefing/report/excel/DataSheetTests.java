package briefing.report.excel;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
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
}
