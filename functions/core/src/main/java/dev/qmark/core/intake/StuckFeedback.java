package dev.qmark.core.intake;

import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.UnfinishedFeedback;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds feedback that is stored but stopped on its way (not asked yet: its message was never
 * enqueued after the {@code 202}, or a queue lost it) and enqueues it again. The router and the
 * escalator are idempotent, so an item that was only slow is not harmed. This is how
 * "recoverable from the table" is made true: in AWS a schedule runs it (mail-intake's), the local
 * system also at start-up (its queues live in memory).
 *
 * <p>It reads {@link UnfinishedFeedback}, which holds only items not asked yet, each with its next
 * check: {@link #FIRST_CHECK} after it arrived, then every {@link #CHECK_AGAIN}. So a run costs
 * what is stuck, and a stuck item is enqueued again every ten minutes, not every run.
 */
public final class StuckFeedback {

    /** Normal routing takes seconds; after this, an item not asked yet counts as stuck. */
    public static final Duration FIRST_CHECK = Duration.ofMinutes(5);
    /** How long an item enqueued again has before it is enqueued once more. */
    public static final Duration CHECK_AGAIN = Duration.ofMinutes(10);
    /** Per run; what is left waits for the next run. */
    static final int MAX_PER_RUN = 500;

    private static final Logger LOG = LoggerFactory.getLogger(StuckFeedback.class);

    private final UnfinishedFeedback unfinished;
    private final FeedbackQueue queue;
    private final Clock clock;

    public StuckFeedback(UnfinishedFeedback unfinished, FeedbackQueue queue, Clock clock) {
        this.unfinished = unfinished;
        this.queue = queue;
        this.clock = clock;
    }

    /** Enqueues again what is due for a check now: the schedule's run. */
    public int redrive() {
        return redrive(clock.instant());
    }

    /**
     * Enqueues again every unfinished item whose check is due by {@code dueBy} (the local system at
     * start-up passes a time far ahead: its queues are empty, so everything unfinished is stuck).
     *
     * @return how many items were enqueued again
     */
    public int redrive(Instant dueBy) {
        List<String> due = unfinished.due(dueBy, MAX_PER_RUN);
        Instant next = clock.instant().plus(CHECK_AGAIN);
        int count = 0;
        for (String id : due) {
            try {
                queue.enqueue(id);
                unfinished.postpone(id, next);
                count++;
            } catch (RuntimeException e) {
                // the queue is down: it stays due, the next run tries again
                LOG.warn("feedback " + id + " could not be enqueued again: " + e);
            }
        }
        return count;
    }
}
