package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.ports.FeedbackQueue;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Recovery of stored feedback that never reached the router, on the in-memory table: due only
 * after its first check, enqueued again once per check, left due when the queue is down.
 */
class StuckFeedbackTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository table = new InMemoryFeedbackRepository();
    private final RecordingQueue queue = new RecordingQueue();
    private final StuckFeedback stuck = new StuckFeedback(table.unfinishedFeedback(), queue, clock);
    private int submitted;

    /** Stored (a submission of its own, never a duplicate), its enqueue lost: the queue was down. */
    private String storedButNotEnqueued() {
        FeedbackQueue down = id -> {
            throw new IllegalStateException("queue down");
        };
        return new FeedbackIntake(table.feedbackItems(), down, FormAcknowledgements.NONE, Metrics.NONE, clock)
                .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel, again " + ++submitted, 3, null), Channel.WEB)
                .feedbackId();
    }

    @Test
    void enqueuedAgainOnceItsCheckIsDueAndOncePerCheck() {
        String id = storedButNotEnqueued();
        assertEquals(0, stuck.redrive());
        clock.advance(StuckFeedback.FIRST_CHECK);
        assertEquals(1, stuck.redrive());
        assertEquals(0, stuck.redrive(), "postponed by the redrive");
        clock.advance(StuckFeedback.CHECK_AGAIN);
        assertEquals(1, stuck.redrive());
        assertEquals(List.of(id, id), queue.messages());
    }

    @Test
    void aQueueThatIsDownLeavesItDue() {
        storedButNotEnqueued();
        clock.advance(StuckFeedback.FIRST_CHECK);
        StuckFeedback failing = new StuckFeedback(table.unfinishedFeedback(), id -> {
            throw new IllegalStateException("queue down");
        }, clock);
        assertEquals(0, failing.redrive());
        assertEquals(1, stuck.redrive());
    }

    @Test
    void theStartUpRedrivesEverythingUnfinished() {
        storedButNotEnqueued();
        storedButNotEnqueued();
        assertEquals(2, stuck.redrive(clock.instant().plus(Duration.ofDays(365))));
    }
}
