package briefing.ledger;

import static briefing.ledger.RandomValues.epochDay;
import static briefing.ledger.RandomValues.longBetween;
import static briefing.ledger.RandomValues.oneOf;
import static briefing.ledger.RandomValues.orNull;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The canonical content, and so every content hash in a ledger, stays what it always was. */
class ClaimPropertyTests {

    private static final int TRIES = 1000;
    private static final String CHARS = "ab ,é한\u001f";

    @Test
    void shouldJoinTheFieldsWithUnitSeparators() {
        for (int seed = 0; seed < TRIES; seed++) {
            Random random = new Random(seed);
            Claim c = claim(random);

            String joined = String.join("\u001f", c.recordId(), c.reportedOn().toString(), c.source(), orEmpty(c.conduit()),
                    c.subject(), c.metric().code(), Long.toString(c.valueLow()), Long.toString(c.valueHigh()),
                    c.qualifier().code(), c.basis().code(), c.asOf().toString(),
                    c.windowStart() == null ? "" : c.windowStart().toString(), orEmpty(c.citation()), orEmpty(c.supersedes()),
                    orEmpty(c.note()));

            assertThat(c.canonicalContent()).as("seed %d", seed).isEqualTo(joined);
        }
    }

    private static Claim claim(Random random) {
        return new Claim(text(random), day(random), text(random), optional(random), text(random), oneOf(random, Metric.class),
                value(random), value(random), oneOf(random, Qualifier.class), oneOf(random, Basis.class), day(random),
                orNull(random, 0.5, day(random)), optional(random), optional(random), optional(random));
    }

    private static String text(Random random) {
        return RandomValues.string(random, CHARS, 1, 12);
    }

    private static String optional(Random random) {
        return orNull(random, 0.4, text(random));
    }

    private static LocalDate day(Random random) {
        return epochDay(random, 0, 20_000);
    }

    private static long value(Random random) {
        return longBetween(random, 0, Long.MAX_VALUE);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
