package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.ReviewQueue;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link ReviewQueue} on the table: one item per mail ({@code REVIEW#mailId / REVIEW}), listed
 * newest first through the {@code byTime} index under its own list partition.
 */
public final class DynamoReviewQueue implements ReviewQueue {

    private final TableWrites table;

    public DynamoReviewQueue(DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoReviewQueue(TableWrites table) {
        this.table = table;
    }

    @Override
    public void keepForReview(ReviewItem review) {
        Map<String, AttributeValue> item = Item.create()
                .s(QmarkTable.PK, "REVIEW#" + review.mailId()).s(QmarkTable.SK, "REVIEW").s("type", "review")
                .s("mailId", review.mailId()).s("rawLocation", review.rawLocation()).s("from", review.from())
                .s("subject", review.subject()).s("reason", review.reason()).time("at", review.at())
                .s("listPk", FeedbackItems.REVIEW_LIST).s("listSk", StoredTime.format(review.at()) + "#" + review.mailId())
                .build();
        // false: the same mail delivered again, it is on the list already
        table.putIfAbsent(item);
    }

    @Override
    public ReviewPage reviewItems(int limit, String cursor) {
        AttributeValue partition = AttributeValue.fromS(FeedbackItems.REVIEW_LIST);
        Map<String, AttributeValue> start = ListCursor.decode(cursor, "listPk", "listSk", partition);
        QueryResponse page = table.dynamo().query(q -> q.tableName(table.table()).indexName(QmarkTable.BY_TIME).scanIndexForward(false)
                .keyConditionExpression("listPk = :review")
                .expressionAttributeValues(Map.of(":review", partition))
                .exclusiveStartKey(start)
                .limit(limit));
        List<ReviewItem> items = page.items().stream().map(values -> {
            Item item = Item.of(values);
            return new ReviewItem(item.s("mailId"), item.s("rawLocation"), item.s("from"), item.s("subject"),
                    item.s("reason"), item.time("at"));
        }).toList();
        // no filter on this query: a page is never short, so the last evaluated key is the whole story
        boolean more = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty();
        return new ReviewPage(items, more ? ListCursor.encode(page.lastEvaluatedKey()) : null);
    }
}
