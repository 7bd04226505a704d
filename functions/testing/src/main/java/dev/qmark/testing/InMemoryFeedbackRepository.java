package dev.qmark.testing;

import static dev.qmark.testing.StoredInstants.stored;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.StatusChange;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.MailThreads;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.SweepList;
import dev.qmark.core.ports.UnfinishedFeedback;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The table in memory: {@link FeedbackRepository} and every other port on the table, handed out by
 * the same accessors as {@code aws.dynamodb.TablePorts} so that a test wires services as a handler
 * does. The item and its escalations are one object because on the table an escalation's writes
 * change the item right after (asked, answered: plain writes, escalation first; {@link #crashes()}
 * stops a test between them); the other ports are the in-memory
 * ones, wired to it as the table ties them (a notice of an escalation lives on the escalation). The item's own writes
 * keep the adapter's conditions (a submission's key is taken unless it expired, to the second as
 * the table's TTL attribute; a route only as {@link StatusChange#ROUTE} allows; a customer's mail
 * once); the unfinished list holds an item from storing until it is asked, as the sparse index does;
 * the sweeper's list is read from the in-memory escalations.
 */
public final class InMemoryFeedbackRepository implements FeedbackRepository, Escalations, UnfinishedFeedback {

    private record Submission(String feedbackId, String fingerprint, long expiresAt) {
    }

    private final InMemoryEscalations escalations = new InMemoryEscalations();
    private final CrashBetweenWrites crashes = new CrashBetweenWrites();
    // a notice of an escalation lives on the escalation's item in the table: it needs the escalation
    private final InMemoryMailClaims claims = new InMemoryMailClaims(escalations::exists);

    {
        // and an answer's write may claim the answered escalation's notice
        escalations.claimsIn(claims);
    }

    private final InMemorySweepList sweepList = new InMemorySweepList(escalations);
    private final InMemoryReviewQueue review = new InMemoryReviewQueue();
    private final InMemoryMailThreads threads = new InMemoryMailThreads();
    private final Map<String, Submission> submissions = new HashMap<>();
    private final Map<String, Feedback> feedback = new HashMap<>();
    /** The form's acknowledgement mark, an attribute of the item on the table. */
    private final Map<String, String> acknowledgeIn = new HashMap<>();
    private final Map<String, List<TimelineEvent>> timelines = new HashMap<>();
    private final Set<String> customerMails = new HashSet<>();
    /** Unfinished items (stored, not asked yet) by their next recovery check. */
    private final Map<String, Instant> unfinished = new HashMap<>();
    private final InMemorySentMailTexts sentTexts = new InMemorySentMailTexts();
    // the letters share the item's partition on the table: its record brings them, as the table's query does
    private final InMemoryCustomerLetters customerLetters = new InMemoryCustomerLetters();

    // the ports, named as TablePorts names them

    public FeedbackRepository feedbackItems() {
        return this;
    }

    public Escalations escalations() {
        return this;
    }

    public SweepList sweepList() {
        return sweepList;
    }

    public MailClaims mailClaims() {
        return claims;
    }

    public ReviewQueue reviewQueue() {
        return review;
    }

    public MailThreads mailThreads() {
        return threads;
    }

    public InMemorySentMailTexts sentMailTexts() {
        return sentTexts;
    }

    public InMemoryCustomerLetters customerLetters() {
        return customerLetters;
    }

    public UnfinishedFeedback unfinishedFeedback() {
        return this;
    }

    @Override
    public synchronized SubmissionKey claimSubmission(String dedupeKey, String feedbackId, String fingerprint,
                                                      Instant until, Instant now) {
        Submission earlier = submissions.get(dedupeKey);
        // attribute_not_exists(pk) OR expiresAt < :now, both in epoch seconds
        if (earlier == null || earlier.expiresAt() < now.getEpochSecond()) {
            submissions.put(dedupeKey, new Submission(feedbackId, fingerprint, until.getEpochSecond()));
            return new SubmissionKey(feedbackId, true, fingerprint);
        }
        return new SubmissionKey(earlier.feedbackId(), false, earlier.fingerprint());
    }

