package dev.qmark.core.intake;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes a customer's submission: store first, then enqueue. A 2xx to the customer means the
 * item is durably stored. A duplicate (same idempotency key, or the same content again within
 * minutes) answers with the first item's id and enqueues it again, which the router ignores if
 * it was routed already. An enqueue that fails after the item is stored does not fail the
 * submission: {@link StuckFeedback} finds such items in the table and enqueues them again.
 */
public final class FeedbackIntake {

    /** How long identical content counts as the same submission (double clicks, resubmits). */
    public static final Duration SAME_CONTENT_WINDOW = Duration.ofMinutes(10);
    /** How long a client's Idempotency-Key is remembered. */
    public static final Duration IDEMPOTENCY_KEY_WINDOW = Duration.ofHours(24);

    private static final Logger LOG = LoggerFactory.getLogger(FeedbackIntake.class);

    private final FeedbackRepository repository;
    private final FeedbackQueue queue;
    private final Metrics metrics;
    private final Clock clock;

    public FeedbackIntake(FeedbackRepository repository, FeedbackQueue queue, Clock clock) {
        this(repository, queue, Metrics.NONE, clock);
    }

    /** With {@code metrics}: each new item counts as feedback received on its channel. */
    public FeedbackIntake(FeedbackRepository repository, FeedbackQueue queue, Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.repository = repository;
        this.queue = queue;
        this.clock = clock;
    }

    /** What became of a submission. */
    public record Receipt(String feedbackId, boolean duplicate) {
    }

    /** A client sent other content under an Idempotency-Key it used before: a client bug, never a retry. */
    public static final class IdempotencyKeyReused extends RuntimeException {
        public IdempotencyKeyReused() {
            super("Idempotency-Key was used before for a different submission; use a new key for new feedback");
        }
    }

    public Receipt submit(Submission submission, Channel channel) {
        Instant now = clock.instant();
        Feedback feedback = new Feedback(FeedbackIds.newId(), channel,
                new Customer(submission.name(), submission.email()), submission.subject(), submission.message(),
                submission.rating(), now, FeedbackStatus.RECEIVED, null);
        Duration window = submission.idempotencyKey() != null ? IDEMPOTENCY_KEY_WINDOW : SAME_CONTENT_WINDOW;
        FeedbackRepository.Stored stored = repository.storeNew(feedback, submission.dedupeKey(),
                submission.contentFingerprint(), now.plus(window),
                new TimelineEvent(now, "received", "received via " + channel.wireName() + " from " + submission.email()));
        if (!stored.sameContent()) {
            throw new IdempotencyKeyReused();
        }
        if (stored.created()) {
            metrics.feedbackReceived(channel);
        }
        try {
            queue.enqueue(stored.feedbackId());
        } catch (RuntimeException e) {
            // stored is what the customer's 202 promises; StuckFeedback (or the customer's retry) enqueues it again
            LOG.warn("feedback " + stored.feedbackId() + " is stored but could not be enqueued: " + e);
        }
        return new Receipt(stored.feedbackId(), !stored.created());
    }
}
