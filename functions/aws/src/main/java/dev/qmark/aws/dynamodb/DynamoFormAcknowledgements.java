package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.FormAcknowledgements;
import dev.qmark.core.reading.Together;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@link FormAcknowledgements} on the table, two plain conditional updates (a transaction would
 * bill each twice): the client's hourly counter {@code ACKCLIENT#<hash of its IP> / <hour>} and
 * the address's {@code ACK#<address> / <hour>} (the very counter {@link DynamoMailThreads} takes for
 * mail customers); both expire (TTL) an hour after their hour. Each counter keeps the ids of the
 * items it counted ({@code countedItems}, a string set: a handful an hour), so that taking again for the
 * same item is a no-op that still answers "taken": a retried post or a racing twin counts once.
 */
public final class DynamoFormAcknowledgements implements FormAcknowledgements {

    private static final String COUNT = "acknowledged";
    private static final String ITEMS = "countedItems";

    private final TableWrites table;

    public DynamoFormAcknowledgements(DynamoDbClient dynamo, String table) {
        this.table = new TableWrites(dynamo, table);
    }

    /**
     * Both counters at the same time (the form post waits on this; one round trip instead of two), then
     * all or nothing: when one refuses, the other's one goes back (a crash before that leaves it taken
     * until the post's retry takes it again, finds it its own, and gives it back here; without a retry it
     * is spent for the hour). A client over its limit thus costs the address's take and its giving back
     * as well: the price of the form's speed.
     */
    @Override
    public boolean take(String feedbackId, String email, String clientKey, Instant hour, Limits limits) {
        Map<String, AttributeValue> client = clientCounter(clientKey, hour);
        Map<String, AttributeValue> address = addressCounter(email, hour);
        boolean clientTook;
        boolean addressTook;
        try (Together together = new Together()) {
            Supplier<Boolean> byClient = together.start(() -> take(client, feedbackId, hour, limits.perClient()));
            Supplier<Boolean> byAddress = together.start(() -> take(address, feedbackId, hour, limits.perAddress()));
            clientTook = byClient.get();
            addressTook = byAddress.get();
        }
        if (clientTook && addressTook) {
            return true;
        }
        if (clientTook) {
            giveBack(client, feedbackId);
        }
        if (addressTook) {
            giveBack(address, feedbackId);
        }
        return false;
    }

    @Override
    public void giveBack(String feedbackId, String email, String clientKey, Instant hour) {
        giveBack(clientCounter(clientKey, hour), feedbackId);
        giveBack(addressCounter(email, hour), feedbackId);
    }

    private static Map<String, AttributeValue> clientCounter(String clientKey, Instant hour) {
        return Item.key("ACKCLIENT#" + clientKey, StoredTime.format(hour));
    }

    private static Map<String, AttributeValue> addressCounter(String email, Instant hour) {
        return Item.key("ACK#" + email.toLowerCase(Locale.ROOT), StoredTime.format(hour));
    }

    /**
     * One more in the counter for {@code feedbackId}, only while it is below {@code max} (no counter
     * yet counts as below) and has not counted that item; true also when it had (taken before).
     */
    private boolean take(Map<String, AttributeValue> key, String feedbackId, Instant hour, int max) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":max", AttributeValue.fromN(Integer.toString(max)));
        values.put(":id", AttributeValue.fromS(feedbackId));
        values.put(":ids", AttributeValue.fromSs(List.of(feedbackId)));
        values.put(":expires", AttributeValue.fromN(Long.toString(hour.plus(Duration.ofHours(2)).getEpochSecond())));
        boolean taken = table.update(u -> u.key(key)
                .updateExpression("ADD " + COUNT + " :one, " + ITEMS + " :ids SET expiresAt = :expires")
                .conditionExpression("(attribute_not_exists(" + COUNT + ") OR " + COUNT + " < :max) AND NOT contains("
                        + ITEMS + ", :id)")
                .expressionAttributeValues(values));
        // refused: over the limit, or it counted this item before (read only then: the rare path)
        return taken || counted(key, feedbackId);
    }

    private boolean counted(Map<String, AttributeValue> key, String feedbackId) {
        AttributeValue items = table.get(key.get(QmarkTable.PK).s(), key.get(QmarkTable.SK).s()).get(ITEMS);
        return items != null && items.hasSs() && items.ss().contains(feedbackId);
    }

    /** Takes the item's one back out of the counter; nothing when it holds none of the item's (given back before). */
    private void giveBack(Map<String, AttributeValue> key, String feedbackId) {
        table.update(u -> u.key(key)
                .updateExpression("ADD " + COUNT + " :minus DELETE " + ITEMS + " :ids")
                .conditionExpression("contains(" + ITEMS + ", :id)")
                .expressionAttributeValues(Map.of(":minus", AttributeValue.fromN("-1"), ":id", AttributeValue.fromS(feedbackId),
                        ":ids", AttributeValue.fromSs(List.of(feedbackId)))));
    }
}
