package dev.qmark.testing;

import static dev.qmark.testing.StoredInstants.stored;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.StoppedClocks;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@link Escalations} in memory, each change under the condition {@code DynamoEscalations} writes
 * it with, and answering as the adapter does when the condition fails (an outcome, false, or for
 * {@code markAsked} an IllegalStateException). Which clocks an answer stops is core's
 * ({@link StoppedClocks}), as for the adapter. The sweeper's list is the {@code shard} of an entry
 * (null: off the list), as the sparse index's {@code deadlineShard} is.
 */
public final class InMemoryEscalations implements Escalations {

    static final String OPEN_SHARD = "open";
    static final String LATE_SHARD = "late";
    static final String STUCK_SHARD = "stuck";

    private final Map<String, EscalationEntry> entries = new TreeMap<>();
    private final Set<String> feedback = new HashSet<>();
    private final Set<String> answeredFeedback = new HashSet<>();
    private final Map<String, Set<Integer>> answersTold = new TreeMap<>();
    private final Map<String, List<TimelineEvent>> events = new TreeMap<>();
    private InMemoryMailClaims claims;

    /** The feedback item {@code feedbackId} exists (the adapter's answer and mark read or update it). */
    public synchronized void feedbackStored(String feedbackId) {
        feedback.add(feedbackId);
    }

    /** The item's escalations as the table would give them back, by step. */
    public synchronized List<Escalation> escalations(String feedbackId) {
        return entries.values().stream().filter(e -> e.feedbackId.equals(feedbackId)).map(EscalationEntry::view).toList();
    }

    /** The timeline events these changes wrote on the item, in order. */
    public synchronized List<TimelineEvent> events(String feedbackId) {
        return List.copyOf(events.getOrDefault(feedbackId, List.of()));
    }

    /** A timeline event written with a change the sweeper's list made. */
    synchronized void recordEvent(String feedbackId, TimelineEvent event) {
        event(feedbackId, event);
    }

    private void event(String feedbackId, TimelineEvent event) {
        events.computeIfAbsent(feedbackId, id -> new ArrayList<>()).add(event);
    }

    public synchronized boolean exists(String feedbackId, int step) {
        return entries.containsKey(key(feedbackId, step));
    }

    /** Whether the escalation is on the sweeper's list, and in which partition ("open", "late"). */
    public synchronized Optional<String> sweepShard(String feedbackId, int step) {
        return Optional.ofNullable(entries.get(key(feedbackId, step))).map(e -> e.shard);
    }

    private static String key(String feedbackId, int step) {
        return feedbackId + "#" + step;
    }

    /** Every escalation, for the sweeper's list; read and changed under this object's lock. */
    Iterable<EscalationEntry> entries() {
        return entries.values();
    }

    EscalationEntry entry(String feedbackId, int step) {
        return entries.get(key(feedbackId, step));
    }

    private boolean is(EscalationEntry e, EscalationStatus status) {
        return e != null && e.status == status;
    }

    @Override
    public synchronized Claim claimEscalation(Escalation asking, Instant now, Duration lease) {
        EscalationEntry current = entry(asking.feedbackId(), asking.step());
        // attribute_not_exists(pk) OR (#status = :asking AND claimUntil < :now); the put replaces the item
        if (current == null || (is(current, EscalationStatus.ASKING) && current.claimUntil.isBefore(stored(now)))) {
            EscalationEntry fresh = new EscalationEntry(asking);
            fresh.claimUntil = stored(now.plus(lease));
            entries.put(key(asking.feedbackId(), asking.step()), fresh);
            return Claim.CLAIMED;
        }
        return is(current, EscalationStatus.ASKING) ? Claim.BUSY : Claim.ALREADY_SENT;
    }

