package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;

import briefing.ledger.IdIndex;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
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

    @Test
    void shouldKeepOnAThreadOfItsOwnAndLetTheNextKeepAndTheJobsEndWait() throws InterruptedException {
        IndexHandOff handOff = new IndexHandOff();
        CountDownLatch release = new CountDownLatch(1);
        List<String> kept = new CopyOnWriteArrayList<>();
        handOff.keepInBackground(() -> {
            awaitQuietly(release);
            kept.add("first");
        });
        Thread second = new Thread(() -> handOff.keepInBackground(() -> kept.add("second")));
        second.start();

        second.join(200);
        // the second waits for the first, which waits for the latch
        assertThat(second.isAlive()).isTrue();
        assertThat(kept).isEmpty();
        release.countDown();
        second.join();
        handOff.afterJob(null);

        assertThat(kept).containsExactly("first", "second");
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
