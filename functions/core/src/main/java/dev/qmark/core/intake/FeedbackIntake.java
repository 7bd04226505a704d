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
import dev.qmark.core.reading.Together;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
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
     * writes, each safe to repeat: claim the submission's key for a new id and, at the same time (the
     * form post waits on both: one round trip instead of two), take the acknowledgement counters for
     * that id (form posts); put the item carrying its acknowledgement mark. A duplicate (the key was
     * claimed before) gives the counters taken for the new id back. A crash between any two leaves no
     * item, and no 2xx was answered: the client's retry finds the key, finds no item under it, takes
     * the counters again for the key's id (they remember it: nothing more is counted) and puts the
     * item; what the crashed attempt took for its own new id stays spent for the hour. Whoever's put
     * creates the item counts it and the others are duplicates, so racing twins store one item
     * between them.
     */
    public Receipt submit(Submission submission, Channel channel, Client client) {
        Instant now = clock.instant();
        Duration window = submission.idempotencyKey() != null ? IDEMPOTENCY_KEY_WINDOW : SAME_CONTENT_WINDOW;
        String newId = FeedbackIds.newId();
        FeedbackRepository.SubmissionKey key;
        Acknowledgement early;
        try (Together together = new Together()) {
            Supplier<Acknowledgement> counted = client == null ? () -> Acknowledgement.NONE
                    : together.start(() -> acknowledgement(newId, submission.email(), client, now));
            key = claim(submission, newId, window, now, client, counted);
            early = counted.get();
        }
        if (!key.fresh() && early.taken()) {
            giveBack(newId, submission.email(), client, now);
        }
        if (!submission.contentFingerprint().equals(key.fingerprint())) {
            throw new IdempotencyKeyReused();
        }
        String id = key.feedbackId();
        // an earlier key: a duplicate, unless a crash kept its item from being stored (then store it now)
        boolean created = key.fresh() ? store(id, submission, channel, early, now)
                : repository.find(id).isEmpty() && store(id, submission, channel, acknowledgement(id, submission.email(), client, now), now);
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

    /** Claims the key; when the claim fails, what the counters took for the new id goes back first (best effort). */
    private FeedbackRepository.SubmissionKey claim(Submission submission, String newId, Duration window, Instant now,
                                                   Client client, Supplier<Acknowledgement> counted) {
        try {
            return repository.claimSubmission(submission.dedupeKey(), newId, submission.contentFingerprint(), now.plus(window), now);
        } catch (RuntimeException e) {
            if (counted.get().taken()) {
                giveBack(newId, submission.email(), client, now);
            }
            throw e;
        }
    }

    private void giveBack(String feedbackId, String email, Client client, Instant now) {
        try {
            acknowledgements.giveBack(feedbackId, email, clientKey(client), now.truncatedTo(ChronoUnit.HOURS));
        } catch (RuntimeException e) {
            // that one stays spent for the hour; the submission is unharmed
            LOG.warn("acknowledgement counters taken for " + feedbackId + " could not be given back: " + e);
        }
    }

    /** Puts item {@code id}, marked for an acknowledgement when the form's limits allowed it; false when it was stored meanwhile. */
    private boolean store(String id, Submission submission, Channel channel, Acknowledgement acknowledgement, Instant now) {
        Feedback feedback = new Feedback(id, channel, new Customer(submission.name(), submission.email()),
                submission.subject(), submission.message(), submission.rating(), now, FeedbackStatus.RECEIVED, null);
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(now, "received", "received via " + channel.wireName() + " from " + submission.email()));
        if (acknowledgement.overLimit()) {
            events.add(new TimelineEvent(now.plusMillis(1), "not-acknowledged",
                    "no acknowledgement: the address or the client reached the hour's limit"));
        }
        return repository.putNew(feedback, events, acknowledgement.language());
    }

    /** What the form's limits allowed: the language the router acknowledges in (null: none), and whether a limit said no. */
    private record Acknowledgement(String language, boolean overLimit) {
        static final Acknowledgement NONE = new Acknowledgement(null, false);

        boolean taken() {
            return language != null;
        }
    }

    /**
     * Within the hour's limits for the address and the client (no client known: none), the language
     * the router acknowledges the item in; over them none, and the item's timeline says so. Decided before the item is
     * written, so that the item carries it (the router reads the item anyway). Failing here fails
     * nothing the customer was promised: the item is stored, unacknowledged.
     */
    private Acknowledgement acknowledgement(String feedbackId, String email, Client client, Instant now) {
        if (client == null) {
            return Acknowledgement.NONE; // no client known: nothing acknowledged
        }
        String language = "ko".equals(client.language()) ? "ko" : "en";
        try {
            if (acknowledgements.take(feedbackId, email, clientKey(client), now.truncatedTo(ChronoUnit.HOURS),
                    FORM_ACKNOWLEDGEMENT_LIMITS)) {
                return new Acknowledgement(language, false);
            }
            return new Acknowledgement(null, true);
        } catch (RuntimeException e) {
            LOG.warn("feedback " + feedbackId + " is stored unacknowledged: its acknowledgement could not be decided: " + e);
            return Acknowledgement.NONE;
        }
    }

    /** The client's counter: a hash of its IP address, never the address. */
    private static String clientKey(Client client) {
        return "ip#" + Hashes.sha256(client.address() == null ? "unknown" : client.address()).substring(0, 32);
    }
}
