package briefing.job;

import briefing.thread.Futures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Works on the items of a list on a few threads and hands the results over, on the caller's thread, in
 * the items' order; at most twice as many items as threads are worked on or waiting at a time, so that
 * few results are held at once.
 */
final class InOrderWork {

    private InOrderWork() {
    }

    static <T, R> void run(List<T> items, int threads, Function<T, R> work, Consumer<R> inOrder) {
        ExecutorService pool = Futures.daemonPool(threads, "in-order-work");
        try {
            Deque<Future<R>> pending = new ArrayDeque<>();
            int next = 0;
            while (next < items.size() || !pending.isEmpty()) {
                while (next < items.size() && pending.size() < 2 * threads) {
                    T item = items.get(next++);
                    pending.add(pool.submit(() -> work.apply(item)));
                }
                inOrder.accept(Futures.join(pending.poll(), "computing the figures"));
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
