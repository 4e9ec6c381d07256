package briefing.ledger;

import java.util.Locale;
import java.util.Optional;

/** The columns of the input contract, in the order in which a row's values are checked. */
public enum Column {
    RECORD_ID(true),
    REPORTED_ON(true),
    SOURCE(true),
    CONDUIT(false),
    SUBJECT(true),
    METRIC(true),
    VALUE_LOW(true),
    VALUE_HIGH(false),
    QUALIFIER(false),
    BASIS(false),
    AS_OF(false),
    WINDOW_START(false),
    CITATION(false),
    SUPERSEDES(false),
    NOTE(false);

    private final boolean required;

    Column(boolean required) {
        this.required = required;
    }

    public boolean required() {
        return required;
    }

    /** The name as written in a header. */
    public String header() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Header names are matched case-insensitively after trimming. */
    public static Optional<Column> fromHeader(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Column c : values()) {
            if (c.header().equals(wanted)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
