package briefing.ledger;

import java.io.Serializable;
import java.util.Comparator;

/**
 * An input row (or a whole file) that was not loaded, and why. {@code column} is empty when the
 * whole row or file is at fault; {@code recordId} is the id as written, possibly empty.
 */
public record Rejection(String file, long line, String recordId, String column, String reason) implements Serializable {

    /** The order of {@code rejected.csv}: file name in code-point order, then line. */
    public static final Comparator<Rejection> REPORT_ORDER =
            Comparator.comparing(Rejection::file, InputFiles::compareCodePoints).thenComparingLong(Rejection::line);

    public static Rejection ofFile(String file, long line, String reason) {
        return new Rejection(file, line, "", "", reason);
    }

    public static Rejection ofRow(InputRow row, String reason) {
        return new Rejection(row.file(), row.line(), row.rawRecordId(), "", reason);
    }

    public static Rejection ofValue(InputRow row, Column column, String reason) {
        return new Rejection(row.file(), row.line(), row.rawRecordId(), column.header(), reason);
    }
}
