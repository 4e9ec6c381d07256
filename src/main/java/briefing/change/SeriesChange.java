package briefing.change;

import briefing.ledger.SeriesKey;
import java.io.Serializable;
import java.math.BigDecimal;

/**
 * One row of {@code changes.csv}: a series' value at the end of the period, its value at the end of
 * the previous one (null when it had none) and the change between them. The change fields are null
 * where the contract leaves them empty.
 */
public record SeriesChange(
        SeriesValue value,
        SeriesValue previous,
        Long changeLow,
        Long changeHigh,
        BigDecimal changePct,
        Status status) implements Serializable {

    public SeriesKey key() {
        return value.key();
    }
}