    @Override
    public synchronized boolean putNew(Feedback item, List<TimelineEvent> events, String acknowledgeIn) {
        // attribute_not_exists(pk)
        if (feedback.containsKey(item.id())) {
            return false;
        }
        feedback.put(item.id(), item);
        if (acknowledgeIn != null) {
            acknowledgeIn(item.id(), acknowledgeIn);
        }
        if (item.status() == FeedbackStatus.RECEIVED) {
            unfinished.put(item.id(), stored(item.receivedAt().plus(StuckFeedback.FIRST_CHECK)));
        }
        escalations.feedbackStored(item.id());
        events.forEach(event -> event(item.id(), event));
        return true;
    }

    private void acknowledgeIn(String feedbackId, String language) {
        acknowledgeIn.put(feedbackId, language);
    }

    @Override
    public synchronized Optional<Queued> findQueued(String id) {
        return Optional.ofNullable(feedback.get(id)).map(f -> new Queued(f, acknowledgeIn.get(id)));
    }

    @Override
    public synchronized Optional<Feedback> find(String id) {
        return Optional.ofNullable(feedback.get(id));
    }

    @Override
    public synchronized Optional<FeedbackRecord> findRecord(String id) {
        Feedback item = feedback.get(id);
        if (item == null) {
            return Optional.empty();
        }
        List<TimelineEvent> timeline = new ArrayList<>(timelines.getOrDefault(id, List.of()));
        timeline.addAll(escalations.events(id));
        timeline.sort(Comparator.comparing(TimelineEvent::at));
        return Optional.of(new FeedbackRecord(item, escalations.escalations(id), timeline, sentTexts.texts(id),
                new FeedbackRecord.Written(customerLetters.letters(id), customerLetters.ratings(id)),
                escalations.answersTold(id)));
    }

    @Override
    public synchronized boolean recordRoute(String feedbackId, RouteDecision decision, TimelineEvent event) {
        Feedback item = feedback.get(feedbackId);
        // #status = :received (StatusChange.ROUTE's from)
        if (item == null || !StatusChange.ROUTE.appliesTo(item.status())) {
            return false;
        }
        // the route is kept on the item: a racing router that lost reads it back
        feedback.put(feedbackId, new Feedback(item.id(), item.channel(), item.customer(), item.subject(), item.message(),
                item.rating(), item.receivedAt(), StatusChange.ROUTE.to(), decision, item.attachments()));
        event(feedbackId, event);
        return true;
    }

    @Override
    public synchronized boolean addCustomerMail(String feedbackId, String mailId, TimelineEvent event) {
        if (!customerMails.add(feedbackId + "#" + mailId)) {
            return false;
        }
        event(feedbackId, event);
        return true;
    }

    @Override
    public synchronized void recordEvent(String feedbackId, TimelineEvent event) {
        event(feedbackId, event);
    }

    private void event(String feedbackId, TimelineEvent event) {
        timelines.computeIfAbsent(feedbackId, id -> new ArrayList<>()).add(event);
    }

    /**
     * Newest first (time, then id, as the byTime and byCustomer indexes sort), filtered; a page full
     * to its limit gives a cursor, the last item's id (DynamoDB's is opaque too).
     */
    @Override
    public synchronized Page list(FeedbackStatus status, String customerEmail, int limit, String cursor) {
        List<Feedback> sorted = feedback.values().stream()
                .filter(f -> status == null || f.status() == status)
                .filter(f -> customerEmail == null || f.customer().email().equalsIgnoreCase(customerEmail))
                .sorted(Comparator.comparing(Feedback::receivedAt).thenComparing(Feedback::id).reversed())
                .toList();
        int from = 0;
        if (cursor != null && !cursor.isBlank()) {
            Feedback after = feedback.get(cursor);
            if (after == null) {
                throw new IllegalArgumentException("cursor is not one this listing gave out");
            }
            from = sorted.indexOf(after) + 1;
        }
        List<Feedback> page = sorted.subList(Math.min(from, sorted.size()), Math.min(sorted.size(), from + limit));
        return new Page(List.copyOf(page), page.size() == limit ? page.get(page.size() - 1).id() : null);
    }

