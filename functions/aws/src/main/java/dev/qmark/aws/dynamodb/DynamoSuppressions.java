package dev.qmark.aws.dynamodb;

import dev.qmark.core.ports.Suppressions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * {@link Suppressions} on the table: one partition, {@code SUPPRESSED / <address, lower-cased>},
 * with the reason and when. Suppressing is a conditional put (the first reason stays), so a
 * redelivered bounce changes nothing. One partition is read whole by {@link #addresses()}: it holds
 * one small item per address that ever bounced hard or complained.
 */
public final class DynamoSuppressions implements Suppressions {

    static final String PK = "SUPPRESSED";

    private final TableWrites table;

    public DynamoSuppressions(DynamoDbClient dynamo, String table) {
        this.table = new TableWrites(dynamo, table);
    }

    private static String key(String address) {
        return address.strip().toLowerCase(Locale.ROOT);
    }

    /**
     * Read eventually consistently (half a read unit, on every customer-bound mail): an address is
     * suppressed by a bounce or complaint event that came well before the next mail to it; one
     * suppressed within the last second may be missed once, and SES's own suppression list drops
     * that mail anyway.
     */
    @Override
    public boolean suppressed(String address) {
        Map<String, AttributeValue> item = table.dynamo().getItem(g -> g.tableName(table.table()).consistentRead(false)
                .key(Item.key(PK, key(address)))).item();
        return item != null && !item.isEmpty();
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        table.putIfAbsent(Item.create().s(QmarkTable.PK, PK).s(QmarkTable.SK, key(address)).s("type", "suppressed")
                .s("reason", reason).time("at", at).build());
    }

    @Override
    public Set<String> addresses() {
        Set<String> addresses = new TreeSet<>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            QueryResponse page = table.dynamo().query(q -> q.tableName(table.table()).consistentRead(true)
                    .keyConditionExpression("pk = :pk")
                    .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(PK)))
                    .exclusiveStartKey(from));
            page.items().forEach(item -> addresses.add(item.get(QmarkTable.SK).s()));
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return addresses;
    }
}
