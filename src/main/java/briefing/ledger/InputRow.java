package briefing.ledger;

/**
 * One data row of an input file as read, before any check: its values by {@link Column} (null
 * where the file has no such column), or the fault that keeps it from being read at all.
 */
public record InputRow(String file, long line, String[] values, Rejection fault) {

    public static InputRow faulty(Rejection fault) {
        return new InputRow(fault.file(), fault.line(), new String[0], fault);
    }

    public String value(Column column) {
        return column.ordinal() < values.length ? values[column.ordinal()] : null;
    }

    /** The record id as written, for rejection lists; empty when absent. */
    public String rawRecordId() {
        if (fault != null) {
            return fault.recordId();
        }
        String id = value(Column.RECORD_ID);
        return id == null ? "" : id;
    }
}
