package briefing.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class InOrderWorkTests {

    @Test
    void shouldHandTheResultsOverInTheItemsOrderFromSeveralThreads() {
        List<Integer> items = IntStream.range(0, 200).boxed().toList();
        Set<String> threads = ConcurrentHashMap.newKeySet();
        List<Integer> results = new ArrayList<>();

        InOrderWork.run(items, 2, item -> {
            threads.add(Thread.currentThread().getName());
            // later items finish first now and then
            if (item % 7 == 0) {
                sleep(2);
            }
            return item * 10;
        }, results::add);

        assertThat(results).isEqualTo(items.stream().map(i -> i * 10).toList());
        assertThat(threads).doesNotContain(Thread.currentThread().getName());
    }

    @Test
    void shouldWorkOnAtMostTwiceAsManyItemsAsThreadsAheadOfTheOneHandedOver() {
        AtomicInteger started = new AtomicInteger();
        List<Integer> aheadWhenHanded = new ArrayList<>();

        InOrderWork.run(IntStream.range(0, 50).boxed().toList(), 2, item -> {
            started.incrementAndGet();
            return item;
        }, item -> aheadWhenHanded.add(started.get() - item - 1));

        assertThat(aheadWhenHanded).allSatisfy(ahead -> assertThat(ahead).isBetween(0, 3));
    }

    @Test
    void shouldPassOnTheFailureOfAnItem() {
        List<Integer> handed = new ArrayList<>();

        assertThatThrownBy(() -> InOrderWork.run(List.of(1, 2, 3, 4), 2, item -> {
            if (item == 3) {
                throw new IllegalArgumentException("item 3 is bad");
            }
            return item;
        }, handed::add)).isInstanceOf(IllegalArgumentException.class).hasMessage("item 3 is bad");
        assertThat(handed).containsExactly(1, 2);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
