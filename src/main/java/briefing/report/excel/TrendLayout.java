package briefing.report.excel;

import briefing.ledger.SeriesKey;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;

/**
 * Where the Trend sheet put its numbers: period labels in the header row from {@code firstColumn} to
 * {@code lastColumn}, and for each series a row of lows with the row of highs just below.
 */
record TrendLayout(XSSFSheet sheet, int firstColumn, int lastColumn, Map<SeriesKey, Integer> lowRows) {

    CellRangeAddress periodLabels() {
        return new CellRangeAddress(0, 0, firstColumn, lastColumn);
    }

    CellRangeAddress lows(SeriesKey key) {
        int row = lowRows.get(key);
        return new CellRangeAddress(row, row, firstColumn, lastColumn);
    }

    CellRangeAddress highs(SeriesKey key) {
        int row = lowRows.get(key) + 1;
        return new CellRangeAddress(row, row, firstColumn, lastColumn);
    }
}
