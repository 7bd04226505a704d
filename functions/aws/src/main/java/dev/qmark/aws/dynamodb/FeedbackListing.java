package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.ports.FeedbackRepository.Page;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists feedback newest first through the byTime or byCustomer index, optionally filtered by
 * status. DynamoDB applies Limit before the filter, so pages are read until {@code limit} items
 * are found; the cursor is the last evaluated key, opaque to callers.
 */
final class FeedbackListing {

    private final DynamoDbClient dynamo;
    private final String table;

    FeedbackListing(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    Page list(FeedbackStatus status, String customerEmail, int limit, String cursor) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        QueryRequest.Builder query = QueryRequest.builder().tableName(table).scanIndexForward(false);
        String partitionKey;
        AttributeValue partition;
        if (customerEmail != null) {
            partitionKey = "customer";
            partition = AttributeValue.fromS(customerEmail.toLowerCase(java.util.Locale.ROOT));
            query.indexName(QmarkTable.BY_CUSTOMER).keyConditionExpression("customer = :p");
        } else {
            partitionKey = "listPk";
            partition = AttributeValue.fromS(FeedbackItems.FEEDBACK_LIST);
            query.indexName(QmarkTable.BY_TIME).keyConditionExpression("listPk = :p");
        }
        values.put(":p", partition);
        if (!names.isEmpty()) {
            query.expressionAttributeNames(names);
        }
        query.expressionAttributeValues(values);

        // the indexes hold keys only (an update of the item then writes no index): a page of keys,
        // then the items; the status filter applies to the page as DynamoDB's filter would (the
        // limit counts keys read, so a filtered page may be short and the cursor goes on)
        List<Feedback> items = new ArrayList<>();
        Map<String, AttributeValue> start = ListCursor.decode(cursor, partitionKey, "listSk", partition);
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).limit(limit - items.size()).build());
            items(page.items()).stream().filter(f -> status == null || f.status() == status).forEach(items::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return new Page(items, ListCursor.encode(start));
    }

    /** A customer's feedback other than {@code exceptId}, newest first; reads no item when there is none. */
    List<Feedback> earlier(String customerEmail, String exceptId, int limit) {
        QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_CUSTOMER).scanIndexForward(false)
                .keyConditionExpression("customer = :p")
                .expressionAttributeValues(Map.of(":p", AttributeValue.fromS(customerEmail.toLowerCase(java.util.Locale.ROOT))))
                .limit(limit + 1));
        String except = FeedbackItems.pk(exceptId);
        return items(page.items().stream().filter(k -> !except.equals(k.get(QmarkTable.PK).s())).limit(limit).toList());
    }

    /** The feedback items of index entries, in their order (an item deleted meanwhile is left out). */
    private List<Feedback> items(List<Map<String, AttributeValue>> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, Map<String, AttributeValue>> byPk = new HashMap<>();
        List<Map<String, AttributeValue>> keys = entries.stream()
                .map(e -> Map.of(QmarkTable.PK, e.get(QmarkTable.PK), QmarkTable.SK, e.get(QmarkTable.SK))).toList();
        for (int from = 0; from < keys.size(); from += 100) {
            Map<String, KeysAndAttributes> pending = Map.of(table,
                    KeysAndAttributes.builder().keys(keys.subList(from, Math.min(keys.size(), from + 100))).build());
            while (!pending.isEmpty()) {
                Map<String, KeysAndAttributes> request = pending;
                BatchGetItemResponse got = dynamo.batchGetItem(b -> b.requestItems(request));
                got.responses().getOrDefault(table, List.of()).forEach(item -> byPk.put(item.get(QmarkTable.PK).s(), item));
                pending = got.hasUnprocessedKeys() ? got.unprocessedKeys() : Map.of();
            }
        }
        return entries.stream().map(e -> byPk.get(e.get(QmarkTable.PK).s())).filter(java.util.Objects::nonNull)
                .map(FeedbackItems::feedback).toList();
    }
}
