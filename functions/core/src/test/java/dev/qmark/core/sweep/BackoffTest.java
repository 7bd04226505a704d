package dev.qmark.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class BackoffTest {

    static final Instant NOW = Instant.parse("2026-11-23T01:00:00Z");

    @Test
    void oneMinuteThenDoublingUpToAnHour() {
        assertEquals(NOW.plus(Duration.ofMinutes(1)), Backoff.nextCheck(NOW, 1));
        assertEquals(NOW.plus(Duration.ofMinutes(2)), Backoff.nextCheck(NOW, 2));
        assertEquals(NOW.plus(Duration.ofMinutes(4)), Backoff.nextCheck(NOW, 3));
        assertEquals(NOW.plus(Duration.ofMinutes(32)), Backoff.nextCheck(NOW, 6));
        assertEquals(NOW.plus(Duration.ofHours(1)), Backoff.nextCheck(NOW, 7));
        assertEquals(NOW.plus(Duration.ofHours(1)), Backoff.nextCheck(NOW, 1000), "no overflow however long it fails");
    }

    @Test
    void alwaysLaterThanNowSoTheNextSweepReadsPastIt() {
        for (int failures = 0; failures < 70; failures++) {
            assertEquals(true, Backoff.nextCheck(NOW, failures).isAfter(NOW), "failures " + failures);
        }
    }
}
