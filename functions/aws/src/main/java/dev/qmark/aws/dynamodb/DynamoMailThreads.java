package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.MailThreads;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link MailThreads} on the table: {@code MSGID#<message id> / MSGID} names the item a sent mail
 * belongs to; {@code ACK#<sender> / <hour>} counts a sender's acknowledgements in that hour and
 * expires (TTL) an hour after it.
 */
public final class DynamoMailThreads implements MailThreads {

    private final TableWrites table;

    public DynamoMailThreads(DynamoDbClient dynamo, String table) {
        this(new TableWrites(dynamo, table));
    }

    DynamoMailThreads(TableWrites table) {
        this.table = table;
    }

    @Override
    public void rememberMessage(String messageId, String feedbackId) {
        // unconditional: a Message-ID is unique, writing it again writes the same
        table.dynamo().putItem(p -> p.tableName(table.table()).item(Item.create()
                .s(QmarkTable.PK, "MSGID#" + messageId.toLowerCase(Locale.ROOT)).s(QmarkTable.SK, "MSGID")
                .s("type", "message").s("feedbackId", feedbackId).build()));
    }

    @Override
    public Optional<String> feedbackByMessageId(String messageId) {
        Item item = Item.of(table.get("MSGID#" + messageId.toLowerCase(Locale.ROOT), "MSGID"));
        return Optional.ofNullable(item.s("feedbackId"));
    }

    @Override
    public boolean takeAcknowledgement(String senderEmail, Instant hour, int perHour) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":max", AttributeValue.fromN(Integer.toString(perHour)));
        values.put(":expires", AttributeValue.fromN(Long.toString(hour.plus(Duration.ofHours(2)).getEpochSecond())));
        return table.update(u -> u.key(Item.key("ACK#" + senderEmail.toLowerCase(Locale.ROOT), StoredTime.format(hour)))
                .updateExpression("ADD acknowledged :one SET expiresAt = :expires")
                .conditionExpression("attribute_not_exists(acknowledged) OR acknowledged < :max")
                .expressionAttributeValues(values));
    }
}
