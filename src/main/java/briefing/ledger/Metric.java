package briefing.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The metric vocabulary of the input contract; {@link #code()} is the word written in the input. */
public enum Metric {
    DEPLOYED("troops deployed"),
    REINFORCEMENTS("reinforcements sent"),
    KILLED("killed"),
    WOUNDED("wounded"),
    CAPTURED("captured"),
    MISSING("missing"),
    CASUALTIES("casualties"),
    REPATRIATED("repatriated"),
    LABOURERS("labourers sent");

    private static final Metric[] ALL = values();

    private final String label;
    private final String code = name().toLowerCase(Locale.ROOT);

    Metric(String label) {
        this.label = label;
    }

    public String code() {
        return code;
    }

    /** Words for a reader, e.g. "troops deployed". */
    public String label() {
        return label;
    }

    public static Optional<Metric> fromCode(String text) {
        for (Metric m : ALL) {
            // the word as the vocabulary writes it: the usual case, and the one the ledger stores
            if (m.code.equals(text)) {
                return Optional.of(m);
            }
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(ALL).filter(m -> m.code.equals(wanted)).findFirst();
    }

    public static String vocabulary() {
        return Arrays.stream(values()).map(Metric::code).collect(Collectors.joining(", "));
    }
}
