package dev.qmark.aws.dynamodb;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Reads one partition of the sparse {@code byDeadline} index by next check: the recovery's lists
 * of unfinished feedback and mail live there beside the sweeper's open escalations, each under its
 * own {@code deadlineShard}. Items leave by losing the attribute, so a read costs what is
 * unfinished and due, never the size of the table.
 */
final class UnfinishedIndex {

    private UnfinishedIndex() {
    }

    static List<Map<String, AttributeValue>> due(DynamoDbClient dynamo, String table, String shard, Instant dueBy, int max) {
        List<Map<String, AttributeValue>> found = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_DEADLINE)
                    .keyConditionExpression("deadlineShard = :shard AND nextCheckAt <= :due")
                    .expressionAttributeValues(Map.of(":shard", AttributeValue.fromS(shard),
                            ":due", AttributeValue.fromS(StoredTime.format(dueBy))))
                    .limit(Math.min(100, max - found.size()))
                    .exclusiveStartKey(from));
            found.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && found.size() < max);
        return found;
    }
}
