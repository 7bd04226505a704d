package dev.qmark.core.ports;

import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The feedback item itself: storing it, reading it with its record, its route, customer mails and
 * timeline events, the staff listing. Every state change is conditional, so that a redelivered
 * message, a retried call or two racing workers change it once.
 *
 * <p>One concern of the table among several, each its own port ({@link Escalations},
 * {@link SweepList}, {@link MailClaims}, {@link ReviewQueue}, {@link MailThreads},
 * {@link SentMailTexts}, {@link UnfinishedFeedback}): a service takes the
 * ones it uses.
 */
public interface FeedbackRepository {

    /**
     * The item holding a submission: the new one, or the one stored earlier for the same key.
     * {@code sameContent} says whether the earlier submission had the same content fingerprint.
     */
    record Stored(String feedbackId, boolean created, boolean sameContent) {
    }

    /** One page of a listing; {@code cursor} is null on the last page. */
    record Page(List<Feedback> items, String cursor) {
    }

    /**
     * A submission's de-duplication key as it stands: the item it names ({@code fresh} when this
     * call claimed the key for the item it proposed) and the content fingerprint it was claimed with.
     */
    record SubmissionKey(String feedbackId, boolean fresh, String fingerprint) {
    }

    /** An item as the router takes it off the queue: the feedback, and the language its form post was allowed an acknowledgement in (null: none). */
    record Queued(Feedback feedback, String acknowledgeIn) {
    }

    /**
     * Claims {@code dedupeKey} for item {@code feedbackId} until {@code until}, unless a claim of it
     * that has not expired at {@code now} exists: then answers that one. One conditional write; the
     * item itself is {@link #putNew}'s, so a key may name an item a crash kept from being stored: the
     * next submission with that key stores it.
     */
    SubmissionKey claimSubmission(String dedupeKey, String feedbackId, String fingerprint, Instant until, Instant now);

    /**
     * Puts new feedback (status RECEIVED) with its first timeline events, marked for a form
     * acknowledgement in {@code acknowledgeIn} (null: none), and with its route when it has one (a
     * forward to an owner: decided before it is stored, so no read ever finds it without). One
     * conditional write; false when the item is stored already (nothing changes).
     */
    boolean putNew(Feedback feedback, List<TimelineEvent> events, String acknowledgeIn);

    /**
     * Stores new feedback with its first timeline event, unless a submission with the same dedupe
     * key was stored and its key has not expired: {@link #claimSubmission}, then {@link #putNew} (which
     * also stores the item of a key whose first put a crash prevented).
     */
    default Stored storeNew(Feedback feedback, String dedupeKey, String fingerprint, Instant dedupeUntil,
                            TimelineEvent received) {
        return storeNew(feedback, dedupeKey, fingerprint, dedupeUntil, List.of(received));
    }

    /**
     * {@link #storeNew(Feedback, String, String, Instant, TimelineEvent)} with its first events (a forward
     * to an owner: received, and routed, the route stored with the item in its one write).
     */
    default Stored storeNew(Feedback feedback, String dedupeKey, String fingerprint, Instant dedupeUntil,
                            List<TimelineEvent> events) {
        SubmissionKey key = claimSubmission(dedupeKey, feedback.id(), fingerprint, dedupeUntil, feedback.receivedAt());
        if (!fingerprint.equals(key.fingerprint())) {
            return new Stored(key.feedbackId(), false, false);
        }
        Feedback item = key.feedbackId().equals(feedback.id()) ? feedback : feedback.withId(key.feedbackId());
        return new Stored(key.feedbackId(), putNew(item, events, null), true);
    }

    /**
     * The item and its acknowledgement mark, in one read: what the router needs of it. It may be a
     * moment old (an adapter may read eventually consistently, but finds an item that exists): the
     * mark never changes once stored, and {@link #recordRoute} fails on a route recorded meanwhile.
     */
    Optional<Queued> findQueued(String id);

    Optional<Feedback> find(String id);

    /** The item with its escalations (by step) and its timeline (oldest first). */
    Optional<FeedbackRecord> findRecord(String id);

    /**
     * {@link #findRecord} for a caller that needs only what is fixed once the item is routed (its content
     * and route): a store may read a replica that lags (cheaper), but never returns an item without its
     * route when one was recorded. The first "?" of a request without a decision (a message queued before
     * the route rode on the ask, or an item stored with its route) reads so. Escalations and the timeline may lag; decisions on them need
     * {@link #findRecord} or a conditional write.
     */
    default Optional<FeedbackRecord> findRoutedRecord(String id) {
        return findRecord(id);
    }

    /**
     * {@link #findRecord} for the first "?" of an item whose route the request carries
     * ({@code EscalationRequest#decision}): a store may read a replica that lags (cheaper), and reads
     * again consistently only when that found no item. What the "?" shows (the item's content) is fixed
     * when it is stored; a route recorded meanwhile makes the ASKED write's condition refuse the
     * request's route, the first one standing. Escalations and the timeline may lag, as in
     * {@link #findRoutedRecord}.
     */
    default Optional<FeedbackRecord> findRecordToAsk(String id) {
        return findRecord(id);
    }

    /**
     * Records the decision, moving the item as {@link dev.qmark.core.feedback.StatusChange#ROUTE}
     * says (only from RECEIVED). False when it was routed before: that decision stands. The router no
     * longer calls it (the route rides on the first "?": {@link Escalations#markItemAsked(String,
     * RouteDecision, TimelineEvent)}); it makes the ROUTED items a stack keeps from before, which the
     * escalator still asks.
     */
    boolean recordRoute(String feedbackId, RouteDecision decision, TimelineEvent event);

    /**
     * Adds a customer's later mail to its item's timeline, once per mail: false when this mail
     * was added before (a redelivery).
     */
    boolean addCustomerMail(String feedbackId, String mailId, TimelineEvent event);

    /** Records something on an item's timeline (an auto-reply that arrived, say). */
    void recordEvent(String feedbackId, TimelineEvent event);

    /** Newest first. Both filters optional (null). */
    Page list(FeedbackStatus status, String customerEmail, int limit, String cursor);

    /** A customer's feedback, newest first. */
    List<Feedback> byCustomer(String customerEmail, int limit);

    /**
     * A customer's feedback other than {@code exceptId}, newest first: the history a "?" shows. An
     * adapter whose listing reads keys first overrides it to read no item it would only drop (most
     * customers have written once: then there is nothing to read).
     */
    default List<Feedback> earlierFeedback(String customerEmail, String exceptId, int limit) {
        return byCustomer(customerEmail, limit + 1).stream().filter(f -> !f.id().equals(exceptId)).limit(limit).toList();
    }
}
