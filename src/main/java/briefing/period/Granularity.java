package briefing.period;

import java.util.Locale;

/** How long a reporting period is; the folder name of its reports is {@link #folder()}. */
public enum Granularity {
    WEEKLY, MONTHLY, QUARTERLY;

    public String folder() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Granularity fromName(String name) {
        for (Granularity g : values()) {
            if (g.folder().equalsIgnoreCase(name.trim())) {
                return g;
            }
        }
        throw new IllegalArgumentException("Unknown granularity '" + name + "': use weekly, monthly or quarterly.");
    }
}
