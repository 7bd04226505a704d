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
 * {@link SentMailTexts}, {@link UnfinishedFeedback}, {@link ReceivedMails}): a service takes the
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
     * Stores new feedback (status RECEIVED) with its first timeline event, unless a submission
     * with the same dedupe key was stored and its key has not expired.
     */
    Stored storeNew(Feedback feedback, String dedupeKey, String fingerprint, Instant dedupeUntil, TimelineEvent received);

    Optional<Feedback> find(String id);

    /** The item with its escalations (by step) and its timeline (oldest first). */
    Optional<FeedbackRecord> findRecord(String id);

    /**
     * Records the decision, moving the item as {@link dev.qmark.core.feedback.StatusChange#ROUTE}
     * says (only from RECEIVED). False when it was routed before: that decision stands.
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
