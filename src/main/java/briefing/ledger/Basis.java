package briefing.ledger;

import java.util.Locale;
import java.util.Optional;

/** Whether a figure is a running total ({@code cumulative}) or the amount added in a window ({@code increment}). */
public enum Basis {
    CUMULATIVE, INCREMENT;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Basis> fromCode(String text) {
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        for (Basis b : values()) {
            if (b.code().equals(wanted)) {
                return Optional.of(b);
            }
        }
        return Optional.empty();
    }
}
