package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.escalationSk;
import static dev.qmark.aws.dynamodb.FeedbackItems.pk;
import static dev.qmark.aws.dynamodb.TableWrites.values;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.SweepList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link SweepList} on the sparse {@code byDeadline} index: an escalation is in partition
 * {@code OPEN} (sorted by {@code nextCheckAt}) while its clock runs or a follow-up is pending,
 * {@code LATE} once breached and followed up, {@code STUCK} once set aside; answered and handed-on
 * ones have no {@code deadlineShard} and are not in the index at all.
 */
public final class DynamoSweepList implements SweepList {

    /** Soonest deadline first; an escalation too damaged to have one last. */
    private static final Comparator<Escalation> DUE_FIRST =
            Comparator.comparing(Escalation::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));
    /** A failure's reason is for a person to read, not a stack trace to store. */
    private static final int PROBLEM_LENGTH = 500;

    private final TableWrites writes;
    private final software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo;
    private final String table;

    public DynamoSweepList(software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoSweepList(TableWrites writes) {
        this.writes = writes;
        this.dynamo = writes.dynamo();
        this.table = writes.table();
    }

    @Override
    public DuePage dueEscalations(Instant now, int limit, String cursor) {
        Map<String, AttributeValue> start = DueCursor.decode(cursor);
        QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_DEADLINE)
                .keyConditionExpression("deadlineShard = :open AND nextCheckAt <= :now")
                .expressionAttributeValues(values(":open", FeedbackItems.OPEN_SHARD, ":now", StoredTime.format(now)))
                .exclusiveStartKey(start)
                .limit(limit));
        String next = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()
                ? DueCursor.encode(page.lastEvaluatedKey()) : null;
        return new DuePage(page.items().stream().map(this::indexed).toList(), next);
    }

    /**
     * An escalation from its index entry, which projects what the sweeper and the listings read
     * (QmarkTable's byDeadline) and not the events riding on the item: a sweep's writes then rewrite
     * a small entry. Its feedback id and step are its keys'. One handed on (orphaned, passed on:
     * {@code handedTo} set, rare) has more fields than the index keeps, and is read from the table.
     */
    private Escalation indexed(Map<String, AttributeValue> entry) {
        Map<String, AttributeValue> values = entry;
        if (entry.containsKey("handedTo")) {
            Map<String, AttributeValue> item = writes.get(entry.get(QmarkTable.PK).s(), entry.get(QmarkTable.SK).s());
            values = item.isEmpty() ? entry : item;  // gone meanwhile: what the index showed (a check then finds nothing to do)
        }
        if (!values.containsKey("feedbackId") || !values.containsKey("step")) {
            values = new HashMap<>(values);
            String pk = values.get(QmarkTable.PK).s();
            String sk = values.get(QmarkTable.SK).s();
            values.putIfAbsent("feedbackId", AttributeValue.fromS(pk.substring(pk.indexOf('#') + 1)));
            values.putIfAbsent("step", AttributeValue.fromN(Integer.toString(Integer.parseInt(sk.substring(sk.indexOf('#') + 1)))));
        }
        return FeedbackItems.indexedEscalation(values);
    }

    @Override
    public boolean postponeCheck(Escalation seen, Instant nextCheckAt, String problem, Instant at, boolean stuck,
                                 TimelineEvent event) {
        String reason = problem == null ? "unknown" : problem.length() > PROBLEM_LENGTH
                ? problem.substring(0, PROBLEM_LENGTH) + "..." : problem;
        Map<String, AttributeValue> values = values(":open", FeedbackItems.OPEN_SHARD,
                ":next", StoredTime.format(nextCheckAt), ":problem", reason, ":at", StoredTime.format(at));
        values.put(":failures", AttributeValue.fromN(Integer.toString(seen.sweep().failures() + 1)));
        // not the status: the failed check may have changed it itself (marked late, then failed to follow up)
        StringBuilder condition = new StringBuilder("deadlineShard = :open AND ");
        if (seen.sweep().failures() == 0) {
            condition.append("attribute_not_exists(sweepFailures)");
        } else {
            condition.append("sweepFailures = :seenFailures");
            values.put(":seenFailures", AttributeValue.fromN(Integer.toString(seen.sweep().failures())));
        }
        if (seen.sweep().nextCheckAt() != null) {
            condition.append(" AND nextCheckAt = :seenNext");
            values.put(":seenNext", AttributeValue.fromS(StoredTime.format(seen.sweep().nextCheckAt())));
        }
        String set = "SET nextCheckAt = :next, sweepFailures = :failures, sweepProblem = :problem, sweepFailedAt = :at";
        if (stuck) {
            // off the sweeper's partition: it never reads this item again; the stuck listing does
            set += ", deadlineShard = :stuck, stuckAt = :at";
            values.put(":stuck", AttributeValue.fromS(FeedbackItems.STUCK_SHARD));
        }
        Update update = Update.builder().tableName(table).key(Item.key(pk(seen.feedbackId()), escalationSk(seen.step())))
                .updateExpression(set)
                .conditionExpression(condition.toString())
                .expressionAttributeValues(values)
                .build();
        return event == null ? writes.transact(TransactWriteItem.builder().update(update).build())
                : writes.transact(TransactWriteItem.builder().update(update).build(), writes.putEvent(seen.feedbackId(), event));
    }

    @Override
    public List<Escalation> stuckEscalations(String owner, int limit) {
        return shard(FeedbackItems.STUCK_SHARD).stream()
                .filter(e -> owner == null || owner.equals(e.owner()))
                .sorted(DUE_FIRST).limit(limit).toList();
    }

    /** Every escalation in one partition of the deadline index. */
    private List<Escalation> shard(String shard) {
        List<Escalation> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_DEADLINE)
                    .keyConditionExpression("deadlineShard = :shard")
                    .expressionAttributeValues(values(":shard", shard))
                    .exclusiveStartKey(from));
            page.items().stream().map(this::indexed).forEach(found::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return found;
    }

    @Override
    public List<Escalation> escalations(EscalationStatus status, String owner, Instant dueBefore, int limit) {
        List<Escalation> found = new ArrayList<>();
        for (String shard : status == EscalationStatus.LATE ? List.of(FeedbackItems.LATE_SHARD)
                : status == EscalationStatus.OPEN ? List.of(FeedbackItems.OPEN_SHARD)
                : List.of(FeedbackItems.OPEN_SHARD, FeedbackItems.LATE_SHARD)) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_DEADLINE)
                        .keyConditionExpression("deadlineShard = :shard")
                        .expressionAttributeValues(values(":shard", shard))
                        .exclusiveStartKey(from));
                page.items().stream().map(this::indexed)
                        .filter(e -> status == null || e.status() == status)
                        .filter(e -> owner == null || owner.equals(e.owner()))
                        .filter(e -> dueBefore == null || e.dueAt() != null && e.dueAt().isBefore(dueBefore))
                        .forEach(found::add);
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        return found.stream().sorted(DUE_FIRST).limit(limit).toList();
    }
}
