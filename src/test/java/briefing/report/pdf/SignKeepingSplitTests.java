package briefing.report.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignKeepingSplitTests {

    @Test
    void shouldKeepAMinusSignWithItsNumber() {
        assertThat(breaksAfter("\u25BC -145,157 / -159,088 (-84.7%)")).containsExactly(1, 10, 12, 21);
    }

    @Test
    void shouldStillBreakAfterTheHyphenOfARangeOrAWord() {
        assertThat(breaksAfter("111,497-120,777")).containsExactly(7);
        assertThat(breaksAfter("well-known")).containsExactly(4);
    }

    /** The places where a line may end, as indexes of the character it ends with. */
    private static List<Integer> breaksAfter(String text) {
        char[] chars = text.toCharArray();
        List<Integer> breaks = new ArrayList<>();
        for (int i = 0; i < chars.length; i++) {
            if (SignKeepingSplit.INSTANCE.isSplitCharacter(0, i, chars.length, chars, null)) {
                breaks.add(i);
            }
        }
        return breaks;
    }
}
