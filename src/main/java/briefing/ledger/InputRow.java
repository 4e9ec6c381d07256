package briefing.ledger;

/**
 * One data row of an input file as read, before any check: its values by {@link Column} (null
 * where the file has no such column), or the fault that keeps it from being read at all. Or, for a
 * file read before, {@code rowsInLedger} rows of it that need no check: they are all in the ledger.
 */
public record InputRow(String file, long line, String[] values, Rejection fault, long rowsInLedger) {

    public InputRow(String file, long line, String[] values, Rejection fault) {
        this(file, line, values, fault, 0);
    }

    public static InputRow faulty(Rejection fault) {
        return new InputRow(fault.file(), fault.line(), new String[0], fault);
    }

    /** Stands for {@code rows} rows of a file read before, every one of them in the ledger already. */
    public static InputRow inLedger(String file, long rows) {
        return new InputRow(file, 0, new String[0], null, rows);
    }

    public boolean isInLedger() {
        return rowsInLedger > 0;
    }

    /** The values as one text, for keeping a rejected row so that a later run can check it again. */
    public String encodedValues() {
        StringBuilder text = new StringBuilder();
        for (String value : values) {
            if (value == null) {
                text.append('-');
            } else {
                text.append(value.length()).append(':').append(value);
            }
        }
        return text.toString();
    }

    /** A row read again from its {@link #encodedValues()}. */
    public static InputRow decoded(String file, long line, String encodedValues) {
        String[] values = new String[Column.values().length];
        int position = 0;
        for (int i = 0; i < values.length && position < encodedValues.length(); i++) {
            if (encodedValues.charAt(position) == '-') {
                position++;
                continue;
            }
            int colon = encodedValues.indexOf(':', position);
            int length = Integer.parseInt(encodedValues, position, colon, 10);
            values[i] = encodedValues.substring(colon + 1, colon + 1 + length);
            position = colon + 1 + length;
        }
        return new InputRow(file, line, values, null);
    }

    /**
     * A row read again from its {@link #encodedValues()} whose rejection stands for good ({@link
     * LedgerRules#isLasting}): it is rejected so again without a check, and kept with its values as before.
     */
    public static InputRow decided(String file, long line, String encodedValues, Rejection rejection) {
        return new InputRow(file, line, decoded(file, line, encodedValues).values(), rejection);
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
