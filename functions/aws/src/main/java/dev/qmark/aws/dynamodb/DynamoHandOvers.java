package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations.HandOnOutcome;
import dev.qmark.core.ports.Escalations.SendBackOutcome;
import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The escalation writes that send a question on to someone else (part of {@link DynamoEscalations}):
 * a hand-on by mail, the founder's send-back, an orphaned question and one passed on after a bounce
 * or an absence. Each is one transaction: the escalation's change, conditional on the status read,
 * the check that the next step is still free, and its timeline event.
 */
final class DynamoHandOvers {

    private static final Map<String, String> NAMES = Map.of("#status", "status");
    private static final String SWEEP_FAILURES = DynamoEscalations.SWEEP_FAILURES;

    private final TableWrites writes;
    private final DynamoDbClient dynamo;
    private final String table;

    DynamoHandOvers(TableWrites writes) {
        this.writes = writes;
        this.dynamo = writes.dynamo();
        this.table = writes.table();
    }

    HandOnOutcome recordHandOn(String feedbackId, int step, HandOn handOn, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":handed", EscalationStatus.HANDED_ON.wireName(),
                ":open", EscalationStatus.OPEN.wireName());
        values.putAll(handOnValues(handOn));
        String note = "";
        if (!handOn.note().isEmpty()) {
            values.put(":note", AttributeValue.fromS(handOn.note()));
            note = ", handOnNote = :note";
        }
        // leaving out deadlineShard takes it off the sweeper's list (the byDeadline index is sparse)
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :handed, handedTo = :to, handedToStep = :toStep, handedToDueAt = :due, "
                        + "handedOnAt = :at, handedOnBy = :by, handOnMailId = :mail" + note
                        + " REMOVE deadlineShard, nextCheckAt")
                .conditionExpression("#status = :open")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
        if (writes.transact(TransactWriteItem.builder().update(escalation).build(),
                nextStepFree(feedbackId, handOn.toStep()), writes.putEvent(feedbackId, event))) {
            return HandOnOutcome.RECORDED;
        }
        Item current = Item.of(writes.get(pk(feedbackId), escalationSk(step)));
        return handOn.mailId().equals(current.s("handOnMailId")) ? HandOnOutcome.ALREADY_RECORDED : HandOnOutcome.NOT_OPEN;
    }

    SendBackOutcome recordSendBack(String feedbackId, int step, HandOn sentBack, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":answered", EscalationStatus.ANSWERED.wireName(),
                ":answeredLate", EscalationStatus.ANSWERED_LATE.wireName());
        values.putAll(handOnValues(sentBack));
        String note = "";
        if (!sentBack.note().isEmpty()) {
            values.put(":note", AttributeValue.fromS(sentBack.note()));
            note = ", handOnNote = :note";
        }
        // the status and the answer stay: they are what happened; the hand-on says it went back
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET handedTo = :to, handedToStep = :toStep, handedToDueAt = :due, "
                        + "handedOnAt = :at, handedOnBy = :by, handOnMailId = :mail" + note)
                .conditionExpression("#status IN (:answered, :answeredLate) AND attribute_exists(answerMailId)"
                        + " AND attribute_not_exists(handedTo)")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
        // asked again: the escalator's markAsked needs the item not answered
        Update feedback = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :asked")
                .conditionExpression("#status = :answered")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":asked", FeedbackStatus.ASKED.wireName(),
                        ":answered", FeedbackStatus.ANSWERED.wireName()))
                .build();
        if (writes.transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().update(feedback).build(),
                nextStepFree(feedbackId, sentBack.toStep()), writes.putEvent(feedbackId, event))) {
            return SendBackOutcome.RECORDED;
        }
        Item current = Item.of(writes.get(pk(feedbackId), escalationSk(step)));
        return sentBack.mailId().equals(current.s("handOnMailId")) ? SendBackOutcome.ALREADY_RECORDED
                : SendBackOutcome.NOT_ANSWERED;
    }

    boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOn handOn, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":orphaned", EscalationStatus.ORPHANED.wireName(),
                ":open", EscalationStatus.OPEN.wireName(), ":gone", goneOwner, ":note", handOn.note().isEmpty() ? "-" : handOn.note(),
                ":shard", FeedbackItems.OPEN_SHARD);
        values.putAll(handOnValues(handOn));
        // stays in the sweeper's partition, due at once, until the next person is asked (finishOrphaned)
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :orphaned, handedTo = :to, handedToStep = :toStep, handedToDueAt = :due, "
                        + "handedOnAt = :at, handedOnBy = :by, handOnMailId = :mail, handOnNote = :note, nextCheckAt = :at "
                        + "REMOVE " + SWEEP_FAILURES)
                .conditionExpression("#status = :open AND #owner = :gone AND deadlineShard = :shard")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values)
                .build();
        return writes.transact(TransactWriteItem.builder().update(escalation).build(),
                nextStepFree(feedbackId, handOn.toStep()), writes.putEvent(feedbackId, event));
    }

    boolean recordPassedOn(String feedbackId, int step, EscalationStatus status, HandOn handOn, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":passed", status.wireName(),
                ":open", EscalationStatus.OPEN.wireName(), ":note", handOn.note().isEmpty() ? "-" : handOn.note(),
                ":shard", FeedbackItems.OPEN_SHARD);
        values.putAll(handOnValues(handOn));
        values.put(":back", handOn.backAt() == null ? AttributeValue.fromNul(true)
                : AttributeValue.fromS(StoredTime.format(handOn.backAt())));
        // stays in the sweeper's partition, due at once, until the next person is asked (finishPassedOn)
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :passed, handedTo = :to, handedToStep = :toStep, handedToDueAt = :due, "
                        + "handedOnAt = :at, handedOnBy = :by, handOnMailId = :mail, handOnNote = :note, nextCheckAt = :at, "
                        + "ownerBackAt = :back REMOVE " + SWEEP_FAILURES)
                .conditionExpression("#status = :open AND deadlineShard = :shard")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values)
                .build();
        return writes.transact(TransactWriteItem.builder().update(escalation).build(),
                nextStepFree(feedbackId, handOn.toStep()), writes.putEvent(feedbackId, event));
    }

    void finishPassedOn(String feedbackId, int step, EscalationStatus status, Instant recheckAt) {
        try {
            if (recheckAt == null) {
                dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                        .updateExpression("REMOVE deadlineShard, nextCheckAt")
                        .conditionExpression("#status = :passed AND attribute_exists(deadlineShard)")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(values(":passed", status.wireName())));
            } else {
                dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                        .updateExpression("SET nextCheckAt = :recheck")
                        .conditionExpression("#status = :passed AND attribute_exists(deadlineShard)")
                        .expressionAttributeNames(NAMES)
                        .expressionAttributeValues(values(":passed", status.wireName(),
                                ":recheck", StoredTime.format(recheckAt))));
            }
        } catch (ConditionalCheckFailedException finishedBefore) {
            // another sweep finished it first
        }
    }

    void finishOrphaned(String feedbackId, int step) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                    .updateExpression("REMOVE deadlineShard, nextCheckAt")
                    .conditionExpression("#status = :orphaned AND attribute_exists(deadlineShard)")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values(":orphaned", EscalationStatus.ORPHANED.wireName())));
        } catch (ConditionalCheckFailedException finishedBefore) {
            // another sweep finished it first
        }
    }

    /** The hand-on's own values (the SET clauses name them: handedTo = :to, handedToStep = :toStep, ...). */
    private static Map<String, AttributeValue> handOnValues(HandOn handOn) {
        Map<String, AttributeValue> values = values(":to", handOn.to(), ":due", StoredTime.format(handOn.dueAt()),
                ":at", StoredTime.format(handOn.at()), ":by", handOn.by(), ":mail", handOn.mailId());
        values.put(":toStep", AttributeValue.fromN(Integer.toString(handOn.toStep())));
        return values;
    }

    /** The step a question goes on to must not exist yet: two hand-ons racing for it cannot both win. */
    private TransactWriteItem nextStepFree(String feedbackId, int toStep) {
        return TransactWriteItem.builder().conditionCheck(ConditionCheck.builder().tableName(table)
                .key(Item.key(pk(feedbackId), escalationSk(toStep)))
                .conditionExpression("attribute_not_exists(pk)")
                .build()).build();
    }
}
