package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.StoppedClocks;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.MailClaims.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link Escalations} on the table: one item per escalation ({@code FB#id / ESC#step}). Which
 * clocks an answer stops, and to what, is core's ({@link StoppedClocks}); this writes it, each
 * change conditional on the status it read.
 */
public final class DynamoEscalations implements Escalations {

    private static final Map<String, String> NAMES = Map.of("#status", "status");
    /** On the item: the steps whose founder's "Answered" mail went out (a number set). */
    static final String ANSWERS_TOLD = "answersTold";
    /** What a failed sweep records; a check that completes removes it (failures count in a row). */
    static final String SWEEP_FAILURES = "sweepFailures, sweepProblem, sweepFailedAt";

    private final TableWrites writes;
    private final DynamoDbClient dynamo;
    private final String table;
    /** The item with its escalations, read consistently: an answer stops every clock it finds there. */
    private final Function<String, Optional<FeedbackRecord>> records;
    /** Where a question goes on to someone else: a hand-on, a send-back, an orphan, one passed on. */
    private final DynamoHandOvers handOvers;

    DynamoEscalations(TableWrites writes, Function<String, Optional<FeedbackRecord>> records) {
        this.writes = writes;
        this.dynamo = writes.dynamo();
        this.table = writes.table();
        this.records = records;
        this.handOvers = new DynamoHandOvers(writes);
    }

    @Override
    public Claim claimEscalation(Escalation asking, Instant now, Duration lease) {
        return claimEscalation(asking, null, now, lease);
    }

    @Override
    public Claim claimEscalation(Escalation asking, String route, Instant now, Duration lease) {
        Map<String, AttributeValue> item = new HashMap<>(FeedbackItems.escalation(asking));
        if (route != null) {
            // the figures' route for its "asked" when the item's ASKED (which records the route) is not read yet
            item.put(FeedbackItems.ASKED_UNDER_ROUTE, AttributeValue.fromS(route));
        }
        item.put("claimUntil", AttributeValue.fromS(StoredTime.format(now.plus(lease))));
        try {
            dynamo.putItem(p -> p.tableName(table).item(item)
                    .conditionExpression("attribute_not_exists(pk) OR (#status = :asking AND claimUntil < :now)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values(":asking", EscalationStatus.ASKING.wireName(),
                            ":now", StoredTime.format(now))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            Map<String, AttributeValue> current = writes.get(pk(asking.feedbackId()), escalationSk(asking.step()));
            return EscalationStatus.ASKING.wireName().equals(Item.of(current).s("status")) ? Claim.BUSY : Claim.ALREADY_SENT;
        }
    }

    @Override
    public void markAsked(String feedbackId, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                          TimelineEvent event) {
        markEscalationAsked(feedbackId, step, mailMessageId, at, reminderTimes, event);
        markItemAsked(feedbackId);
    }

    @Override
    public void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                          TimelineEvent event) {
        markAsked(seen, step, mailMessageId, at, reminderTimes, event, null, null);
    }

    @Override
    public void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                          TimelineEvent event, RouteDecision route, TimelineEvent routed) {
        String feedbackId = seen.feedback().id();
        markEscalationAsked(feedbackId, step, mailMessageId, at, reminderTimes, event);
        FeedbackStatus status = seen.feedback().status();
        // asked or answered already (a later step, a low rating's "?"): the item's status stays as it is
        if (status == FeedbackStatus.RECEIVED || status == FeedbackStatus.ROUTED) {
            markItemAsked(feedbackId, route, routed);
        }
    }

    /**
     * ASKING to OPEN, one plain conditional write (its event rides on it). It comes first: once it is
     * there a retry finds the "?" sent (ALREADY_SENT) and never sends it again; the item's write that
     * follows is repeated by that retry ({@link #markItemAsked}).
     */
    private void markEscalationAsked(String feedbackId, int step, String mailMessageId, Instant at,
                                     List<Instant> reminderTimes, TimelineEvent event) {
        Instant firstCheck = reminderTimes.isEmpty() ? null : reminderTimes.get(0);
        Map<String, AttributeValue> values = values(":open", EscalationStatus.OPEN.wireName(),
                ":asking", EscalationStatus.ASKING.wireName(), ":at", StoredTime.format(at),
                ":mail", mailMessageId, ":shard", FeedbackItems.OPEN_SHARD);
        values.put(":reminders", AttributeValue.fromL(reminderTimes.stream()
                .map(t -> AttributeValue.fromS(StoredTime.format(t))).toList()));
        values.put(":zero", AttributeValue.fromN("0"));
        String nextCheck = firstCheck == null ? "dueAt" : ":first";
        if (firstCheck != null) {
            values.put(":first", AttributeValue.fromS(StoredTime.format(firstCheck)));
        }
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :open, askedAt = :at, askMailId = :mail, deadlineShard = :shard, "
                        + "reminderTimes = :reminders, remindersSent = :zero, nextCheckAt = " + nextCheck
                        + " REMOVE claimUntil")
                .conditionExpression("#status = :asking")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
        if (!writes.transact(TransactWriteItem.builder().update(escalation).build(), writes.putEvent(feedbackId, event))) {
            throw new IllegalStateException("escalation " + feedbackId + "-" + step + " was not being asked");
        }
    }

    /**
     * One conditional update when the route comes with it: RECEIVED without a route to ASKED with the
     * route and its event (riding on the item), off the recovery's list. Its condition failing means the
     * item has a route by then (that one stands) or was asked already: the status-only write below
     * settles which (a second write only then, never on the way of a feedback asked once).
     */
    @Override
    public boolean markItemAsked(String feedbackId, RouteDecision route, TimelineEvent routed) {
        if (route == null) {
            return markItemAsked(feedbackId);
        }
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :asked, route = :route, #owner = :owner, answerWithin = :within, "
                        + "routeDueAt = :due, routedAt = :at REMOVE deadlineShard, nextCheckAt")
                .conditionExpression("#status = :received AND attribute_not_exists(route)")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values(":asked", FeedbackStatus.ASKED.wireName(),
                        ":received", FeedbackStatus.RECEIVED.wireName(), ":route", route.route(),
                        ":owner", route.owner(), ":within", route.answerWithin().toString(),
                        ":due", StoredTime.format(route.dueAt()), ":at", StoredTime.format(route.decidedAt())))
                .build();
        List<TransactWriteItem> writesOfItem = routed == null ? List.of(TransactWriteItem.builder().update(update).build())
                : List.of(TransactWriteItem.builder().update(update).build(), writes.putEvent(feedbackId, routed));
        return writes.transact(writesOfItem.toArray(TransactWriteItem[]::new)) || markItemAsked(feedbackId);
    }

    @Override
    public boolean markItemAsked(String feedbackId) {
        // asked: it has reached its owner, so it leaves the recovery's list (UnfinishedFeedback)
        return writes.update(u -> u.key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :asked REMOVE deadlineShard, nextCheckAt")
                .conditionExpression("#status IN (:received, :routed)")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":asked", FeedbackStatus.ASKED.wireName(),
                        ":received", FeedbackStatus.RECEIVED.wireName(), ":routed", FeedbackStatus.ROUTED.wireName())));
    }

    @Override
    public AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event) {
        return recordAnswer(feedbackId, null, step, answer, answeredBy, mailId, at, event, null, null);
    }

    @Override
    public AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event) {
        return recordAnswer(seen.feedback().id(), seen, step, answer, answeredBy, mailId, at, event, null, null);
    }

    @Override
    public AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event, String notice, Instant claimUntil) {
        return recordAnswer(seen.feedback().id(), seen, step, answer, answeredBy, mailId, at, event, notice, claimUntil);
    }

    /**
     * Plain conditional writes, no transaction: the answered escalation first (its condition on the
     * status read decides whether this mail answers; the event rides on it), then each other clock
     * it stops (a condition failing there means that clock stopped otherwise meanwhile), then the
     * item. An attempt that dies after the first write is finished by its retry, which finds the
     * answer recorded ({@link StoppedClocks#leftRunning}); each write is conditional on the status it
     * changes, so none happens twice. With a {@code notice}, the answered escalation's write claims it
     * too ({@code DynamoMailClaims}' two attributes, "sending" until {@code claimUntil}): the escalation
     * was open, so nobody claimed that notice before, and a redelivery claims it through
     * {@code DynamoMailClaims}, which sees this lease.
     */
    private AnswerOutcome recordAnswer(String feedbackId, FeedbackRecord seen, int step, String answer,
                                       String answeredBy, String mailId, Instant at, TimelineEvent event,
                                       String notice, Instant claimUntil) {
        // The first attempt may go by what the caller has just read: the writes hold only if nothing changed.
        for (int attempt = 0; attempt < 3; attempt++) {
            FeedbackRecord record = attempt == 0 && seen != null ? seen : records.apply(feedbackId).orElse(null);
            var stops = record == null ? java.util.Optional.<List<StoppedClocks.Stop>>empty()
                    : StoppedClocks.byAnswer(record.escalations(), step, at);
            if (stops.isEmpty()) {
                Item current = Item.of(writes.get(pk(feedbackId), escalationSk(step)));
                if (!mailId.equals(current.s("answerMailId"))) {
                    return AnswerOutcome.NOT_OPEN;
                }
                if (record != null) {
                    finishAnswer(record, step, notice == null);
                }
                return AnswerOutcome.ALREADY_RECORDED;
            }
            StoppedClocks.Stop answering = stops.get().get(0);
            Map<String, AttributeValue> answerValues = new HashMap<>(Map.of(":answer", AttributeValue.fromS(answer),
                    ":by", AttributeValue.fromS(answeredBy), ":mail", AttributeValue.fromS(mailId)));
            Map<String, String> answerNames = new HashMap<>(NAMES);
            String answerSet = "answer = :answer, answeredBy = :by, answerMailId = :mail";
            if (notice != null) {
                // the notice's claim as DynamoMailClaims writes it, riding on the answer's write
                answerSet += ", #notice = :sending, #noticeUntil = :claimUntil";
                answerNames.put("#notice", "notice_" + notice);
                answerNames.put("#noticeUntil", "noticeUntil_" + notice);
                answerValues.put(":sending", AttributeValue.fromS("sending"));
                answerValues.put(":claimUntil", AttributeValue.fromS(StoredTime.format(claimUntil)));
            }
            Update answerWrite = stopClock(answering, at, answerSet, answerValues).toBuilder()
                    .expressionAttributeNames(answerNames).build();
            if (!writes.transact(TransactWriteItem.builder().update(answerWrite).build(),
                    writes.putEvent(feedbackId, event))) {
                continue;  // it changed since it was read (late, handed on, answered): read again
            }
            for (StoppedClocks.Stop other : stops.get().subList(1, stops.get().size())) {
                writeStop(other, at, answeredBy);
            }
            if (notice == null) {
                markItemAnswered(feedbackId, at);
            }  // else the item's ANSWERED is the notice's mark, after its send: markAnswerTold
            return AnswerOutcome.RECORDED;
        }
        throw new IllegalStateException("escalations of " + feedbackId + " kept changing while recording an answer");
    }

    /**
     * A retry of a recorded answer: the clocks and, with {@code itemToo}, the item its first attempt may have
     * left (nothing when it finished). Without: the item is the founder's mail's mark ({@link #markAnswerTold}).
     */
    private void finishAnswer(FeedbackRecord record, int step, boolean itemToo) {
        if (record.feedback().status() == FeedbackStatus.ANSWERED) {
            return;  // the item is written last: the attempt got to its end
        }
        Escalation answered = record.escalation(step).orElseThrow();
        if (answered.answer() == null || answered.handedOn() != null) {
            return;
        }
        for (StoppedClocks.Stop other : StoppedClocks.leftRunning(record.escalations(), step)) {
            writeStop(other, answered.answeredAt(), answered.answeredBy());
        }
        if (itemToo) {
            markItemAnswered(record.feedback().id(), answered.answeredAt());
        }
    }

    /**
     * The item ANSWERED with the founder's mail of {@code step} marked sent ({@code answersTold}, a number
     * set, gains the step) and the event riding on it: the write the item's ANSWERED costs anyway. Its
     * condition is the mark's (not there yet); an item answered already (another step's answer raced this
     * one) keeps its status and time, and takes the mark in a second write (only then).
     */
    @Override
    public boolean markAnswerTold(String feedbackId, int step, Instant answeredAt, TimelineEvent event) {
        Map<String, String> names = Map.of("#status", "status", "#told", ANSWERS_TOLD);
        Map<String, AttributeValue> values = values(":answered", FeedbackStatus.ANSWERED.wireName(),
                ":at", StoredTime.format(answeredAt));
        values.put(":steps", AttributeValue.fromNs(List.of(Integer.toString(step))));
        values.put(":step", AttributeValue.fromN(Integer.toString(step)));
        String notTold = "attribute_exists(pk) AND (attribute_not_exists(#told) OR NOT contains(#told, :step))";
        Update answered = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :answered, answeredAt = :at ADD #told :steps")
                .conditionExpression(notTold + " AND #status <> :answered")
                .expressionAttributeNames(names).expressionAttributeValues(values).build();
        if (writes.transact(TransactWriteItem.builder().update(answered).build(), writes.putEvent(feedbackId, event))) {
            return true;
        }
        Map<String, AttributeValue> markOnly = values(":answered", FeedbackStatus.ANSWERED.wireName());
        markOnly.put(":steps", values.get(":steps"));
        markOnly.put(":step", values.get(":step"));
        Update mark = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("ADD #told :steps")
                .conditionExpression(notTold + " AND #status = :answered")
                .expressionAttributeNames(names).expressionAttributeValues(markOnly).build();
        return writes.transact(TransactWriteItem.builder().update(mark).build(), writes.putEvent(feedbackId, event));
    }

    /** Another clock the answer stops; its condition failing means it stopped otherwise meanwhile (answered, handed on). */
    private void writeStop(StoppedClocks.Stop other, Instant at, String answeredBy) {
        writes.update(u -> {
            Update stop = stopClock(other, at, "answeredBy = :by", Map.of(":by", AttributeValue.fromS(answeredBy)));
            u.key(stop.key()).updateExpression(stop.updateExpression()).conditionExpression(stop.conditionExpression())
                    .expressionAttributeNames(stop.expressionAttributeNames())
                    .expressionAttributeValues(stop.expressionAttributeValues());
        });
    }

    /** The item answered, written last; a condition failing means another answer wrote it first. */
    private void markItemAnswered(String feedbackId, Instant at) {
        writes.update(u -> u.key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :answered, answeredAt = :at")
                .conditionExpression("attribute_exists(pk) AND #status <> :answered")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":answered", FeedbackStatus.ANSWERED.wireName(),
                        ":at", StoredTime.format(at))));
    }

    /** Writes one stopped clock (see {@link StoppedClocks}), only if its status is still the one read; it leaves the deadline index. */
    private Update stopClock(StoppedClocks.Stop stop, Instant at, String extraSet, Map<String, AttributeValue> extraValues) {
        Escalation e = stop.escalation();
        Map<String, AttributeValue> values = new HashMap<>(extraValues);
        values.put(":before", AttributeValue.fromS(stop.before().wireName()));
        values.put(":after", AttributeValue.fromS(stop.after().wireName()));
        values.put(":at", AttributeValue.fromS(StoredTime.format(at)));
        return Update.builder().tableName(table).key(Item.key(pk(e.feedbackId()), escalationSk(e.step())))
                .updateExpression("SET #status = :after, answeredAt = :at, " + extraSet + " REMOVE deadlineShard")
                .conditionExpression("#status = :before")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
    }

    @Override
    public HandOnOutcome recordHandOn(String feedbackId, int step, HandOn handOn, TimelineEvent event) {
        return handOvers.recordHandOn(feedbackId, step, handOn, event);
    }

    @Override
    public SendBackOutcome recordSendBack(String feedbackId, int step, HandOn sentBack, TimelineEvent event) {
        return handOvers.recordSendBack(feedbackId, step, sentBack, event);
    }

    @Override
    public boolean markRemindersSent(String feedbackId, int step, int n, Instant nextCheckAt, Instant at,
                                     TimelineEvent event) {
        Map<String, AttributeValue> values = values(":open", EscalationStatus.OPEN.wireName(),
                ":next", StoredTime.format(nextCheckAt), ":sent", "sent");
        values.put(":n", AttributeValue.fromN(Integer.toString(n)));
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET remindersSent = :n, nextCheckAt = :next, #state = :sent REMOVE #until, "
                        + SWEEP_FAILURES)
                .conditionExpression("#status = :open AND remindersSent < :n")
                .expressionAttributeNames(Map.of("#status", "status", "#state", "notice_reminder-" + n,
                        "#until", "noticeUntil_reminder-" + n))
                .expressionAttributeValues(values)
                .build();
        return writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(feedbackId, event));
    }

    @Override
    public boolean markLate(Escalation seen, Instant at, TimelineEvent event) {
        // core judged it late by this deadline: the write holds only while that is still what is stored
        Update update = Update.builder().tableName(table).key(Item.key(pk(seen.feedbackId()), escalationSk(seen.step())))
                .updateExpression("SET #status = :late, breachedAt = :at")
                .conditionExpression("#status = :open AND dueAt = :due")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":late", EscalationStatus.LATE.wireName(),
                        ":open", EscalationStatus.OPEN.wireName(), ":due", StoredTime.format(seen.dueAt()),
                        ":at", StoredTime.format(at)))
                .build();
        return writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(seen.feedbackId(), event));
    }

    @Override
    public void finishBreach(String feedbackId, int step) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                    .updateExpression("SET deadlineShard = :late, nextCheckAt = dueAt REMOVE " + SWEEP_FAILURES)
                    .conditionExpression("#status = :lateStatus AND deadlineShard = :open")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values(":late", FeedbackItems.LATE_SHARD, ":open", FeedbackItems.OPEN_SHARD,
                            ":lateStatus", EscalationStatus.LATE.wireName())));
        } catch (ConditionalCheckFailedException doneOrAnswered) {
            // finished by another sweep, or answered meanwhile (which took it off the list)
        }
    }

    @Override
    public boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOn handOn, TimelineEvent event) {
        return handOvers.recordOrphaned(feedbackId, step, goneOwner, handOn, event);
    }

    @Override
    public boolean recordPassedOn(String feedbackId, int step, EscalationStatus status, HandOn handOn, TimelineEvent event) {
        return handOvers.recordPassedOn(feedbackId, step, status, handOn, event);
    }

    @Override
    public void finishPassedOn(String feedbackId, int step, EscalationStatus status, Instant recheckAt) {
        handOvers.finishPassedOn(feedbackId, step, status, recheckAt);
    }

    @Override
    public void finishOrphaned(String feedbackId, int step) {
        handOvers.finishOrphaned(feedbackId, step);
    }

}
