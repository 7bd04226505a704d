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
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.MailClaims.Claim;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
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
        Map<String, AttributeValue> item = new HashMap<>(FeedbackItems.escalation(asking));
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
        Update feedback = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                // asked: it has reached its owner, so it leaves the recovery's list (UnfinishedFeedback)
                .updateExpression("SET #status = :asked REMOVE deadlineShard, nextCheckAt")
                .conditionExpression("#status <> :answered")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":asked", FeedbackStatus.ASKED.wireName(),
                        ":answered", FeedbackStatus.ANSWERED.wireName()))
                .build();
        if (!writes.transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().update(feedback).build(), writes.putEvent(feedbackId, event))) {
            throw new IllegalStateException("escalation " + feedbackId + "-" + step + " was not being asked");
        }
    }

    @Override
    public AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event) {
        return recordAnswer(feedbackId, null, step, answer, answeredBy, mailId, at, event);
    }

    @Override
    public AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event) {
        return recordAnswer(seen.feedback().id(), seen, step, answer, answeredBy, mailId, at, event);
    }

    private AnswerOutcome recordAnswer(String feedbackId, FeedbackRecord seen, int step, String answer,
                                       String answeredBy, String mailId, Instant at, TimelineEvent event) {
        // Other escalations may change under us (a sweep marks one late): read, write all, retry on a race.
        // The first attempt may go by what the caller has just read: the writes hold only if nothing changed.
        for (int attempt = 0; attempt < 3; attempt++) {
            FeedbackRecord record = attempt == 0 && seen != null ? seen : records.apply(feedbackId).orElse(null);
            var stops = record == null ? java.util.Optional.<List<StoppedClocks.Stop>>empty()
                    : StoppedClocks.byAnswer(record.escalations(), step, at);
            if (stops.isEmpty()) {
                Item current = Item.of(writes.get(pk(feedbackId), escalationSk(step)));
                return mailId.equals(current.s("answerMailId")) ? AnswerOutcome.ALREADY_RECORDED : AnswerOutcome.NOT_OPEN;
            }
            List<TransactWriteItem> changes = new ArrayList<>();
            for (StoppedClocks.Stop stop : stops.get()) {
                changes.add(TransactWriteItem.builder().update(stop.answering()
                        ? stopClock(stop, at, "answer = :answer, answeredBy = :by, answerMailId = :mail",
                                Map.of(":answer", AttributeValue.fromS(answer), ":by", AttributeValue.fromS(answeredBy),
                                        ":mail", AttributeValue.fromS(mailId)))
                        : stopClock(stop, at, "answeredBy = :by", Map.of(":by", AttributeValue.fromS(answeredBy)))).build());
            }
            changes.add(TransactWriteItem.builder().update(Update.builder().tableName(table)
                    .key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                    .updateExpression("SET #status = :answered, answeredAt = :at")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values(":answered", FeedbackStatus.ANSWERED.wireName(),
                            ":at", StoredTime.format(at)))
                    .build()).build());
            changes.add(writes.putEvent(feedbackId, event));
            if (writes.transact(changes.toArray(TransactWriteItem[]::new))) {
                return AnswerOutcome.RECORDED;
            }
        }
        throw new IllegalStateException("escalations of " + feedbackId + " kept changing while recording an answer");
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
