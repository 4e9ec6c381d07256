package briefing.report.excel;

import briefing.change.Range;
import briefing.change.Trend;
import briefing.ledger.SeriesKey;
import briefing.period.Period;
import briefing.report.excel.DataSheet.Column;
import briefing.report.excel.DataSheet.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/** The Trend sheet: the low and the high of every series at the end of each trend period, one column per period. */
final class TrendSheet {

    private static final int FIRST_PERIOD_COLUMN = 4;

    private TrendSheet() {
    }

    /** Sets the sheet up; its rows, written out, go into the file straight ({@link SheetRows}). */
    static SheetRows write(XSSFSheet sheet, Styles styles, Trend trend) {
        List<Column> columns = new ArrayList<>(List.of(new Column("subject", Kind.TEXT), new Column("metric", Kind.TEXT),
                new Column("source", Kind.TEXT), new Column("bound", Kind.TEXT)));
        for (Period period : trend.periods()) {
            columns.add(new Column(period.label(), Kind.INTEGER));
        }
        DataSheet data = new DataSheet(sheet, styles, columns);
        // in the order of {@link #layout}
        trend.values().forEach((key, ranges) -> {
            data.addRow(row(key, "low", ranges, Range::low));
            data.addRow(row(key, "high", ranges, Range::high));
        });
        data.endRows("TrendTable").setUpStreamed();
        SheetRows rows = data.streamed();
        rows.render();
        return rows;
    }

    /** Where {@link #write} puts the numbers: a row of lows then one of highs per series, after the header. */
    static TrendLayout layout(XSSFSheet sheet, Trend trend) {
        Map<SeriesKey, Integer> lowRows = new LinkedHashMap<>();
        trend.values().keySet().forEach(key -> lowRows.put(key, 1 + 2 * lowRows.size()));
        return new TrendLayout(sheet.getSheetName(), FIRST_PERIOD_COLUMN, FIRST_PERIOD_COLUMN + trend.periods().size() - 1,
                lowRows);
    }

    private static Object[] row(SeriesKey key, String bound, List<Range> ranges, ToLongFunction<Range> value) {
        Object[] row = new Object[FIRST_PERIOD_COLUMN + ranges.size()];
        row[0] = key.subject();
        row[1] = key.metric().code();
        row[2] = key.source();
        row[3] = bound;
        for (int i = 0; i < ranges.size(); i++) {
            row[FIRST_PERIOD_COLUMN + i] = ranges.get(i) == null ? null : value.applyAsLong(ranges.get(i));
        }
        return row;
    }
}
