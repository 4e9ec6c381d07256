package briefing.report.excel;

import briefing.ledger.SeriesKey;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;

/**
 * Where the Trend sheet put its numbers: period labels in the header row from {@code firstColumn} to
 * {@code lastColumn}, and for each series a row of lows with the row of highs just below.
 */
record TrendLayout(String sheetName, int firstColumn, int lastColumn, Map<SeriesKey, Integer> lowRows) {

    /** The reference of the period labels, such as {@code Trend!$E$1:$P$1}. */
    String periodLabels() {
        return row(0);
    }

    /** The reference of the numbers in row {@code row} (from 0). */
    String row(int row) {
        return new CellRangeAddress(row, row, firstColumn, lastColumn).formatAsString(sheetName, true);
    }
}
