package briefing.ledger;

import static briefing.ledger.RandomValues.string;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written checks of {@link ClaimParser} accept exactly what the contract's patterns accept. */
class ClaimParserPropertyTests {

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern WHOLE = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+|\\d{1,3}( \\d{3})+");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final ClaimParser PARSER = new ClaimParser(LocalDate.of(9999, 12, 31));

    @Test
    void shouldAcceptWholeNumbersAsThePatternDoes() {
        for (int seed = 0; seed < 5000; seed++) {
            String text = number(new Random(seed));

            assertThat(ClaimParser.isWhole(text)).as("seed %d: %s", seed, text).isEqualTo(WHOLE.matcher(text).matches());
        }
    }

    @Test
    void shouldAcceptRecordIdsAsThePatternDoes() {
        for (int seed = 0; seed < 3000; seed++) {
            String text = id(new Random(seed));

            assertThat(ClaimParser.isRecordId(text)).as("seed %d: %s", seed, text).isEqualTo(RECORD_ID.matcher(text).matches());
        }
    }

    @Test
    void shouldReadDatesAsTheStrictFormatterDoes() {
        for (int seed = 0; seed < 5000; seed++) {
            String text = date(new Random(seed));

            ClaimParser.Outcome outcome = PARSER.parse(Rows.valid().with(Column.REPORTED_ON, text).row());

            if (!DATE_SHAPE.matcher(text).matches()) {
                assertThat(outcome.rejection()).as("seed %d: %s", seed, text).isNotNull();
                assertThat(outcome.rejection().reason()).as("seed %d: %s", seed, text)
                        .endsWith("is not a date written YYYY-MM-DD.");
                continue;
            }
            LocalDate expected;
            try {
                expected = LocalDate.parse(text, DATE);
            } catch (DateTimeParseException e) {
                assertThat(outcome.rejection()).as("seed %d: %s", seed, text).isNotNull();
                assertThat(outcome.rejection().reason()).as("seed %d: %s", seed, text).endsWith("is not a day of the calendar.");
                continue;
            }
            assertThat(outcome.claim()).as("seed %d: %s", seed, text).isNotNull();
            assertThat(outcome.claim().reportedOn()).as("seed %d: %s", seed, text).isEqualTo(expected);
        }
    }

    private static String number(Random random) {
        return string(random, "0123456789, -+.\u0663", 0, 14);
    }

    private static String id(Random random) {
        return random.nextBoolean() ? string(random, "aZ09._:-/ é", 0, 8) : string(random, "ab", 95, 105);
    }

    private static String date(Random random) {
        if (random.nextBoolean()) {
            return String.format("%04d-%02d-%02d", random.nextInt(10_000), random.nextInt(14), random.nextInt(33));
        }
        return string(random, "0123456789-\u0663", 8, 11);
    }
}
