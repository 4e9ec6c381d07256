package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.IdIndex;
import org.junit.jupiter.api.Test;

class IndexHandOffTests {

    @Test
    void shouldHandTheIndexOnlyToTheSameJobExecutionAndOnlyOnce() {
        IndexHandOff handOff = new IndexHandOff();
        IdIndex index = new IdIndex();
        handOff.offer(7, index);

        assertThat(handOff.take(8)).isEmpty();
        // taking for another execution drops it too: it may no longer be up to date
        assertThat(handOff.take(7)).isEmpty();

        handOff.offer(7, index);
        assertThat(handOff.take(7)).containsSame(index);
        assertThat(handOff.take(7)).isEmpty();
    }
}
