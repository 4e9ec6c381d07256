package briefing.report.excel;

import briefing.ledger.Rejection;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The Rejected sheet: the rows of {@code rejected.csv}, header included when there are none. */
final class RejectedSheet {

    private static final List<Column> COLUMNS = List.of(
            new Column("file", Kind.TEXT),
            new Column("line", Kind.PLAIN_INTEGER),
            new Column("record_id", Kind.TEXT),
            new Column("column", Kind.TEXT),
            new Column("reason", Kind.WRAPPED));

    private RejectedSheet() {
    }

    static DataSheet write(XSSFSheet sheet, Styles styles, List<Rejection> rejections) {
        DataSheet data = new DataSheet(sheet, styles, COLUMNS);
        for (Rejection r : rejections) {
            data.addRow(r.file(), r.line(), r.recordId(), r.column(), r.reason());
        }
        return data.endRows("RejectedTable");
    }
}
