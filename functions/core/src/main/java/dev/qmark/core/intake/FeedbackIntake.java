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
import java.util.ArrayList;
import java.util.List;
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

    /**
     * A submission from {@code client} (null: none known, nothing acknowledged). Plain conditional
     * writes, each safe to repeat: claim the submission's key for a new id; take the acknowledgement
     * counters for that id (form posts); put the item carrying its acknowledgement mark. A crash
     * between any two leaves no item, and no 2xx was answered: the client's retry finds the key,
     * finds no item under it, takes the counters again for the same id (they remember it: nothing more
     * is counted) and puts the item. Whoever's put creates the item counts it and the others are
     * duplicates, so racing twins store one item between them.
     */
    public Receipt submit(Submission submission, Channel channel, Client client) {
        Instant now = clock.instant();
        Duration window = submission.idempotencyKey() != null ? IDEMPOTENCY_KEY_WINDOW : SAME_CONTENT_WINDOW;
        FeedbackRepository.SubmissionKey key = repository.claimSubmission(submission.dedupeKey(), FeedbackIds.newId(),
                submission.contentFingerprint(), now.plus(window), now);
        if (!submission.contentFingerprint().equals(key.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        String id = key.feedbackId();
        // an earlier key: a duplicate, unless a crash kept its item from being stored (then store it now)
        boolean created = (key.fresh() || repository.find(id).isEmpty()) && store(id, submission, channel, client, now);
        if (created) {
            metrics.feedbackReceived(channel);
        }
        try {
            queue.enqueue(id);
        } catch (RuntimeException e) {
            // stored is what the customer's 202 promises; StuckFeedback (or the customer's retry) enqueues it again
            LOG.warn("feedback " + id + " is stored but could not be enqueued: " + e);
        }
        return new Receipt(id, !created);
    }

    /** Puts item {@code id}, marked for an acknowledgement when the form's limits allow; false when it was stored meanwhile. */
    private boolean store(String id, Submission submission, Channel channel, Client client, Instant now) {
        Feedback feedback = new Feedback(id, channel, new Customer(submission.name(), submission.email()),
                submission.subject(), submission.message(), submission.rating(), now, FeedbackStatus.RECEIVED, null);
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(now, "received", "received via " + channel.wireName() + " from " + submission.email()));
        String acknowledgeIn = client == null ? null : acknowledgement(id, submission.email(), client, now, events);
        return repository.putNew(feedback, events, acknowledgeIn);
    }

    /**
     * Within the hour's limits for the address and the client, the language the router acknowledges
     * the item in; over them null, and an event on {@code events} says so. Decided before the item is
     * written, so that the item carries it (the router reads the item anyway). Failing here fails
     * nothing the customer was promised: the item is stored, unacknowledged.
     */
    private String acknowledgement(String feedbackId, String email, Client client, Instant now, List<TimelineEvent> events) {
        String clientKey = "ip#" + Hashes.sha256(client.address() == null ? "unknown" : client.address()).substring(0, 32);
        String language = "ko".equals(client.language()) ? "ko" : "en";
        try {
            if (acknowledgements.take(feedbackId, email, clientKey, now.truncatedTo(ChronoUnit.HOURS),
                    FORM_ACKNOWLEDGEMENT_LIMITS)) {
                return language;
            }
            events.add(new TimelineEvent(now.plusMillis(1), "not-acknowledged",
                    "no acknowledgement: the address or the client reached the hour's limit"));
        } catch (RuntimeException e) {
            LOG.warn("feedback " + feedbackId + " is stored unacknowledged: its acknowledgement could not be decided: " + e);
        }
        return null;
    }
}
