package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.failedCondition;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOff;
import dev.qmark.core.escalation.StoppedClocks;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionCheck;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link FeedbackRepository} on the single DynamoDB table; every change is a conditional write. */
public final class DynamoFeedbackRepository implements FeedbackRepository {

    private static final Map<String, String> NAMES = Map.of("#status", "status");
    /** What {@link #postponeCheck} records; a check that completes removes it (failures count in a row). */
    private static final String SWEEP_FAILURES = "sweepFailures, sweepProblem, sweepFailedAt";
    /** Soonest deadline first; an escalation too damaged to have one last. */
    private static final java.util.Comparator<Escalation> DUE_FIRST =
            java.util.Comparator.comparing(Escalation::dueAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder()));
    /** A failure's reason is for a person to read, not a stack trace to store. */
    private static final int PROBLEM_LENGTH = 500;

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWrites writes;
    private final DynamoMailClaims claims;
    private final DynamoReviewQueue review;
    private final DynamoMailThreads threads;
    private final DynamoSweepList sweepList;

    public DynamoFeedbackRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
        this.writes = new TableWrites(dynamo, table);
        this.claims = new DynamoMailClaims(writes);
        this.review = new DynamoReviewQueue(writes);
        this.threads = new DynamoMailThreads(writes);
        this.sweepList = new DynamoSweepList(writes);
    }

    @Override
    public Claim claim(Notice notice, Instant now, Duration lease) {
        return claims.claim(notice, now, lease);
    }

    @Override
    public void markSent(Notice notice, Instant at, TimelineEvent event) {
        claims.markSent(notice, at, event);
    }

    @Override
    public DuePage dueEscalations(Instant now, int limit, String cursor) {
        return sweepList.dueEscalations(now, limit, cursor);
    }

    @Override
    public boolean postponeCheck(Escalation seen, Instant nextCheckAt, String problem, Instant at, boolean stuck,
                                 TimelineEvent event) {
        return sweepList.postponeCheck(seen, nextCheckAt, problem, at, stuck, event);
    }

    @Override
    public List<Escalation> stuckEscalations(String owner, int limit) {
        return sweepList.stuckEscalations(owner, limit);
    }

    @Override
    public List<Escalation> escalations(EscalationStatus status, String owner, Instant dueBefore, int limit) {
        return sweepList.escalations(status, owner, dueBefore, limit);
    }

    @Override
    public void keepForReview(ReviewItem item) {
        review.keepForReview(item);
    }

    @Override
    public ReviewPage reviewItems(int limit, String cursor) {
        return review.reviewItems(limit, cursor);
    }

    @Override
    public void rememberMessage(String messageId, String feedbackId) {
        threads.rememberMessage(messageId, feedbackId);
    }

    @Override
    public Optional<String> feedbackByMessageId(String messageId) {
        return threads.feedbackByMessageId(messageId);
    }

    @Override
    public boolean takeAcknowledgement(String senderEmail, Instant hour, int perHour) {
        return threads.takeAcknowledgement(senderEmail, hour, perHour);
    }

    @Override
    public Stored storeNew(Feedback feedback, String dedupeKey, String fingerprint, Instant dedupeUntil,
                           TimelineEvent received) {
        String submissionPk = "SUBMISSION#" + dedupeKey;
        Map<String, AttributeValue> submission = Item.create()
                .s(QmarkTable.PK, submissionPk).s(QmarkTable.SK, "SUBMISSION").s("type", "submission")
                .s("feedbackId", feedback.id()).s("fingerprint", fingerprint)
                .n(QmarkTable.TTL_ATTRIBUTE, dedupeUntil.getEpochSecond())
                .build();
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    writes.put(submission, "attribute_not_exists(pk) OR expiresAt < :now",
                            Map.of(":now", AttributeValue.fromN(Long.toString(feedback.receivedAt().getEpochSecond())))),
                    writes.put(FeedbackItems.feedback(feedback), "attribute_not_exists(pk)", null),
                    writes.put(FeedbackItems.event(feedback.id(), received), null, null)));
            return new Stored(feedback.id(), true, true);
        } catch (TransactionCanceledException e) {
            if (!failedCondition(e, 0)) {
                throw e;
            }
            Map<String, AttributeValue> earlier = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                    .key(Item.key(submissionPk, "SUBMISSION"))).item();
            if (earlier == null || earlier.isEmpty()) {
                throw new IllegalStateException("submission " + dedupeKey + " vanished while being read", e);
            }
            return new Stored(Item.of(earlier).s("feedbackId"), false, fingerprint.equals(Item.of(earlier).s("fingerprint")));
        }
    }

    @Override
    public Optional<Feedback> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Item.key(pk(id), FeedbackItems.ITEM))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FeedbackItems.feedback(item));
    }

    @Override
    public Optional<FeedbackRecord> findRecord(String id) {
        Feedback feedback = null;
        List<Escalation> escalations = new ArrayList<>();
        List<TimelineEvent> timeline = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(id))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get(QmarkTable.SK).s();
                if (sk.equals(FeedbackItems.ITEM)) {
                    feedback = FeedbackItems.feedback(item);
                } else if (sk.startsWith("ESC#")) {
                    escalations.add(FeedbackItems.escalation(item));
                } else if (sk.startsWith("EVT#")) {
                    timeline.add(FeedbackItems.event(item));
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return feedback == null ? Optional.empty() : Optional.of(new FeedbackRecord(feedback, escalations, timeline));
    }

    @Override
    public boolean recordRoute(String feedbackId, RouteDecision decision, TimelineEvent event) {
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :routed, route = :route, #owner = :owner, answerWithin = :within, "
                        + "routeDueAt = :due, routedAt = :at")
                .conditionExpression("#status = :received")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values(":routed", FeedbackStatus.ROUTED.wireName(),
                        ":received", FeedbackStatus.RECEIVED.wireName(), ":route", decision.route(),
                        ":owner", decision.owner(), ":within", decision.answerWithin().toString(),
                        ":due", StoredTime.format(decision.dueAt()), ":at", StoredTime.format(decision.decidedAt())))
                .build();
        return writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(feedbackId, event));
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
        // Other escalations may change under us (a sweep marks one late): read, write all, retry on a race.
        for (int attempt = 0; attempt < 3; attempt++) {
            FeedbackRecord record = findRecord(feedbackId).orElse(null);
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
    public HandOnOutcome recordHandOn(String feedbackId, int step, HandOff handOff, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":handed", EscalationStatus.HANDED_ON.wireName(),
                ":open", EscalationStatus.OPEN.wireName(), ":to", handOff.to(),
                ":due", StoredTime.format(handOff.dueAt()), ":at", StoredTime.format(handOff.at()),
                ":by", handOff.by(), ":mail", handOff.mailId());
        values.put(":toStep", AttributeValue.fromN(Integer.toString(handOff.toStep())));
        String note = "";
        if (!handOff.note().isEmpty()) {
            values.put(":note", AttributeValue.fromS(handOff.note()));
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
        ConditionCheck nextStepFree = ConditionCheck.builder().tableName(table)
                .key(Item.key(pk(feedbackId), escalationSk(handOff.toStep())))
                .conditionExpression("attribute_not_exists(pk)")
                .build();
        if (writes.transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().conditionCheck(nextStepFree).build(), writes.putEvent(feedbackId, event))) {
            return HandOnOutcome.RECORDED;
        }
        Item current = Item.of(writes.get(pk(feedbackId), escalationSk(step)));
        return handOff.mailId().equals(current.s("handOnMailId")) ? HandOnOutcome.ALREADY_RECORDED : HandOnOutcome.NOT_OPEN;
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
    public boolean markLate(String feedbackId, int step, Instant at, TimelineEvent event) {
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :late, breachedAt = :at")
                .conditionExpression("#status = :open AND dueAt <= :at")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":late", EscalationStatus.LATE.wireName(),
                        ":open", EscalationStatus.OPEN.wireName(), ":at", StoredTime.format(at)))
                .build();
        return writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(feedbackId, event));
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
    public boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOff handOff, TimelineEvent event) {
        Map<String, AttributeValue> values = values(":orphaned", EscalationStatus.ORPHANED.wireName(),
                ":open", EscalationStatus.OPEN.wireName(), ":gone", goneOwner, ":to", handOff.to(),
                ":due", StoredTime.format(handOff.dueAt()), ":at", StoredTime.format(handOff.at()),
                ":by", handOff.by(), ":mail", handOff.mailId(), ":note", handOff.note().isEmpty() ? "-" : handOff.note(),
                ":shard", FeedbackItems.OPEN_SHARD);
        values.put(":toStep", AttributeValue.fromN(Integer.toString(handOff.toStep())));
        // stays in the sweeper's partition, due at once, until the next person is asked (finishOrphaned)
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :orphaned, handedTo = :to, handedToStep = :toStep, handedToDueAt = :due, "
                        + "handedOnAt = :at, handedOnBy = :by, handOnMailId = :mail, handOnNote = :note, nextCheckAt = :at "
                        + "REMOVE " + SWEEP_FAILURES)
                .conditionExpression("#status = :open AND #owner = :gone AND deadlineShard = :shard")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values)
                .build();
        ConditionCheck nextStepFree = ConditionCheck.builder().tableName(table)
                .key(Item.key(pk(feedbackId), escalationSk(handOff.toStep())))
                .conditionExpression("attribute_not_exists(pk)")
                .build();
        return writes.transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().conditionCheck(nextStepFree).build(), writes.putEvent(feedbackId, event));
    }

    @Override
    public void finishOrphaned(String feedbackId, int step) {
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

    @Override
    public boolean addCustomerMail(String feedbackId, String mailId, TimelineEvent event) {
        return writes.transact(writes.put(Item.create().s(QmarkTable.PK, pk(feedbackId)).s(QmarkTable.SK, "MAIL#" + mailId)
                        .s("type", "mail").s("mailId", mailId).build(), "attribute_not_exists(pk)", null),
                writes.putEvent(feedbackId, event));
    }

    @Override
    public void recordEvent(String feedbackId, TimelineEvent event) {
        dynamo.putItem(p -> p.tableName(table).item(FeedbackItems.event(feedbackId, event)));
    }

    @Override
    public Page list(FeedbackStatus status, String customerEmail, int limit, String cursor) {
        return new FeedbackListing(dynamo, table).list(status, customerEmail, limit, cursor);
    }

    @Override
    public List<Feedback> byCustomer(String customerEmail, int limit) {
        return list(null, customerEmail, limit, null).items();
    }

}
