package briefing.change;

import java.util.Locale;

/** Whether a series' value is its first, new this period, or carried from an earlier one. */
public enum Status {
    FIRST, NEW, CARRIED;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
