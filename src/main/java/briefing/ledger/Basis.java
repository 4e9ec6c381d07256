package briefing.ledger;

import java.util.Locale;
import java.util.Optional;

/** Whether a figure is a running total ({@code cumulative}) or the amount added in a window ({@code increment}). */
public enum Basis {
    CUMULATIVE, INCREMENT;

    private final String code = name().toLowerCase(Locale.ROOT);

    public String code() {
        return code;
    }

    public static Optional<Basis> fromCode(String text) {
        if (CUMULATIVE.code.equals(text)) {
            return Optional.of(CUMULATIVE);
        }
        if (INCREMENT.code.equals(text)) {
            return Optional.of(INCREMENT);
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Basis b : values()) {
            if (b.code().equals(wanted)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
