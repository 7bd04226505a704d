package dev.qmark.core.reading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TogetherTest {

    @Test
    void resultsComeBackInTheOrderAskedWhateverOrderTheReadsFinishIn() {
        List<Integer> inputs = IntStream.range(0, 200).boxed().toList();
        assertEquals(inputs.stream().map(i -> i * 2).toList(), Together.readEach(inputs, i -> {
            sleepUpTo(3);
            return i * 2;
        }));
    }

    @Test
    void neverMoreThanItsLimitOfReadsInFlightButMoreThanOne() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Together.readEach(IntStream.range(0, 100).boxed().toList(), i -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleepUpTo(5);
            inFlight.decrementAndGet();
            return i;
        });
        assertTrue(most.get() <= Together.AT_ONCE, "at most " + Together.AT_ONCE + " at once, saw " + most.get());
        assertTrue(most.get() > 1, "the reads ran one after another");
    }

    @Test
    void aFailedReadFailsItsCallerWithItsOwnException() {
        IllegalStateException failure = new IllegalStateException("throttled");
        assertSame(failure, assertThrows(IllegalStateException.class,
                () -> Together.readEach(IntStream.range(0, 30).boxed().toList(), i -> {
                    if (i == 17) {
                        throw failure;
                    }
                    return i;
                })));
        try (Together together = new Together()) {
            Supplier<String> fine = together.start(() -> "fine");
            Supplier<String> failed = together.start(() -> {
                throw failure;
            });
            assertEquals("fine", fine.get());
            assertSame(failure, assertThrows(IllegalStateException.class, failed::get));
        }
    }

    @Test
    void differentReadsStartedTogetherRunAtTheSameTime() {
        CountDownLatch bothStarted = new CountDownLatch(2);
        Callable<Boolean> meetTheOther = () -> {
            bothStarted.countDown();
            return bothStarted.await(10, TimeUnit.SECONDS); // false if run one after the other
        };
        try (Together together = new Together()) {
            Supplier<Boolean> a = together.start(meetTheOther);
            Supplier<Boolean> b = together.start(meetTheOther);
            assertTrue(a.get() && b.get(), "the two reads did not run at the same time");
        }
    }

    @Test
    void oneReadOrNoneRunsOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(caller), Together.readEach(List.of(1), i -> Thread.currentThread()));
        assertEquals(List.of(), Together.readEach(List.<Integer>of(), i -> Thread.currentThread()));
    }

    private static void sleepUpTo(int millis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
