package dev.qmark.core.reading;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Reads that wait on nothing but the network, started together instead of one after another: a
 * report's first event is a few dozen round trips to DynamoDB, and priming a function for SnapStart
 * cannot shorten those, only doing them at the same time can. At most {@link #AT_ONCE} run at once
 * (virtual threads), results come back in the order asked, and a failed read fails its caller with
 * its own exception, as if it had run on the caller's thread. Close it to wait for what is left.
 * A read must not wait for another read of the same {@code Together}: the slots it holds could be
 * the ones the other needs.
 */
public final class Together implements AutoCloseable {

    /** Reads in flight at once: enough to hide a month's latency, few enough for one Lambda. */
    public static final int AT_ONCE = 16;

    private final ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
    private final Semaphore slots = new Semaphore(AT_ONCE);

    /** Starts {@code read}; the supplier returned waits for its result (or throws its exception). */
    public <T> Supplier<T> start(Callable<T> read) {
        Future<T> future = threads.submit(() -> {
            slots.acquire();
            try {
                return read.call();
            } finally {
                slots.release();
            }
        });
        return () -> result(future);
    }

    /** Starts {@code read} of every one of {@code inputs}; the supplier returned waits for all, in the inputs' order. */
    public <I, T> Supplier<List<T>> startEach(List<I> inputs, Function<I, T> read) {
        List<Supplier<T>> started = new ArrayList<>();
        for (I input : inputs) {
            started.add(start(() -> read.apply(input)));
        }
        return () -> started.stream().map(Supplier::get).toList();
    }

    /** {@code read} of every one of {@code inputs}, at the same time, the results in the inputs' order. */
    public <I, T> List<T> each(List<I> inputs, Function<I, T> read) {
        return startEach(inputs, read).get();
    }

    /** As {@link #each}, for one-off use: reads everything together and waits. */
    public static <I, T> List<T> readEach(List<I> inputs, Function<I, T> read) {
        if (inputs.size() <= 1) {
            return inputs.stream().map(read).toList(); // nothing to overlap: the caller's thread
        }
        try (Together together = new Together()) {
            return together.each(inputs, read);
        }
    }

    private static <T> T result(Future<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("a read was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void close() {
        threads.close();
    }
}
