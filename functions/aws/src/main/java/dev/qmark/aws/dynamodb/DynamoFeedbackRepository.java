package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** {@link FeedbackRepository} on the single DynamoDB table; every change is a conditional write. */
public final class DynamoFeedbackRepository implements FeedbackRepository {

    private static final Map<String, String> NAMES = Map.of("#status", "status");

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoFeedbackRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
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
                    put(submission, "attribute_not_exists(pk) OR expiresAt < :now",
                            Map.of(":now", AttributeValue.fromN(Long.toString(feedback.receivedAt().getEpochSecond())))),
                    put(FeedbackItems.feedback(feedback), "attribute_not_exists(pk)", null),
                    put(FeedbackItems.event(feedback.id(), received), null, null)));
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
        return transact(TransactWriteItem.builder().update(update).build(), putEvent(feedbackId, event));
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
            Map<String, AttributeValue> current = get(pk(asking.feedbackId()), escalationSk(asking.step()));
            return EscalationStatus.ASKING.wireName().equals(Item.of(current).s("status")) ? Claim.BUSY : Claim.ALREADY_SENT;
        }
    }

    @Override
    public void markAsked(String feedbackId, int step, String mailMessageId, Instant at, TimelineEvent event) {
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :open, askedAt = :at, askMailId = :mail, deadlineShard = :shard "
                        + "REMOVE claimUntil")
                .conditionExpression("#status = :asking")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":open", EscalationStatus.OPEN.wireName(),
                        ":asking", EscalationStatus.ASKING.wireName(), ":at", StoredTime.format(at),
                        ":mail", mailMessageId, ":shard", FeedbackItems.OPEN_SHARD))
                .build();
        Update feedback = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :asked")
                .conditionExpression("#status <> :answered")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":asked", FeedbackStatus.ASKED.wireName(),
                        ":answered", FeedbackStatus.ANSWERED.wireName()))
                .build();
        if (!transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().update(feedback).build(), putEvent(feedbackId, event))) {
            throw new IllegalStateException("escalation " + feedbackId + "-" + step + " was not being asked");
        }
    }

    @Override
    public AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy, String mailId,
                                      Instant at, TimelineEvent event) {
        Update escalation = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET #status = :answered, answeredAt = :at, answer = :answer, answeredBy = :by, "
                        + "answerMailId = :mail REMOVE deadlineShard")
                .conditionExpression("#status = :open")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":answered", EscalationStatus.ANSWERED.wireName(),
                        ":open", EscalationStatus.OPEN.wireName(), ":at", StoredTime.format(at), ":answer", answer,
                        ":by", answeredBy, ":mail", mailId))
                .build();
        Update feedback = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :answered, answeredAt = :at")
                .expressionAttributeNames(NAMES)
                .expressionAttributeValues(values(":answered", FeedbackStatus.ANSWERED.wireName(),
                        ":at", StoredTime.format(at)))
                .build();
        if (transact(TransactWriteItem.builder().update(escalation).build(),
                TransactWriteItem.builder().update(feedback).build(), putEvent(feedbackId, event))) {
            return AnswerOutcome.RECORDED;
        }
        Item current = Item.of(get(pk(feedbackId), escalationSk(step)));
        return mailId.equals(current.s("answerMailId")) ? AnswerOutcome.ALREADY_RECORDED : AnswerOutcome.NOT_OPEN;
    }

    @Override
    public Claim claimFounderNotice(String feedbackId, int step, Instant now, Duration lease) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                    .updateExpression("SET noticeState = :sending, noticeUntil = :until")
                    .conditionExpression("#status = :answered AND (attribute_not_exists(noticeState) "
                            + "OR (noticeState = :sending AND noticeUntil < :now))")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values(":sending", "sending", ":until", StoredTime.format(now.plus(lease)),
                            ":answered", EscalationStatus.ANSWERED.wireName(), ":now", StoredTime.format(now))));
            return Claim.CLAIMED;
        } catch (ConditionalCheckFailedException e) {
            String state = Item.of(get(pk(feedbackId), escalationSk(step))).s("noticeState");
            return "sending".equals(state) ? Claim.BUSY : Claim.ALREADY_SENT;
        }
    }

    @Override
    public void markFounderNoticeSent(String feedbackId, int step, Instant at, TimelineEvent event) {
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), escalationSk(step)))
                .updateExpression("SET noticeState = :sent, noticeSentAt = :at REMOVE noticeUntil")
                .conditionExpression("noticeState = :sending")
                .expressionAttributeValues(values(":sent", "sent", ":sending", "sending", ":at", StoredTime.format(at)))
                .build();
        transact(TransactWriteItem.builder().update(update).build(), putEvent(feedbackId, event));
    }

    @Override
    public void keepForReview(ReviewItem review) {
        Map<String, AttributeValue> item = Item.create()
                .s(QmarkTable.PK, "REVIEW#" + review.mailId()).s(QmarkTable.SK, "REVIEW").s("type", "review")
                .s("mailId", review.mailId()).s("rawLocation", review.rawLocation()).s("from", review.from())
                .s("subject", review.subject()).s("reason", review.reason()).time("at", review.at())
                .s("listPk", FeedbackItems.REVIEW_LIST).s("listSk", StoredTime.format(review.at()) + "#" + review.mailId())
                .build();
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
        } catch (ConditionalCheckFailedException keptBefore) {
            // the same mail delivered again: it is on the list already
        }
    }

    @Override
    public Page list(FeedbackStatus status, String customerEmail, int limit, String cursor) {
        return new FeedbackListing(dynamo, table).list(status, customerEmail, limit, cursor);
    }

    @Override
    public List<Feedback> byCustomer(String customerEmail, int limit) {
        return list(null, customerEmail, limit, null).items();
    }

    private Map<String, AttributeValue> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Item.key(pk, sk))).item();
        return item == null ? Map.of() : item;
    }

    private TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (values != null) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private TransactWriteItem putEvent(String feedbackId, TimelineEvent event) {
        return put(FeedbackItems.event(feedbackId, event), null, null);
    }

    /** Runs a transaction; false when one of its conditions failed (nothing was written). */
    private boolean transact(TransactWriteItem... items) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            for (int i = 0; i < items.length; i++) {
                if (failedCondition(e, i)) {
                    return false;
                }
            }
            throw e;
        }
    }

    private static boolean failedCondition(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    private static Map<String, AttributeValue> values(String... namesAndValues) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return values;
    }
}
