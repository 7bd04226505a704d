package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.text.StoredText;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link SentMailTexts} on the table: {@code FB#<id> / SENT#<step, 3 digits>#<kind>} holds the
 * text. One unconditional PutItem per mail, written before it is sent: a retry after a crash
 * writes the same key again, and a mail is never out without its text kept. The text is cut to
 * {@link StoredText#DETAIL_BYTES}: a copy starts at the top of the mail, so its first 40 KB are
 * all the safety net needs, and the item's record reads stay small.
 */
public final class DynamoSentMailTexts implements SentMailTexts {

    static final String PREFIX = "SENT#";

    private final TableWrites table;

    public DynamoSentMailTexts(DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoSentMailTexts(TableWrites table) {
        this.table = table;
    }

    static String sk(int step, String kind) {
        return PREFIX + String.format("%03d", step) + "#" + kind;
    }

    @Override
    public void keep(String feedbackId, int step, String kind, String text) {
        table.dynamo().putItem(p -> p.tableName(table.table()).item(Item.create()
                .s(QmarkTable.PK, FeedbackItems.pk(feedbackId)).s(QmarkTable.SK, sk(step, kind))
                .s("type", "sent-text").s("text", StoredText.bounded(text, StoredText.DETAIL_BYTES)).build()));
    }

    @Override
    public List<String> texts(String feedbackId) {
        return texts(feedbackId, true);
    }

    @Override
    public List<String> internalTexts(String feedbackId) {
        return texts(feedbackId, false);
    }

    private List<String> texts(String feedbackId, boolean toCustomerToo) {
        List<String> texts = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            // eventually consistent (half the read units): each text is kept before its mail is sent,
            // long before a person's reply to it arrives
            QueryResponse page = table.dynamo().query(q -> q.tableName(table.table()).consistentRead(false)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :sent)")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(FeedbackItems.pk(feedbackId)),
                            ":sent", AttributeValue.fromS(PREFIX)))
                    .exclusiveStartKey(from));
            for (Map<String, AttributeValue> item : page.items()) {
                AttributeValue text = item.get("text");
                boolean toCustomer = item.get(QmarkTable.SK).s().contains("#" + TO_CUSTOMER);
                if (text != null && text.s() != null && (toCustomerToo || !toCustomer)) {
                    texts.add(text.s());
                }
            }
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return texts;
    }
}
