package briefing.report.excel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a table sheet made of each text of a column, kept per column for the texts that come again: most
 * columns hold a few texts over and over (sources, metrics, the series a record supports). A column that
 * reaches {@link #LIMIT} texts, one of texts that rarely repeat (ids, web addresses), gives its memo up.
 * What is kept never changes what is made, only how often.
 */
final class ColumnMemo<V> {

    static final int LIMIT = 1024;

    private final List<Map<String, V>> columns;

    ColumnMemo(int columns) {
        this.columns = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            this.columns.add(new HashMap<>());
        }
    }

    /** What was made of {@code text} in {@code column}; null when it was not kept. */
    V get(int column, String text) {
        Map<String, V> memo = columns.get(column);
        return memo == null ? null : memo.get(text);
    }

    /** Whether {@code column} still keeps what is made of its texts. */
    boolean keeps(int column) {
        return columns.get(column) != null;
    }

    void put(int column, String text, V made) {
        Map<String, V> memo = columns.get(column);
        if (memo == null) {
            return;
        }
        if (memo.size() >= LIMIT) {
            columns.set(column, null);
        } else {
            memo.put(text, made);
        }
    }
}
