package dev.qmark.core.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HistogramTest {

    private static Tally answers(long... minutes) {
        Tally t = Tally.ZERO;
        for (long m : minutes) {
            t = t.plus(Tally.ZERO.withAnswer(m));
        }
        return t;
    }

    @Test
    void medianAndP90AreTheBucketsUpperBoundsCappedByTheMax() {
        Tally t = answers(3, 12, 25, 50, 70, 100, 170, 200, 230, 500);
        assertEquals(90L, t.medianMinutes());   // the 5th of 10 (70) is in the 60..90 bucket
        assertEquals(240L, t.p90Minutes());     // the 9th (230) is in 180..240
        assertEquals(500L, t.maxMinutes());
        assertEquals(10, t.answered());
    }

    @Test
    void oneAnswerIsItsOwnMedianWithinItsBucket() {
        Tally t = answers(7);
        assertEquals(7L, t.medianMinutes());
        assertEquals(7L, t.p90Minutes());
    }

    @Test
    void daysAddUpByAddingCounts() {
        Tally a = answers(10, 20);
        Tally b = answers(300).plus(Tally.ZERO.withBreaches(1)).plus(Tally.ZERO.withAsked(4));
        Tally sum = a.plus(b);
        assertEquals(3, sum.answered());
        assertEquals(300L, sum.maxMinutes());
        assertEquals(0.25, sum.breachRate());
        assertNull(Tally.ZERO.medianMinutes());
        assertNull(Tally.ZERO.breachRate());
    }

    @Test
    void longerThanTheLastBoundFallsInTheOpenBucket() {
        assertEquals(Histogram.BOUNDS.size(), Histogram.bucket(100_000));
        assertEquals(100_000L, answers(100_000).medianMinutes());
    }
}
