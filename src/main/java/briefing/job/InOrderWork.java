package briefing.job;

import briefing.report.Futures;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
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
                inOrder.accept(result(pending.poll()));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static <R> R result(Future<R> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while computing the figures", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
