package briefing.change;

import briefing.ledger.Claim;
import briefing.ledger.Qualifier;
import briefing.ledger.SeriesKey;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * The value of one series at the end of a period, with the record that describes it
 * ({@code recordId}, {@code asOf}, {@code reportedOn}: empty for {@code ALL}) and every record behind
 * it. {@code latestReportedOn} is the newest {@code reported_on} among those records: the value is
 * new in a period when that day falls inside it. {@code qualifier} is null when the records behind
 * the value hedge differently.
 */
public record SeriesValue(
        SeriesKey key,
        Range range,
        boolean derived,
        String recordId,
        LocalDate asOf,
        LocalDate reportedOn,
        LocalDate latestReportedOn,
        Qualifier qualifier,
        List<Claim> records) implements Serializable {
}