    @Override
    public synchronized void markAsked(String feedbackId, int step, String mailMessageId, Instant at,
                                       List<Instant> reminderTimes, TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        // #status = :asking (the item's write that follows is the table's: InMemoryFeedbackRepository)
        if (!is(e, EscalationStatus.ASKING)) {
            throw new IllegalStateException("escalation " + feedbackId + "-" + step + " was not being asked");
        }
        e.status = EscalationStatus.OPEN;
        e.askedAt = stored(at);
        e.claimUntil = null;
        e.shard = OPEN_SHARD;
        e.reminderTimes = reminderTimes;
        e.remindersSent = 0;
        e.nextCheckAt = reminderTimes.isEmpty() ? e.dueAt : stored(reminderTimes.get(0));
        event(feedbackId, event);
    }

    /** The item's status is the table's ({@link InMemoryFeedbackRepository#markItemAsked}); alone, nothing to write. */
    @Override
    public boolean markItemAsked(String feedbackId) {
        return false;
    }

    /** The item and its route are the table's ({@link InMemoryFeedbackRepository}); alone, nothing to write. */
    @Override
    public boolean markItemAsked(String feedbackId, RouteDecision route, TimelineEvent routed) {
        return false;
    }

    /** The escalation's write alone: the item's (with its route) is the table's. */
    @Override
    public void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                          TimelineEvent event, RouteDecision route, TimelineEvent routed) {
        markAsked(seen.feedback().id(), step, mailMessageId, at, reminderTimes, event);
    }

    @Override
    public synchronized AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy,
                                                   String mailId, Instant at, TimelineEvent event) {
        return recordAnswer(feedbackId, step, answer, answeredBy, mailId, at, event, id -> false, (id, when) -> { },
                () -> { }, () -> { });
    }

    @Override
    public synchronized AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy,
                                                   String mailId, Instant at, TimelineEvent event, String notice,
                                                   Instant claimUntil) {
        if (claims == null) {
            throw new IllegalStateException("no mail claims beside these escalations (InMemoryFeedbackRepository wires them)");
        }
        String feedbackId = seen.feedback().id();
        // the item's ANSWERED is the notice's mark, after its send: markAnswerTold
        return recordAnswer(feedbackId, step, answer, answeredBy, mailId, at, event, id -> false, null,
                () -> { }, () -> claims.claimedBy(new Notice.OfEscalation(feedbackId, step, notice), claimUntil));
    }

    /** The claims of the notices that live on these escalations, which an answer's write may claim. */
    synchronized void claimsIn(InMemoryMailClaims claims) {
        this.claims = claims;
    }

    /** The item's side of an answer: whether it is answered, and its write (conditional on not answered yet). */
    interface AnsweredItem {
        boolean answered(String feedbackId);
    }

    interface ItemAnswerWrite {
        void write(String feedbackId, Instant at);
    }

    /**
     * The answer as {@code DynamoEscalations} writes it, one plain write at a time ({@code wrote} after
     * each, where a test may crash it): the answered escalation, each other clock it stops, the item;
     * a redelivery that finds the answer recorded writes what was left ({@link StoppedClocks#leftRunning}).
     * {@code claimNotice} runs with the answered escalation's write (its notice's claim rides on it), and
     * only there: a redelivery claims nothing.
     */
    synchronized AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy,
                                            String mailId, Instant at, TimelineEvent event, AnsweredItem item,
                                            ItemAnswerWrite itemWrite, Runnable wrote, Runnable claimNotice) {
        Optional<List<StoppedClocks.Stop>> stops = feedback.contains(feedbackId)
                ? StoppedClocks.byAnswer(escalations(feedbackId), step, at)
                : Optional.empty();
        if (stops.isEmpty()) {
            EscalationEntry e = entry(feedbackId, step);
            if (e == null || !mailId.equals(e.answerMailId)) {
                return AnswerOutcome.NOT_OPEN;
            }
            if (!item.answered(feedbackId) && e.handedOn == null) {
                for (StoppedClocks.Stop other : StoppedClocks.leftRunning(escalations(feedbackId), step)) {
                    stop(other, e.answeredAt, e.answeredBy, null, null);
                    wrote.run();
                }
                if (itemWrite != null) {
                    answered(feedbackId, e.answeredAt, itemWrite);
                    wrote.run();
                }
            }
            return AnswerOutcome.ALREADY_RECORDED;
        }
        // under the lock nothing changes between the read and each write: every "#status = :before" holds
        for (StoppedClocks.Stop stop : stops.get()) {
            if (stop.answering()) {
                stop(stop, at, answeredBy, answer, mailId);
                event(feedbackId, event);
                claimNotice.run();
            } else {
                stop(stop, at, answeredBy, null, null);
            }
            wrote.run();
        }
        if (itemWrite != null) {
            answered(feedbackId, at, itemWrite);
            wrote.run();
        }
        return AnswerOutcome.RECORDED;
    }

    /** The steps whose founder's mail is marked on the item ({@link #markAnswerTold}). */
    synchronized Set<Integer> answersTold(String feedbackId) {
        return Set.copyOf(answersTold.getOrDefault(feedbackId, Set.of()));
    }

    /** The item's status is the table's ({@link InMemoryFeedbackRepository#markAnswerTold}); alone, the mark and event. */
    @Override
    public synchronized boolean markAnswerTold(String feedbackId, int step, Instant answeredAt, TimelineEvent event) {
        return markAnswerTold(feedbackId, step, answeredAt, event, id -> answeredFeedback.contains(id), (id, when) -> { });
    }

    /**
     * As {@code DynamoEscalations} writes it: only while the item exists and the mark is not there; the item
     * ANSWERED with it ({@code itemWrite}) unless answered already, which keeps its status and time.
     */
    synchronized boolean markAnswerTold(String feedbackId, int step, Instant answeredAt, TimelineEvent event,
                                        AnsweredItem item, ItemAnswerWrite itemWrite) {
        Set<Integer> told = answersTold.computeIfAbsent(feedbackId, id -> new HashSet<>());
        if (!feedback.contains(feedbackId) || told.contains(step)) {
            return false;
        }
        if (!item.answered(feedbackId)) {
            answered(feedbackId, answeredAt, itemWrite);
        }
        told.add(step);
        event(feedbackId, event);
        return true;
    }

    private void stop(StoppedClocks.Stop stop, Instant at, String answeredBy, String answer, String mailId) {
        EscalationEntry e = entry(stop.escalation().feedbackId(), stop.escalation().step());
        e.status = stop.after();
        e.answeredAt = stored(at);
        e.answeredBy = answeredBy;
        e.shard = null;
        if (answer != null) {
            e.answer = answer;
            e.answerMailId = mailId;
        }
    }

    private void answered(String feedbackId, Instant at, ItemAnswerWrite itemWrite) {
        answeredFeedback.add(feedbackId);
        itemWrite.write(feedbackId, at);
    }

    @Override
    public synchronized HandOnOutcome recordHandOn(String feedbackId, int step, HandOn handOn, TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        if (is(e, EscalationStatus.OPEN) && entry(feedbackId, handOn.toStep()) == null) {
            e.status = EscalationStatus.HANDED_ON;
            e.handedOn = handOn;
            e.handOnMailId = handOn.mailId();
            e.shard = null;
            e.nextCheckAt = null;
            event(feedbackId, event);
            return HandOnOutcome.RECORDED;
        }
        return e != null && handOn.mailId().equals(e.handOnMailId) ? HandOnOutcome.ALREADY_RECORDED : HandOnOutcome.NOT_OPEN;
    }

    @Override
    public synchronized SendBackOutcome recordSendBack(String feedbackId, int step, HandOn sentBack,
                                                       TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        // one transaction: the escalation holds the answer and was not sent back, the item is answered,
        // the next step is free
        boolean answered = is(e, EscalationStatus.ANSWERED) || is(e, EscalationStatus.ANSWERED_LATE);
        if (answered && e.answerMailId != null && e.handedOn == null && answeredFeedback.contains(feedbackId)
                && entry(feedbackId, sentBack.toStep()) == null) {
            e.handedOn = sentBack;
            e.handOnMailId = sentBack.mailId();
            answeredFeedback.remove(feedbackId);
            event(feedbackId, event);
            return SendBackOutcome.RECORDED;
        }
        return e != null && sentBack.mailId().equals(e.handOnMailId) ? SendBackOutcome.ALREADY_RECORDED
                : SendBackOutcome.NOT_ANSWERED;
    }

    @Override
    public synchronized boolean markRemindersSent(String feedbackId, int step, int n, Instant nextCheckAt, Instant at,
                                                  TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        if (!is(e, EscalationStatus.OPEN) || e.remindersSent >= n) {
            return false;
        }
        e.remindersSent = n;
        e.nextCheckAt = stored(nextCheckAt);
        e.checked();
        event(feedbackId, event);
        return true;
    }

    @Override
    public synchronized boolean markLate(Escalation seen, Instant at, TimelineEvent event) {
        EscalationEntry e = entry(seen.feedbackId(), seen.step());
        // #status = :open AND dueAt = :due
        if (!is(e, EscalationStatus.OPEN) || !e.dueAt.equals(stored(seen.dueAt()))) {
            return false;
        }
        e.status = EscalationStatus.LATE;
        e.breachedAt = stored(at);
        event(seen.feedbackId(), event);
        return true;
    }

    @Override
    public synchronized void finishBreach(String feedbackId, int step) {
        EscalationEntry e = entry(feedbackId, step);
        // finished by another sweep, or answered meanwhile: nothing to do
        if (is(e, EscalationStatus.LATE) && OPEN_SHARD.equals(e.shard)) {
            e.shard = LATE_SHARD;
            e.nextCheckAt = e.dueAt;
            e.checked();
        }
    }

    @Override
    public synchronized boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOn handOn,
                                               TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        if (!is(e, EscalationStatus.OPEN) || !e.owner.equals(goneOwner) || !OPEN_SHARD.equals(e.shard)
                || entry(feedbackId, handOn.toStep()) != null) {
            return false;
        }
        e.status = EscalationStatus.ORPHANED;
        e.handedOn = handOn;
        e.handOnMailId = handOn.mailId();
        // stays on the list, due at once, until the next person is asked
        e.nextCheckAt = stored(handOn.at());
        e.checked();
        event(feedbackId, event);
        return true;
    }

    @Override
    public synchronized boolean recordPassedOn(String feedbackId, int step, EscalationStatus status, HandOn handOn,
                                               TimelineEvent event) {
        EscalationEntry e = entry(feedbackId, step);
        if (!is(e, EscalationStatus.OPEN) || !OPEN_SHARD.equals(e.shard) || entry(feedbackId, handOn.toStep()) != null) {
            return false;
        }
        e.status = status;
        e.handedOn = handOn;
        e.handOnMailId = handOn.mailId();
        e.nextCheckAt = stored(handOn.at());
        e.checked();
        event(feedbackId, event);
        return true;
    }

    @Override
    public synchronized void finishPassedOn(String feedbackId, int step, EscalationStatus status, Instant recheckAt) {
        EscalationEntry e = entry(feedbackId, step);
        if (is(e, status) && e.shard != null) {
            if (recheckAt == null) {
                e.shard = null;
                e.nextCheckAt = null;
            } else {
                e.nextCheckAt = stored(recheckAt);
            }
        }
    }

    @Override
    public synchronized void finishOrphaned(String feedbackId, int step) {
        EscalationEntry e = entry(feedbackId, step);
        if (is(e, EscalationStatus.ORPHANED) && e.shard != null) {
            e.shard = null;
            e.nextCheckAt = null;
        }
    }
}
