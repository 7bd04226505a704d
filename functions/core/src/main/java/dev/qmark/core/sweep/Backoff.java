package dev.qmark.core.sweep;

import java.time.Duration;
import java.time.Instant;

/**
 * When the sweeper looks again at an escalation whose check failed: one minute (the schedule's
 * period) after the first failure, doubling, at most an hour. A failure that lasts (bad data, a
 * bug) then costs a handful of reads before the item is set aside, while a passing one (a
 * throttled send) is retried within minutes; meanwhile every other due item is read past it.
 */
final class Backoff {

    static final Duration FIRST = Duration.ofMinutes(1);
    static final Duration MOST = Duration.ofHours(1);

    private Backoff() {
    }

    /** The next check after the {@code failures}-th failure in a row (from 1) at {@code now}. */
    static Instant nextCheck(Instant now, int failures) {
        int doublings = Math.min(Math.max(failures - 1, 0), 10);
        Duration wait = FIRST.multipliedBy(1L << doublings);
        return now.plus(wait.compareTo(MOST) > 0 ? MOST : wait);
    }
}
