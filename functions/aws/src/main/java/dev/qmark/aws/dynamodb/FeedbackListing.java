package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.ports.FeedbackRepository.Page;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
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
        if (status != null) {
            query.filterExpression("#status = :status");
            names.put("#status", "status");
            values.put(":status", AttributeValue.fromS(status.wireName()));
        }
        if (!names.isEmpty()) {
            query.expressionAttributeNames(names);
        }
        query.expressionAttributeValues(values);

        List<Feedback> items = new ArrayList<>();
        Map<String, AttributeValue> start = decode(cursor);
        if (start != null && !(start.keySet().equals(java.util.Set.of(QmarkTable.PK, QmarkTable.SK, partitionKey, "listSk"))
                && partition.equals(start.get(partitionKey)))) {
            // a cursor from another listing (or made up) would reach DynamoDB and fail there
            throw new IllegalArgumentException("cursor does not belong to this listing; start again without it");
        }
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).limit(limit - items.size()).build());
            page.items().stream().map(FeedbackItems::feedback).forEach(items::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return new Page(items, encode(start));
    }

    private static String encode(Map<String, AttributeValue> key) {
        if (key == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        key.forEach((name, value) -> out.append(name).append('\u0000').append(value.s()).append('\u0000'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this API gave out");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
        }
        if (!key.containsKey(QmarkTable.PK) || !key.containsKey(QmarkTable.SK)) {
            throw new IllegalArgumentException("cursor is not one this API gave out");
        }
        return key;
    }
}
