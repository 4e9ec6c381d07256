package briefing.report.excel;

import briefing.change.Figures;
import briefing.change.SeriesChange;
import briefing.change.SeriesValue;
import briefing.period.Period;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.List;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The Changes sheet: the rows and columns of {@code changes.csv}, with numbers, dates and booleans as typed cells. */
final class ChangesSheet {

    private static final List<Column> COLUMNS = List.of(
            new Column("period", Kind.TEXT),
            new Column("period_start", Kind.DATE),
            new Column("period_end", Kind.DATE),
            new Column("subject", Kind.TEXT),
            new Column("metric", Kind.TEXT),
            new Column("source", Kind.TEXT),
            new Column("derived", Kind.BOOLEAN),
            new Column("value_low", Kind.INTEGER),
            new Column("value_high", Kind.INTEGER),
            new Column("previous_low", Kind.INTEGER),
            new Column("previous_high", Kind.INTEGER),
            new Column("change_low", Kind.INTEGER),
            new Column("change_high", Kind.INTEGER),
            new Column("change_pct", Kind.PERCENT),
            new Column("status", Kind.TEXT),
            new Column("record_id", Kind.TEXT),
            new Column("as_of", Kind.DATE),
            new Column("reported_on", Kind.DATE));

    private ChangesSheet() {
    }

    static DataSheet write(XSSFSheet sheet, Styles styles, Figures figures) {
        DataSheet data = new DataSheet(sheet, styles, COLUMNS);
        Period period = figures.period();
        for (SeriesChange change : figures.changes()) {
            SeriesValue value = change.value();
            SeriesValue previous = change.previous();
            data.addRow(period.label(), period.start(), period.end(),
                    value.key().subject(), value.key().metric().code(), value.key().source(), value.derived(),
                    value.range().low(), value.range().high(),
                    previous == null ? null : previous.range().low(), previous == null ? null : previous.range().high(),
                    change.changeLow(), change.changeHigh(), change.changePct(), change.status().code(),
                    value.recordId(), value.asOf(), value.reportedOn());
        }
        return data.endRows("ChangesTable");
    }
}
