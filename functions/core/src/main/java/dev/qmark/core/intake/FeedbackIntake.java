package dev.qmark.core.intake;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.FormAcknowledgements;
import dev.qmark.core.text.Hashes;
import dev.qmark.core.ports.Metrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /**
     * Acknowledgements the form may cause in an hour: per address as many as a mail customer gets
     * (the same counter), per client enough for an office behind one IP address, too few to use
     * Qmark's sender to mail a list of strangers.
     */
    public static final FormAcknowledgements.Limits FORM_ACKNOWLEDGEMENT_LIMITS =
            new FormAcknowledgements.Limits(CustomerMailIntake.ACKNOWLEDGEMENTS_PER_HOUR, 10);

    private final FeedbackRepository repository;
    private final FeedbackQueue queue;
    private final FormAcknowledgements acknowledgements;
    private final Metrics metrics;
    private final Clock clock;

    /**
     * With {@code acknowledgements}: a new form item is marked for an acknowledgement when the limits allow;
     * each new item counts in {@code metrics} as feedback received on its channel.
     */
    public FeedbackIntake(FeedbackRepository repository, FeedbackQueue queue, FormAcknowledgements acknowledgements,
                          Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.repository = repository;
        this.queue = queue;
        this.acknowledgements = acknowledgements;
        this.clock = clock;
    }

    /**
     * Where a form post came from: the client's IP address (only its hash is kept, in an hourly
     * counter that expires) and the form's language ("ko", "en"), which the acknowledgement speaks.
     */
    public record Client(String address, String language) {
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
        return submit(submission, channel, null);
    }

    /** A submission from {@code client} (null: none known, nothing acknowledged). */
    public Receipt submit(Submission submission, Channel channel, Client client) {
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
        if (stored.created() && client != null) {
            // before the enqueue: the router reads the mark when it takes the item
            markForAcknowledgement(stored.feedbackId(), submission.email(), client, now);
        }
        try {
            queue.enqueue(stored.feedbackId());
        } catch (RuntimeException e) {
            // stored is what the customer's 202 promises; StuckFeedback (or the customer's retry) enqueues it again
            LOG.warn("feedback " + stored.feedbackId() + " is stored but could not be enqueued: " + e);
        }
        return new Receipt(stored.feedbackId(), !stored.created());
    }

    /**
     * Within the hour's limits for the address and the client, marks the item for the router to
     * acknowledge; over them, says so on the timeline. A duplicate is never marked again. Failing
     * here fails nothing the customer was promised: the item is stored and is enqueued next.
     */
    private void markForAcknowledgement(String feedbackId, String email, Client client, Instant now) {
        String clientKey = "ip#" + Hashes.sha256(client.address() == null ? "unknown" : client.address()).substring(0, 32);
        String language = "ko".equals(client.language()) ? "ko" : "en";
        try {
            if (!acknowledgements.allow(feedbackId, email, clientKey, now.truncatedTo(ChronoUnit.HOURS),
                    FORM_ACKNOWLEDGEMENT_LIMITS, language)) {
                repository.recordEvent(feedbackId, new TimelineEvent(now.plusMillis(1), "not-acknowledged",
                        "no acknowledgement: the address or the client reached the hour's limit"));
            }
        } catch (RuntimeException e) {
            LOG.warn("feedback " + feedbackId + " is stored; its acknowledgement could not be decided: " + e);
        }
    }
}
