package dev.qmark.aws.dynamodb;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.function.Function;

/**
 * Reads a period's days (one partition each) at the same time rather than one after another: a
 * digest reads 30 days, a report or {@code /stats} call up to a year, and each day is a round trip
 * of its own that waits on nothing but the network. At most {@link #AT_ONCE} are in flight, so a
 * year does not open hundreds of connections; the results come back in the days' order, and the
 * first failure fails the whole read (as the serial loop did). The read units are the same.
 */
final class DaysReadTogether {

    /** Round trips in flight at once: enough to hide the latency of a month, few enough for one Lambda. */
    static final int AT_ONCE = 16;

    private DaysReadTogether() {
    }

    static <T> List<T> read(LocalDate from, LocalDate to, Function<LocalDate, List<T>> day) {
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
            days.add(d);
        }
        if (days.size() <= 1) {
            return days.isEmpty() ? List.of() : day.apply(days.get(0));
        }
        Semaphore slots = new Semaphore(AT_ONCE);
        List<Future<List<T>>> reads = new ArrayList<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (LocalDate d : days) {
                reads.add(threads.submit(() -> {
                    slots.acquire();
                    try {
                        return day.apply(d);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> read : reads) {
                all.addAll(read.get());
            }
            return all;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("reading days " + from + " to " + to + " was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
