package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.UnfinishedFeedback;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@link UnfinishedFeedback} on the table: a feedback item is stored with
 * {@code deadlineShard = FEEDBACK} and its first check ({@link FeedbackItems#feedback}) and loses
 * both when it is asked ({@code markAsked}).
 */
public final class DynamoUnfinishedFeedback implements UnfinishedFeedback {

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoUnfinishedFeedback(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    @Override
    public List<String> due(Instant dueBy, int max) {
        return UnfinishedIndex.due(dynamo, table, FeedbackItems.UNFINISHED_FEEDBACK_SHARD, dueBy, max).stream()
                // the index keeps no id (QmarkTable's byDeadline): the item's key has it
                .map(item -> Item.of(item).s(QmarkTable.PK).substring("FB#".length())).toList();
    }

    @Override
    public boolean postpone(String feedbackId, Instant nextCheck) {
        try {
            dynamo.updateItem(u -> u.tableName(table).key(Item.key(FeedbackItems.pk(feedbackId), FeedbackItems.ITEM))
                    .updateExpression("SET nextCheckAt = :next")
                    .conditionExpression("deadlineShard = :shard")
                    .expressionAttributeValues(Map.of(":next", AttributeValue.fromS(StoredTime.format(nextCheck)),
                            ":shard", AttributeValue.fromS(FeedbackItems.UNFINISHED_FEEDBACK_SHARD))));
            return true;
        } catch (ConditionalCheckFailedException askedMeanwhile) {
            return false;
        }
    }
}
