package briefing.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The canonical content, and so every content hash in a ledger, stays what it always was. */
class ClaimPropertyTests {

    @Property(tries = 1000)
    void shouldJoinTheFieldsWithUnitSeparators(@ForAll("claims") Claim c) {
        String joined = String.join("\u001f", c.recordId(), c.reportedOn().toString(), c.source(), orEmpty(c.conduit()),
                c.subject(), c.metric().code(), Long.toString(c.valueLow()), Long.toString(c.valueHigh()),
                c.qualifier().code(), c.basis().code(), c.asOf().toString(),
                c.windowStart() == null ? "" : c.windowStart().toString(), orEmpty(c.citation()), orEmpty(c.supersedes()),
                orEmpty(c.note()));

        assertThat(c.canonicalContent()).isEqualTo(joined);
    }

    @Provide
    Arbitrary<Claim> claims() {
        Arbitrary<String> text = Arbitraries.strings().withChars("ab ,é한\u001f").ofMinLength(1).ofMaxLength(12);
        Arbitrary<String> optional = text.injectNull(0.4);
        Arbitrary<LocalDate> day = Arbitraries.integers().between(0, 20_000).map(d -> LocalDate.ofEpochDay(d));
        Arbitrary<Long> value = Arbitraries.longs().between(0, Long.MAX_VALUE);
        return Combinators.combine(text, day, text, optional, text, Arbitraries.of(Metric.class), value, value)
                .flatAs((id, reported, source, conduit, subject, metric, low, high) ->
                        Combinators.combine(Arbitraries.of(Qualifier.class), Arbitraries.of(Basis.class), day,
                                        day.injectNull(0.5), optional, optional, optional)
                                .as((qualifier, basis, asOf, window, citation, supersedes, note) -> new Claim(id, reported,
                                        source, conduit, subject, metric, low, high, qualifier, basis, asOf, window,
                                        citation, supersedes, note)));
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
