package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DaysReadTogetherTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 1, 1);

    @Test
    void aYearComesBackInTheDaysOrderWhateverOrderTheReadsFinishIn() {
        List<LocalDate> read = DaysReadTogether.read(FIRST, FIRST.plusDays(364), day -> {
            sleepUpTo(3);
            return List.of(day);
        });
        assertEquals(365, read.size());
        for (int i = 0; i < read.size(); i++) {
            assertEquals(FIRST.plusDays(i), read.get(i));
        }
    }

    @Test
    void neverMoreThanItsLimitOfReadsInFlight() {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        DaysReadTogether.read(FIRST, FIRST.plusDays(99), day -> {
            most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            sleepUpTo(5);
            inFlight.decrementAndGet();
            return List.of();
        });
        assertTrue(most.get() <= DaysReadTogether.AT_ONCE, "at most " + DaysReadTogether.AT_ONCE + " at once, saw " + most.get());
        assertTrue(most.get() > 1, "the days were read one after another");
    }

    @Test
    void aFailedDayFailsTheReadWithItsOwnException() {
        IllegalStateException failure = new IllegalStateException("throttled");
        IllegalStateException thrown = assertThrows(IllegalStateException.class,
                () -> DaysReadTogether.read(FIRST, FIRST.plusDays(29), day -> {
                    if (day.equals(FIRST.plusDays(17))) {
                        throw failure;
                    }
                    return List.of(day);
                }));
        assertSame(failure, thrown);
    }

    @Test
    void oneDayOrNoneIsReadOnTheCallingThread() {
        Thread caller = Thread.currentThread();
        assertEquals(List.of(caller), DaysReadTogether.read(FIRST, FIRST, day -> List.of(Thread.currentThread())));
        assertEquals(List.of(), DaysReadTogether.read(FIRST, FIRST.minusDays(1), day -> List.of(Thread.currentThread())));
    }

    private static void sleepUpTo(int millis) {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextInt(millis + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
