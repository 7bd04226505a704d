package dev.qmark.bench;

import dev.qmark.testing.SettableClock;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.intake.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Escalations for a sweep to find due, made as the system makes them: M customers (a different one
 * each, so the "earlier feedback" lookup reads one item for each, whatever is in the table) write
 * about a late delivery, the router routes it, the escalator sends the "?". Then the clock moves
 * past the latest deadline: every one is due, and past its deadline.
 */
final class DueEscalations {

    /** What one preparation made: the items and submissions to remove after the sweep, and when it is due. */
    record Prepared(List<String> feedbackIds, List<String> dedupeKeys, Instant sweepAt) {
    }

    private final RealPipeline pipeline;
    private final SettableClock clock;
    private final DynamoDbClient dynamo;
    private final String table;

    DueEscalations(RealPipeline pipeline, SettableClock clock, DynamoDbClient dynamo, String table) {
        this.pipeline = pipeline;
        this.clock = clock;
        this.dynamo = dynamo;
        this.table = table;
    }

    /** Asks {@code count} owners about {@code count} new items, from {@code at} on (ten seconds apart). */
    Prepared prepare(int count, Instant at) {
        List<String> ids = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        Instant latestDue = at;
        for (int i = 0; i < count; i++) {
            Instant submitted = at.plusSeconds(10L * i);
            Submission submission = new Submission(String.format("Customer %05d", i),
                    String.format("due-%05d@customers.bench.example", i), "My delivery is late",
                    "I ordered on Monday and the parcel has still not arrived. Can you tell me where it is?", 2, null);
            clock.set(submitted);
            String id = pipeline.submit(submission);
            clock.set(submitted.plusSeconds(1));
            EscalationRequest request = pipeline.route(id);
            clock.set(submitted.plusSeconds(2));
            pipeline.ask(request);
            ids.add(id);
            keys.add(submission.dedupeKey());
            latestDue = request.dueAt().isAfter(latestDue) ? request.dueAt() : latestDue;
        }
        return new Prepared(ids, keys, latestDue.plus(Duration.ofMinutes(1)));
    }

    /** Deletes what {@link #prepare} and the sweep made of them, so that the table holds the closed items only again. */
    void remove(Prepared prepared) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (String id : prepared.feedbackIds()) {
            Map<String, AttributeValue> start = null;
            do {
                Map<String, AttributeValue> from = start;
                var page = dynamo.query(q -> q.tableName(table).consistentRead(true)
                        .keyConditionExpression("pk = :pk").projectionExpression("pk, sk")
                        .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FB#" + id)))
                        .exclusiveStartKey(from));
                keys.addAll(page.items());
                start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
            } while (start != null);
        }
        for (String key : prepared.dedupeKeys()) {
            keys.add(Map.of(QmarkTable.PK, AttributeValue.fromS("SUBMISSION#" + key), QmarkTable.SK, AttributeValue.fromS("SUBMISSION")));
        }
        for (int i = 0; i < keys.size(); i += 25) {
            List<WriteRequest> batch = keys.subList(i, Math.min(keys.size(), i + 25)).stream()
                    .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build()).toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, batch);
            while (!pending.isEmpty()) {
                Map<String, List<WriteRequest>> sending = pending;
                var response = dynamo.batchWriteItem(b -> b.requestItems(sending));
                pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
            }
        }
    }
}