    // the unfinished list (the recovery's): RECEIVED when stored, off it once asked

    @Override
    public synchronized List<String> due(Instant dueBy, int max) {
        return unfinished.entrySet().stream().filter(e -> !e.getValue().isAfter(stored(dueBy)))
                .sorted(Map.Entry.comparingByValue()).limit(max).map(Map.Entry::getKey).toList();
    }

    @Override
    public synchronized boolean postpone(String feedbackId, Instant nextCheck) {
        // deadlineShard = :shard: only while it is unfinished
        return unfinished.replace(feedbackId, stored(nextCheck)) != null;
    }

    @Override
    public synchronized List<Feedback> byCustomer(String customerEmail, int limit) {
        return feedback.values().stream().filter(f -> f.customer().email().equalsIgnoreCase(customerEmail))
                .sorted(Comparator.comparing(Feedback::receivedAt).reversed()).limit(limit).toList();
    }

    // the escalation's writes, and the item's status they change after them (plain writes, as on the table)

    /** Where a test makes the next asked or answered die between its writes. */
    public CrashBetweenWrites crashes() {
        return crashes;
    }

    @Override
    public synchronized Claim claimEscalation(Escalation asking, Instant now, Duration lease) {
        return escalations.claimEscalation(asking, now, lease);
    }

    @Override
    public synchronized void markAsked(String feedbackId, int step, String mailMessageId, Instant at,
                                       List<Instant> reminderTimes, TimelineEvent event) {
        escalations.markAsked(feedbackId, step, mailMessageId, at, reminderTimes, event);
        crashes.wrote();
        markItemAsked(feedbackId);
    }

