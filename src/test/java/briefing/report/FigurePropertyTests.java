package briefing.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Numbers read as {@code String.format(Locale.ROOT, "%,d", n)} writes them. */
class FigurePropertyTests {

    @Test
    void shouldGroupDigitsAsTheFormatterDoes() {
        Random random = new Random(1);
        for (long n : new long[] {0, 1, -1, 999, 1000, -1000, Long.MAX_VALUE, Long.MIN_VALUE}) {
            assertThat(Figure.number(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
        for (int i = 0; i < 3000; i++) {
            long n = random.nextLong() >> random.nextInt(64);
            assertThat(Figure.number(n)).as("%d", n).isEqualTo(String.format(Locale.ROOT, "%,d", n));
        }
    }

    @Test
    void shouldGroupSmallNumbersAsTheFormatterDoes() {
        Random random = new Random(2);
        for (int i = 0; i < 1000; i++) {
            long small = random.nextInt() % 100_000;
            assertThat(Figure.number(small)).as("%d", small).isEqualTo(String.format(Locale.ROOT, "%,d", small));
        }
    }
}
