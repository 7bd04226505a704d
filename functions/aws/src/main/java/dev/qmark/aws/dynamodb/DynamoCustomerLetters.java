package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.text.StoredText;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link CustomerLetters} on the table, under the item: {@code FB#<id> / LETTER#<key>} (a relayed
 * mail), {@code RATING#<key>} (its rating, with the founder's step once a low rating asked them)
 * and {@code CUSTOMER-MAIL} (the customer's first Message-ID).
 */
public final class DynamoCustomerLetters implements CustomerLetters {

    static final String LETTER = "LETTER#";
    static final String RATING = "RATING#";
    static final String CUSTOMER_MAIL = "CUSTOMER-MAIL";

    private final TableWrites table;

    public DynamoCustomerLetters(DynamoDbClient dynamo, String table) {
        this.table = new TableWrites(dynamo, table);
    }

    @Override
    public boolean recordLetter(Letter letter, TimelineEvent event) {
        Map<String, AttributeValue> item = Item.create()
                .s(QmarkTable.PK, FeedbackItems.pk(letter.feedbackId())).s(QmarkTable.SK, LETTER + letter.key())
                .s("type", "letter").n("step", letter.step()).s("writerEmail", letter.writerEmail())
                .s("writerName", letter.writerName()).time("at", letter.at())
                .s("text", StoredText.bounded(letter.text(), StoredText.DETAIL_BYTES)).build();
        return table.transact(table.put(item, "attribute_not_exists(pk)", null),
                table.putEvent(letter.feedbackId(), event));
    }

    @Override
    public Optional<Letter> letter(String feedbackId, String key) {
        Map<String, AttributeValue> item = table.get(FeedbackItems.pk(feedbackId), LETTER + key);
        return item.isEmpty() ? Optional.empty() : Optional.of(letter(feedbackId, item));
    }

    /** One key of a letter, if any: a query of one item projecting its key, however long the letters. */
    @Override
    public boolean writtenTo(String feedbackId) {
        return table.dynamo().query(q -> q.tableName(table.table()).limit(1).projectionExpression("pk")
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedbackItems.pk(feedbackId)),
                        ":prefix", AttributeValue.fromS(LETTER)))).count() > 0;
    }

    @Override
    public List<Letter> letters(String feedbackId) {
        List<Letter> letters = new ArrayList<>(query(feedbackId, LETTER).stream().map(i -> letter(feedbackId, i)).toList());
        letters.sort(Comparator.comparing(Letter::at));
        return letters;
    }

    /** A {@code LETTER#} item as a letter (also read by the item's partition query, {@code findRecord}). */
    static Letter letter(String feedbackId, Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        return new Letter(feedbackId, item.s(QmarkTable.SK).substring(LETTER.length()), item.integer("step"),
                item.s("writerEmail"), item.s("writerName"), item.time("at"), item.s("text"));
    }

    @Override
    public void rate(Rating rating, TimelineEvent event) {
        // an update, so the founder's step taken by an earlier low rating stays
        Update update = Update.builder().tableName(table.table())
                .key(Item.key(FeedbackItems.pk(rating.feedbackId()), RATING + rating.letterKey()))
                .updateExpression("SET #type = :type, score = :score, #comment = :comment, #at = :at")
                .expressionAttributeNames(Map.of("#type", "type", "#comment", "comment", "#at", "at"))
                .expressionAttributeValues(Map.of(":type", AttributeValue.fromS("rating"),
                        ":score", AttributeValue.fromN(String.valueOf(rating.score())),
                        ":comment", AttributeValue.fromS(StoredText.bounded(rating.comment(), StoredText.DETAIL_BYTES / 4)),
                        ":at", AttributeValue.fromS(StoredTime.format(rating.at()))))
                .build();
        table.transact(TransactWriteItem.builder().update(update).build(),
                table.putEvent(rating.feedbackId(), event));
    }

    @Override
    public Optional<Rating> rating(String feedbackId, String letterKey) {
        Map<String, AttributeValue> item = table.get(FeedbackItems.pk(feedbackId), RATING + letterKey);
        return item.isEmpty() || !item.containsKey("score") ? Optional.empty() : Optional.of(rating(feedbackId, item));
    }

    @Override
    public List<Rating> ratings(String feedbackId) {
        return query(feedbackId, RATING).stream().filter(i -> i.containsKey("score")).map(i -> rating(feedbackId, i)).toList();
    }

    /** A stream image of a {@code RATING#} item as a rating; null when there is none or it has no score yet. */
    static Rating ratingOrNull(String feedbackId, Map<String, AttributeValue> values) {
        return values == null || !values.containsKey("score") || !values.containsKey("at") ? null : rating(feedbackId, values);
    }

    private static Rating rating(String feedbackId, Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        return new Rating(feedbackId, item.s(QmarkTable.SK).substring(RATING.length()), item.integer("score"),
                item.s("comment") == null ? "" : item.s("comment"), item.time("at"));
    }

    @Override
    public int founderStepFor(String feedbackId, String letterKey, int proposed) {
        table.update(u -> u.key(Item.key(FeedbackItems.pk(feedbackId), RATING + letterKey))
                .updateExpression("SET founderStep = :step")
                .conditionExpression("attribute_not_exists(founderStep)")
                .expressionAttributeValues(Map.of(":step", AttributeValue.fromN(String.valueOf(proposed)))));
        return Item.of(table.get(FeedbackItems.pk(feedbackId), RATING + letterKey)).integer("founderStep");
    }

    @Override
    public void rememberCustomerMessage(String feedbackId, String messageId) {
        table.putIfAbsent(Item.create().s(QmarkTable.PK, FeedbackItems.pk(feedbackId)).s(QmarkTable.SK, CUSTOMER_MAIL)
                .s("type", "customer-mail").s("messageId", StoredText.bounded(messageId, 1000)).build());
    }

    @Override
    public Optional<String> customerMessage(String feedbackId) {
        return Optional.ofNullable(Item.of(table.get(FeedbackItems.pk(feedbackId), CUSTOMER_MAIL)).s("messageId"));
    }

    private List<Map<String, AttributeValue>> query(String feedbackId, String prefix) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.dynamo().query(q -> q.tableName(table.table()).consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedbackItems.pk(feedbackId)),
                            ":prefix", AttributeValue.fromS(prefix)))
                    .exclusiveStartKey(from));
            items.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return items;
    }
}
