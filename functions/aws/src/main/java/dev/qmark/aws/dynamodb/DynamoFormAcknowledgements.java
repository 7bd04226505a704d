package dev.qmark.aws.dynamodb;

import static dev.qmark.aws.dynamodb.FeedbackItems.pk;

import dev.qmark.core.ports.FormAcknowledgements;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * {@link FormAcknowledgements} on the table, one transaction: the address's hourly counter
 * {@code ACK#<address> / <hour>} (the very counter {@link DynamoMailThreads} takes for mail
 * customers), the client's {@code ACKCLIENT#<hash of its IP> / <hour>} (both expire, TTL, an hour
 * after their hour), and {@code acknowledgeIn} on the feedback item, which the router reads.
 */
public final class DynamoFormAcknowledgements implements FormAcknowledgements {

    private static final String LANGUAGE = "acknowledgeIn";

    private final TableWrites table;

    public DynamoFormAcknowledgements(DynamoDbClient dynamo, String table) {
        this.table = new TableWrites(dynamo, table);
    }

    @Override
    public boolean allow(String feedbackId, String email, String clientKey, Instant hour, Limits limits,
                         String language) {
        Update mark = Update.builder().tableName(table.table()).key(Item.key(pk(feedbackId), FeedbackItems.ITEM))
                .updateExpression("SET " + LANGUAGE + " = :language")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":language", AttributeValue.fromS(language)))
                .build();
        return table.transact(counter("ACK#" + email.toLowerCase(Locale.ROOT), hour, limits.perAddress()),
                counter("ACKCLIENT#" + clientKey, hour, limits.perClient()),
                TransactWriteItem.builder().update(mark).build());
    }

    /** One more in the hour's counter, only while it is below {@code max} (no counter yet counts as below). */
    private TransactWriteItem counter(String pk, Instant hour, int max) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":max", AttributeValue.fromN(Integer.toString(max)));
        values.put(":expires", AttributeValue.fromN(Long.toString(hour.plus(Duration.ofHours(2)).getEpochSecond())));
        return TransactWriteItem.builder().update(Update.builder().tableName(table.table())
                .key(Item.key(pk, StoredTime.format(hour)))
                .updateExpression("ADD acknowledged :one SET expiresAt = :expires")
                .conditionExpression("attribute_not_exists(acknowledged) OR acknowledged < :max")
                .expressionAttributeValues(values)
                .build()).build();
    }

    @Override
    public Optional<String> allowed(String feedbackId) {
        return Optional.ofNullable(Item.of(table.get(pk(feedbackId), FeedbackItems.ITEM)).s(LANGUAGE));
    }
}
