package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LoadedIdsTests {

    @Test
    void shouldKnowEveryIdAddedAndFewOthers() {
        LoadedIds ids = new LoadedIds();
        for (int i = 0; i < 200_000; i++) {
            ids.add("g" + i);
        }

        int falsePositives = 0;
        for (int i = 0; i < 200_000; i++) {
            assertThat(ids.mightContain("g" + i)).isTrue();
            falsePositives += ids.mightContain("h" + i) || ids.mightContain("g" + (200_000 + i)) ? 1 : 0;
        }

        assertThat(falsePositives).isLessThan(200);
    }
}
