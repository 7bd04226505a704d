package dev.qmark.aws.dynamodb;

import dev.qmark.aws.snapstart.Priming;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.reading.Together;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * SnapStart priming of the table's write paths, without a write: the priming record mapped as a
 * stored feedback is written the three ways the adapters write (a transaction of puts and an
 * update, a conditional put, a conditional update; through {@link TableWrites} as they do), each
 * under a condition no item can meet. DynamoDB
 * refuses every one (ConditionalCheckFailed), so the SDK's marshalling, its request and its error
 * unmarshalling run and load before the snapshot, whatever the table holds, and nothing changes:
 * no item, no stream record, no figure.
 */
public final class PrimingWrites {

    /** True of no item: exists and does not. */
    static final String NEVER = "attribute_exists(pk) AND attribute_not_exists(pk)";

    private PrimingWrites() {
    }

    public static void run(DynamoDbClient dynamo, String table) {
        TableWrites writes = new TableWrites(dynamo, table);
        Map<String, AttributeValue> item = FeedbackItems.feedback(Priming.sampleFeedback());
        Map<String, AttributeValue> second = new HashMap<>(item);
        second.put(QmarkTable.SK, AttributeValue.fromS("PRIMING"));
        Update update = Update.builder().tableName(table).key(Item.key(FeedbackItems.pk(FeedbackIds.PRIMING), FeedbackItems.ITEM))
                .updateExpression("SET #status = :status").conditionExpression(NEVER)
                .expressionAttributeNames(Map.of("#status", "status"))
                .expressionAttributeValues(Map.of(":status", AttributeValue.fromS("priming"))).build();
        boolean wrote = writes.transact(writes.put(item, NEVER, null), writes.put(second, NEVER, null),
                TransactWriteItem.builder().update(update).build());
        wrote |= writes.transact(writes.put(item, NEVER, null));
        wrote |= writes.transact(TransactWriteItem.builder().update(update).build());
        // the same refused put twice at once, on the virtual threads that reads and writes done together run on
        // (core reading.Together: the form post's claim and counters, the digest's reads): their scheduler and the
        // socket poller they wait on start before the snapshot, not in the first event
        wrote |= Together.readEach(List.of(item, second), i -> writes.transact(writes.put(i, NEVER, null))).contains(true);
        if (wrote) {
            throw new IllegalStateException("a priming write met a condition no item can meet");
        }
        // what a write that succeeds is read into: the types' field tables, built once per container
        PutItemResponse.builder().build();
        UpdateItemResponse.builder().build();
        TransactWriteItemsResponse.builder().build();
    }
}
