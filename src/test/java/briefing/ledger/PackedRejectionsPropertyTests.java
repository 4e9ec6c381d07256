package briefing.ledger;

import static briefing.ledger.RandomValues.intBetween;
import static briefing.ledger.RandomValues.longBetween;
import static briefing.ledger.RandomValues.orNull;
import static briefing.ledger.RandomValues.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Rejections come back as packed, in order, whether their columns and reasons repeat or not. */
class PackedRejectionsPropertyTests {

    private static final int TRIES = 500;
    private static final String TEXT = "aZ09 ,:-\"\n한é€";

    @Test
    void shouldUnpackWhatWasPacked() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            List<String> reasons = List.of(string(random, TEXT, 0, 40), string(random, TEXT, 0, 40), string(random, TEXT, 0, 40));
            List<PackedRejections.Entry> entries = new ArrayList<>();
            for (int n = intBetween(random, 0, 30); n > 0; n--) {
                String reason = random.nextBoolean() ? reasons.get(random.nextInt(reasons.size())) : string(random, TEXT, 0, 80);
                String column = random.nextBoolean() ? "" : Column.values()[random.nextInt(Column.values().length)].header();
                Rejection rejection = new Rejection("claims.csv", longBetween(random, 1, Long.MAX_VALUE),
                        string(random, TEXT, 0, 12), column, reason);
                entries.add(new PackedRejections.Entry(rejection, orNull(random, 0.3, string(random, TEXT, 0, 200))));
            }

            assertThat(PackedRejections.unpack("claims.csv", PackedRejections.pack(entries))).as("seed %d", seed)
                    .isEqualTo(entries);
        }
    }
}
