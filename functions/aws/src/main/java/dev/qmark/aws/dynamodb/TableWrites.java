package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.TimelineEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;
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

    /**
     * Runs a transaction; false when one of its conditions failed (nothing was written). What is left
     * after small events are folded into their items ({@link EmbeddedEvents}) and is one item is one
     * plain conditional write: DynamoDB bills a transaction's writes twice.
     */
    boolean transact(TransactWriteItem... given) {
        // small events ride on the item they tell of: a change of one item is then one plain write
        List<TransactWriteItem> items = EmbeddedEvents.fold(List.of(given));
        if (items.size() == 1 && items.get(0).update() != null) {
            Update u = items.get(0).update();
            return update(b -> b.tableName(u.tableName()).key(u.key()).updateExpression(u.updateExpression())
                    .conditionExpression(u.conditionExpression())
                    .expressionAttributeNames(u.hasExpressionAttributeNames() ? u.expressionAttributeNames() : null)
                    .expressionAttributeValues(u.hasExpressionAttributeValues() ? u.expressionAttributeValues() : null));
        }
        if (items.size() == 1 && items.get(0).put() != null) {
            Put p = items.get(0).put();
            try {
                dynamo.putItem(b -> b.tableName(p.tableName()).item(p.item()).conditionExpression(p.conditionExpression())
                        .expressionAttributeNames(p.hasExpressionAttributeNames() ? p.expressionAttributeNames() : null)
                        .expressionAttributeValues(p.hasExpressionAttributeValues() ? p.expressionAttributeValues() : null));
                return true;
            } catch (ConditionalCheckFailedException e) {
                return false;
            }
        }
        try {
            dynamo.transactWriteItems(t -> t.transactItems(items));
            return true;
        } catch (TransactionCanceledException e) {
            for (int i = 0; i < items.size(); i++) {
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
