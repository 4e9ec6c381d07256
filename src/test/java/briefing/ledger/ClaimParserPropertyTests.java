package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The hand-written checks of {@link ClaimParser} accept exactly what the contract's patterns accept. */
class ClaimParserPropertyTests {

    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    private static final Pattern WHOLE = Pattern.compile("\\d+|\\d{1,3}(,\\d{3})+|\\d{1,3}( \\d{3})+");
    private static final Pattern DATE_SHAPE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
    private static final ClaimParser PARSER = new ClaimParser(LocalDate.of(9999, 12, 31));

    @Property(tries = 5000)
    void shouldAcceptWholeNumbersAsThePatternDoes(@ForAll("numbers") String text) {
        assertThat(ClaimParser.isWhole(text)).as(text).isEqualTo(WHOLE.matcher(text).matches());
    }

    @Property(tries = 3000)
    void shouldAcceptRecordIdsAsThePatternDoes(@ForAll("ids") String text) {
        assertThat(ClaimParser.isRecordId(text)).as(text).isEqualTo(RECORD_ID.matcher(text).matches());
    }

    @Property(tries = 5000)
    void shouldReadDatesAsTheStrictFormatterDoes(@ForAll("dates") String text) {
        ClaimParser.Outcome outcome = PARSER.parse(Rows.valid().with(Column.REPORTED_ON, text).row());

        if (!DATE_SHAPE.matcher(text).matches()) {
            assertThat(outcome.rejection().reason()).as(text).endsWith("is not a date written YYYY-MM-DD.");
            return;
        }
        try {
            LocalDate expected = LocalDate.parse(text, DATE);
            assertThat(outcome.claim()).as(text).isNotNull();
            assertThat(outcome.claim().reportedOn()).isEqualTo(expected);
        } catch (DateTimeParseException e) {
            assertThat(outcome.rejection().reason()).as(text).endsWith("is not a day of the calendar.");
        }
    }

    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.strings().withChars("0123456789, -+.\u0663").ofMaxLength(14);
    }

    @Provide
    Arbitrary<String> ids() {
        return Arbitraries.oneOf(Arbitraries.strings().withChars("aZ09._:-/ é").ofMaxLength(8),
                Arbitraries.strings().withChars("ab").ofMinLength(95).ofMaxLength(105));
    }

    @Provide
    Arbitrary<String> dates() {
        Arbitrary<String> plausible = Arbitraries.integers().between(0, 9999).flatMap(y -> Arbitraries.integers().between(0, 13)
                .flatMap(m -> Arbitraries.integers().between(0, 32).map(d -> String.format("%04d-%02d-%02d", y, m, d))));
        return Arbitraries.oneOf(plausible, Arbitraries.strings().withChars("0123456789-\u0663").ofMinLength(8).ofMaxLength(11));
    }
}
