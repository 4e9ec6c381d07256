package briefing.ledger;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** How a source hedged its figure ("about 600"); shown in words, never used in arithmetic. */
public enum Qualifier {
    EXACT(""),
    ABOUT("about"),
    NEARLY("nearly"),
    AT_LEAST("at least"),
    MORE_THAN("more than"),
    AT_MOST("at most"),
    UP_TO("up to");

    private static final Qualifier[] ALL = values();

    private final String words;
    private final String code = name().toLowerCase(Locale.ROOT);

    Qualifier(String words) {
        this.words = words;
    }

    public String code() {
        return code;
    }

    /** The words put before a figure; empty for {@link #EXACT}. */
    public String words() {
        return words;
    }

    /** Case is ignored and a space may stand for the underscore. */
    public static Optional<Qualifier> fromCode(String text) {
        for (Qualifier q : ALL) {
            if (q.code.equals(text)) {
                return Optional.of(q);
            }
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT).replace(' ', '_');
        return Arrays.stream(ALL).filter(q -> q.code.equals(wanted)).findFirst();
    }

    public static String vocabulary() {
        return Arrays.stream(values()).map(Qualifier::code).collect(Collectors.joining(", "));
    }
}
