package briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/** Numbers read as {@code String.format(Locale.ROOT, "%,d", n)} writes them. */
class FigurePropertyTests {

    @Property(tries = 3000)
    void shouldGroupDigitsAsTheFormatterDoes(@ForAll long n) {
        assertThat(Figure.number(n)).isEqualTo(String.format(Locale.ROOT, "%,d", n));
    }

    @Property(tries = 1000)
    void shouldGroupSmallNumbersAsTheFormatterDoes(@ForAll int n) {
        long small = n % 100_000;
        assertThat(Figure.number(small)).isEqualTo(String.format(Locale.ROOT, "%,d", small));
    }
}
