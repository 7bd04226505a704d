package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.TimelineEvent;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The one way the table's adapters write: conditional updates and transactions that answer
 * "a condition failed" as {@code false} instead of an exception, so that every adapter reads the
 * same ("it changed meanwhile" is an answer, anything else is a failure), and consistent reads.
 */
final class TableWrites {

    private final DynamoDbClient dynamo;
    private final String table;

    TableWrites(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    DynamoDbClient dynamo() {
        return dynamo;
    }

    String table() {
        return table;
    }

    /** The item at the key, read consistently; empty when there is none. */
    Map<String, AttributeValue> get(String pk, String sk) {
        Map<String, AttributeValue> item = dynamo.getItem(g -> g.tableName(table).consistentRead(true)
                .key(Item.key(pk, sk))).item();
        return item == null ? Map.of() : item;
    }

    /** One conditional update on this table; false when its condition failed (nothing was written). */
    boolean update(Consumer<UpdateItemRequest.Builder> update) {
        try {
            dynamo.updateItem(u -> update.accept(u.tableName(table)));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    /** Puts the item unless its key is taken; false when it was (nothing was written). */
    boolean putIfAbsent(Map<String, AttributeValue> item) {
        try {
            dynamo.putItem(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    TransactWriteItem put(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        Put.Builder put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
        }
        if (values != null) {
            put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    /** A timeline event, written in the same transaction as the change it tells of. */
    TransactWriteItem putEvent(String feedbackId, TimelineEvent event) {
        return put(FeedbackItems.event(feedbackId, event), null, null);
    }

    /** Runs a transaction; false when one of its conditions failed (nothing was written). */
    boolean transact(TransactWriteItem... items) {
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

    static boolean failedCondition(TransactionCanceledException e, int index) {
        return e.hasCancellationReasons() && e.cancellationReasons().size() > index
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    /** Expression values from pairs of name and string value. */
    static Map<String, AttributeValue> values(String... namesAndValues) {
        Map<String, AttributeValue> values = new HashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            values.put(namesAndValues[i], AttributeValue.fromS(namesAndValues[i + 1]));
        }
        return values;
    }
}
