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
        Map<String, AttributeValue> start = ListCursor.decode(cursor, partitionKey, "listSk", partition);
        do {
            QueryResponse page = dynamo.query(query.exclusiveStartKey(start).limit(limit - items.size()).build());
            page.items().stream().map(FeedbackItems::feedback).forEach(items::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < limit);
        return new Page(items, ListCursor.encode(start));
    }
}
