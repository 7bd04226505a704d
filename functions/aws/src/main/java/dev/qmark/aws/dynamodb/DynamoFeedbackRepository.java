package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.StatusChange;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link FeedbackRepository} on the single DynamoDB table: the item ({@code FB#id / ITEM}), its
 * submission key, its customer mails and timeline events; every change is a conditional write.
 */
public final class DynamoFeedbackRepository implements FeedbackRepository {

    /** The language the form allowed the item's acknowledgement in, read by the router. */
    static final String ACKNOWLEDGE_IN = "acknowledgeIn";

    private final DynamoDbClient dynamo;
    private final String table;
    private final TableWrites writes;

    public DynamoFeedbackRepository(DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoFeedbackRepository(TableWrites writes) {
        this.dynamo = writes.dynamo();
        this.table = writes.table();
        this.writes = writes;
    }

    /**
     * {@code SUBMISSION#<dedupe key> / SUBMISSION}: the item's id and the content's fingerprint,
     * expiring (TTL) with the key's window. A plain conditional put, then the item's own: a
     * transaction of the two would bill both twice, and {@link #putNew} makes the pair safe to repeat.
     */
    @Override
    public SubmissionKey claimSubmission(String dedupeKey, String feedbackId, String fingerprint, Instant until,
                                         Instant now) {
        String submissionPk = "SUBMISSION#" + dedupeKey;
        Map<String, AttributeValue> submission = Item.create()
                .s(QmarkTable.PK, submissionPk).s(QmarkTable.SK, "SUBMISSION").s("type", "submission")
                .s("feedbackId", feedbackId).s("fingerprint", fingerprint)
                .n(QmarkTable.TTL_ATTRIBUTE, until.getEpochSecond())
                .build();
        try {
            // TTL deletes late: an expired key counts as gone
            dynamo.putItem(p -> p.tableName(table).item(submission)
                    .conditionExpression("attribute_not_exists(pk) OR expiresAt < :now")
                    .expressionAttributeValues(Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond())))));
            return new SubmissionKey(feedbackId, true, fingerprint);
        } catch (ConditionalCheckFailedException e) {
            Item earlier = Item.of(writes.get(submissionPk, "SUBMISSION"));
            if (earlier.s("feedbackId") == null) {
                throw new IllegalStateException("submission " + dedupeKey + " vanished while being read", e);
            }
            return new SubmissionKey(earlier.s("feedbackId"), false, earlier.s("fingerprint"));
        }
    }

    @Override
    public boolean putNew(Feedback feedback, List<TimelineEvent> events, String acknowledgeIn) {
        Map<String, AttributeValue> item = new HashMap<>(FeedbackItems.feedback(feedback));
        if (acknowledgeIn != null) {
            item.put(ACKNOWLEDGE_IN, AttributeValue.fromS(acknowledgeIn));
        }
        List<TransactWriteItem> writesOfItem = new ArrayList<>();
        writesOfItem.add(writes.put(item, "attribute_not_exists(pk)", null));
        events.forEach(event -> writesOfItem.add(writes.putEvent(feedback.id(), event)));
        // the events ride on the item: one plain conditional put
        return writes.transact(writesOfItem.toArray(TransactWriteItem[]::new));
    }

    /**
     * Read eventually consistently (half a read unit), and consistently only when that found nothing
     * (an item put a moment ago may not be visible yet). A stale item is safe to act on: its mark is
     * written with the item and never changes, and a route it lacks though one was recorded meanwhile
     * fails {@link #recordRoute}'s condition, whereupon the router reads the decision consistently.
     */
    @Override
    public Optional<Queued> findQueued(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(false)
                .key(Item.key(pk(id), FeedbackItems.ITEM))).item();
        if (item == null || item.isEmpty()) {
            item = writes.get(pk(id), FeedbackItems.ITEM);
        }
        return item.isEmpty() ? Optional.empty()
                : Optional.of(new Queued(FeedbackItems.feedback(item), Item.of(item).s(ACKNOWLEDGE_IN)));
    }

    @Override
    public Optional<Feedback> find(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Item.key(pk(id), FeedbackItems.ITEM))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(FeedbackItems.feedback(item));
    }

    /**
     * The item for what never changes once it is routed (the figures' channel, topics, customer, arrival, route and
     * owner): read eventually consistently (half a read unit), and consistently only when that found no item or
     * an item without its route (not visible yet, or read from before the route was recorded). Everything else on
     * it was written with the item, and the route is recorded once ({@link #recordRoute}'s condition).
     */
    public Optional<Feedback> findRouted(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(false)
                .key(Item.key(pk(id), FeedbackItems.ITEM))).item();
        if (item == null || item.isEmpty() || !item.containsKey("route")) {
            return find(id);
        }
        return Optional.of(FeedbackItems.feedback(item));
    }

    /**
     * The item for what never changes once it is stored (the figures' channel, topics, customer, arrival):
     * read eventually consistently (half a read unit), and consistently only when that found no item. Its
     * route may be missing (not recorded yet, or not visible yet): for a caller that knows it otherwise.
     */
    public Optional<Feedback> findStored(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(false)
                .key(Item.key(pk(id), FeedbackItems.ITEM))).item();
        return item == null || item.isEmpty() ? find(id) : Optional.of(FeedbackItems.feedback(item));
    }

    @Override
    public Optional<FeedbackRecord> findRecord(String id) {
        return record(id, true);
    }

    /**
     * The partition read eventually consistently (half the units), and again consistently when that found no item
     * or an item without its route (not visible yet, or a replica from before the route was recorded).
     */
    @Override
    public Optional<FeedbackRecord> findRoutedRecord(String id) {
        Optional<FeedbackRecord> record = record(id, false);
        return record.isPresent() && record.get().feedback().route() != null ? record : record(id, true);
    }

    /**
     * The partition read eventually consistently (half the units), and again consistently only when that found no
     * item (not visible yet): the request carries the route, so an item without one is what it expects.
     */
    @Override
    public Optional<FeedbackRecord> findRecordToAsk(String id) {
        Optional<FeedbackRecord> record = record(id, false);
        return record.isPresent() ? record : record(id, true);
    }

    private Optional<FeedbackRecord> record(String id, boolean consistent) {
        Feedback feedback = null;
        List<Escalation> escalations = new ArrayList<>();
        List<TimelineEvent> timeline = new ArrayList<>();
        // the kept texts (SENT#, in step order) and the customer's letters and ratings (LETTER#, RATING#) share the
        // partition: read with the rest, they need no query of their own
        List<String> sentTexts = new ArrayList<>();
        List<CustomerLetters.Letter> letters = new ArrayList<>();
        List<CustomerLetters.Rating> ratings = new ArrayList<>();
        // the steps whose founder's "Answered" mail is marked sent on the item (DynamoEscalations.markAnswerTold)
        java.util.Set<Integer> answersTold = new java.util.HashSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).consistentRead(consistent)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(pk(id))))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                String sk = item.get(QmarkTable.SK).s();
                timeline.addAll(EmbeddedEvents.of(item));
                if (sk.equals(FeedbackItems.ITEM)) {
                    feedback = FeedbackItems.feedback(item);
                    AttributeValue told = item.get(DynamoEscalations.ANSWERS_TOLD);
                    if (told != null && told.hasNs()) {
                        told.ns().forEach(step -> answersTold.add(Integer.valueOf(step)));
                    }
                } else if (sk.startsWith("ESC#")) {
                    escalations.add(FeedbackItems.escalation(item));
                } else if (sk.startsWith("EVT#")) {
                    timeline.add(FeedbackItems.event(item));
                } else if (sk.startsWith(DynamoSentMailTexts.PREFIX) && item.get("text") != null && item.get("text").s() != null) {
                    sentTexts.add(item.get("text").s());
                } else if (sk.startsWith(DynamoCustomerLetters.LETTER)) {
                    letters.add(DynamoCustomerLetters.letter(id, item));
                } else if (sk.startsWith(DynamoCustomerLetters.RATING)) {
                    CustomerLetters.Rating rating = DynamoCustomerLetters.ratingOrNull(id, item);
                    if (rating != null) {
                        ratings.add(rating);
                    }
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        // as the events' sort keys order them: by time, then type (events riding on items come in item order)
        timeline.sort(java.util.Comparator.comparing(TimelineEvent::at).thenComparing(TimelineEvent::type));
        letters.sort(java.util.Comparator.comparing(CustomerLetters.Letter::at));
        return feedback == null ? Optional.empty() : Optional.of(new FeedbackRecord(feedback, escalations, timeline, sentTexts,
                new FeedbackRecord.Written(letters, ratings), answersTold));
    }

    @Override
    public boolean recordRoute(String feedbackId, RouteDecision decision, TimelineEvent event) {
        Update update = Update.builder().tableName(table).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET #status = :routed, route = :route, #owner = :owner, answerWithin = :within, "
                        + "routeDueAt = :due, routedAt = :at")
                .conditionExpression("#status = :received")
                .expressionAttributeNames(Map.of("#status", "status", "#owner", "owner"))
                .expressionAttributeValues(values(":routed", StatusChange.ROUTE.to().wireName(),
                        ":received", StatusChange.ROUTE.from().wireName(), ":route", decision.route(),
                        ":owner", decision.owner(), ":within", decision.answerWithin().toString(),
                        ":due", StoredTime.format(decision.dueAt()), ":at", StoredTime.format(decision.decidedAt())))
                .build();
        return writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(feedbackId, event));
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

    @Override
    public List<Feedback> earlierFeedback(String customerEmail, String exceptId, int limit) {
        return new FeedbackListing(dynamo, table).earlier(customerEmail, exceptId, limit);
    }

}
