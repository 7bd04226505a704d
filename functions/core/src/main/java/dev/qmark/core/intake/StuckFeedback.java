package dev.qmark.core.intake;

import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Finds feedback that is stored but stopped on its way (still RECEIVED or ROUTED: its message
 * was never enqueued, or a queue lost it) and enqueues it again. The router and the escalator
 * are idempotent, so an item that was only slow is not harmed. This is how "recoverable from
 * the table" is made true: the local system runs it at start-up (its queues live in memory).
 */
public final class StuckFeedback {

    private static final int PAGE = 100;

    private final FeedbackRepository repository;
    private final FeedbackQueue queue;
    private final Clock clock;

    public StuckFeedback(FeedbackRepository repository, FeedbackQueue queue, Clock clock) {
        this.repository = repository;
        this.queue = queue;
        this.clock = clock;
    }

    /** @return how many items were enqueued again */
    public int redrive(Duration olderThan) {
        Instant before = clock.instant().minus(olderThan);
        int count = 0;
        for (FeedbackStatus status : new FeedbackStatus[] {FeedbackStatus.RECEIVED, FeedbackStatus.ROUTED}) {
            String cursor = null;
            do {
                FeedbackRepository.Page page = repository.list(status, null, PAGE, cursor);
                for (Feedback feedback : page.items()) {
                    if (!feedback.receivedAt().isAfter(before)) {
                        queue.enqueue(feedback.id());
                        count++;
                    }
                }
                cursor = page.cursor();
            } while (cursor != null);
        }
        return count;
    }
}
