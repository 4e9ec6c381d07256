package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * Builds one input row as {@link InputFiles} would yield it: every column of the contract present
 * (optional ones empty) unless {@link #without(Column) removed}, starting from a valid claim.
 */
final class Rows {

    /** The day the tests' runs read their input. */
    static final LocalDate TODAY = LocalDate.of(2025, 5, 5);

    private final Map<Column, String> values = new EnumMap<>(Column.class);
    private String file = "a.csv";
    private long line = 2;

    private Rows() {
        for (Column column : Column.values()) {
            values.put(column, "");
        }
        values.put(Column.RECORD_ID, "r1");
        values.put(Column.REPORTED_ON, "2025-04-30");
        values.put(Column.SOURCE, "NIS (South Korea)");
        values.put(Column.SUBJECT, "DPRK forces in Russia");
        values.put(Column.METRIC, "killed");
        values.put(Column.VALUE_LOW, "600");
    }

    /** A row that parses: r1, 2025-04-30, NIS (South Korea), DPRK forces in Russia, killed, 600. */
    static Rows valid() {
        return new Rows();
    }

    Rows with(Column column, String value) {
        values.put(column, value);
        return this;
    }

    /** The file has no such column: its value is null, not empty. */
    Rows without(Column column) {
        values.remove(column);
        return this;
    }

    Rows at(String file, long line) {
        this.file = file;
        this.line = line;
        return this;
    }

    @Override
    public String toString() {
        return values.toString();
    }

    InputRow row() {
        String[] array = new String[Column.values().length];
        values.forEach((column, value) -> array[column.ordinal()] = value);
        return new InputRow(file, line, array, null);
    }

    ClaimParser.Outcome parse() {
        return new ClaimParser(TODAY).parse(row());
    }

    /** The parsed claim; fails the test when the row is rejected. */
    Claim claim() {
        ClaimParser.Outcome outcome = parse();
        assertThat(outcome.rejection()).as("rejection of a row meant to be valid").isNull();
        return outcome.claim();
    }
}