    @Override
    public synchronized void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at,
                                       List<Instant> reminderTimes, TimelineEvent event) {
        markAsked(seen, step, mailMessageId, at, reminderTimes, event, null, null);
    }

    @Override
    public synchronized void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at,
                                       List<Instant> reminderTimes, TimelineEvent event, RouteDecision route,
                                       TimelineEvent routed) {
        escalations.markAsked(seen.feedback().id(), step, mailMessageId, at, reminderTimes, event);
        crashes.wrote();
        FeedbackStatus status = seen.feedback().status();
        if (status == FeedbackStatus.RECEIVED || status == FeedbackStatus.ROUTED) {
            markItemAsked(seen.feedback().id(), route, routed);
        }
    }

    @Override
    public synchronized boolean markItemAsked(String feedbackId, RouteDecision route, TimelineEvent routed) {
        Feedback item = feedback.get(feedbackId);
        // #status = :received AND attribute_not_exists(route); else the route recorded first stands (status only)
        if (route == null || item == null || item.status() != FeedbackStatus.RECEIVED || item.route() != null) {
            return markItemAsked(feedbackId);
        }
        unfinished.remove(feedbackId);
        feedback.put(feedbackId, item.withRoute(route).withStatus(FeedbackStatus.ASKED));
        if (routed != null) {
            event(feedbackId, routed);
        }
        crashes.wrote();
        return true;
    }

    @Override
    public synchronized boolean markItemAsked(String feedbackId) {
        Feedback item = feedback.get(feedbackId);
        // #status IN (:received, :routed)
        if (item == null || (item.status() != FeedbackStatus.RECEIVED && item.status() != FeedbackStatus.ROUTED)) {
            return false;
        }
        // asked: it has reached its owner, so it leaves the recovery's list
        unfinished.remove(feedbackId);
        feedback.put(feedbackId, item.withStatus(FeedbackStatus.ASKED));
        crashes.wrote();
        return true;
    }

    @Override
    public synchronized AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy,
                                                   String mailId, Instant at, TimelineEvent event) {
        return escalations.recordAnswer(feedbackId, step, answer, answeredBy, mailId, at, event,
                id -> feedback.containsKey(id) && feedback.get(id).status() == FeedbackStatus.ANSWERED,
                // attribute_exists(pk) AND #status <> :answered
                (id, when) -> feedback.computeIfPresent(id, (key, f) -> f.status() == FeedbackStatus.ANSWERED ? f
                        : f.withStatus(FeedbackStatus.ANSWERED)),
                crashes::wrote, () -> { });
    }

    @Override
    public synchronized AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy,
                                                   String mailId, Instant at, TimelineEvent event, String notice,
                                                   Instant claimUntil) {
        String feedbackId = seen.feedback().id();
        // the item is not written: its ANSWERED is the notice's mark, after the send (markAnswerTold)
        return escalations.recordAnswer(feedbackId, step, answer, answeredBy, mailId, at, event,
                id -> feedback.containsKey(id) && feedback.get(id).status() == FeedbackStatus.ANSWERED, null,
                // the notice's claim rides on the answered escalation's write, as on the table
                crashes::wrote, () -> claims.claimedBy(new Notice.OfEscalation(feedbackId, step, notice), claimUntil));
    }

    @Override
    public synchronized boolean markAnswerTold(String feedbackId, int step, Instant answeredAt, TimelineEvent event) {
        boolean marked = escalations.markAnswerTold(feedbackId, step, answeredAt, event,
                id -> feedback.containsKey(id) && feedback.get(id).status() == FeedbackStatus.ANSWERED,
                (id, when) -> feedback.computeIfPresent(id, (key, f) -> f.withStatus(FeedbackStatus.ANSWERED)));
        if (marked) {
            crashes.wrote();
        }
        return marked;
    }

    @Override
    public HandOnOutcome recordHandOn(String feedbackId, int step, HandOn handOn, TimelineEvent event) {
        return escalations.recordHandOn(feedbackId, step, handOn, event);
    }

    @Override
    public synchronized SendBackOutcome recordSendBack(String feedbackId, int step, HandOn sentBack,
                                                       TimelineEvent event) {
        SendBackOutcome outcome = escalations.recordSendBack(feedbackId, step, sentBack, event);
        if (outcome == SendBackOutcome.RECORDED) {
            feedback.computeIfPresent(feedbackId, (id, f) -> f.withStatus(FeedbackStatus.ASKED));
        }
        return outcome;
    }

    @Override
    public boolean markRemindersSent(String feedbackId, int step, int n, Instant nextCheckAt, Instant at,
                                     TimelineEvent event) {
        boolean marked = escalations.markRemindersSent(feedbackId, step, n, nextCheckAt, at, event);
        if (marked) {
            // one update on the table: the reminder's notice is sent with the count
            claims.sentBy(new Notice.OfEscalation(feedbackId, step, "reminder-" + n));
        }
        return marked;
    }

    @Override
    public boolean markLate(Escalation seen, Instant at, TimelineEvent event) {
        return escalations.markLate(seen, at, event);
    }

    @Override
    public void finishBreach(String feedbackId, int step) {
        escalations.finishBreach(feedbackId, step);
    }

    @Override
    public boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOn handOn, TimelineEvent event) {
        return escalations.recordOrphaned(feedbackId, step, goneOwner, handOn, event);
    }

    @Override
    public void finishOrphaned(String feedbackId, int step) {
        escalations.finishOrphaned(feedbackId, step);
    }

    @Override
    public boolean recordPassedOn(String feedbackId, int step, dev.qmark.core.escalation.EscalationStatus status,
                                  HandOn handOn, TimelineEvent event) {
        return escalations.recordPassedOn(feedbackId, step, status, handOn, event);
    }

    @Override
    public void finishPassedOn(String feedbackId, int step, dev.qmark.core.escalation.EscalationStatus status,
                               Instant recheckAt) {
        escalations.finishPassedOn(feedbackId, step, status, recheckAt);
    }

    /** Where an escalation is on the sweeper's list ("open", "late", "stuck"), if it is. */
    public Optional<String> sweepShard(String feedbackId, int step) {
        return escalations.sweepShard(feedbackId, step);
    }

    /** The mails sent once (for the claims' own timeline events, which this does not merge). */
    public InMemoryMailClaims claims() {
        return claims;
    }
}
