package dev.qmark.aws.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The opaque cursor of a listing: DynamoDB's last evaluated key, base64url. Checked on the way
 * back in, so that a cursor from another listing, or a made-up one, is refused with a clear
 * message instead of reaching DynamoDB and failing there (a 500 for the caller).
 */
final class ListCursor {

    private ListCursor() {
    }

    static String encode(Map<String, AttributeValue> key) {
        if (key == null) {
            return null;
        }
        StringBuilder out = new StringBuilder();
        key.forEach((name, value) -> out.append(name).append('\u0000').append(value.s()).append('\u0000'));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The start key a cursor stands for, or null for none; {@code partitionKey} and {@code sortKey}
     * are the index's keys and {@code partition} the listing's partition.
     *
     * @throws IllegalArgumentException when the cursor is not one this listing gave out
     */
    static Map<String, AttributeValue> decode(String cursor, String partitionKey, String sortKey,
                                              AttributeValue partition) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        String[] parts;
        try {
            parts = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.UTF_8).split("\u0000", -1);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cursor is not one this API gave out");
        }
        Map<String, AttributeValue> key = new LinkedHashMap<>();
        for (int i = 0; i + 1 < parts.length; i += 2) {
            key.put(parts[i], AttributeValue.fromS(parts[i + 1]));
        }
        if (!key.containsKey(QmarkTable.PK) || !key.containsKey(QmarkTable.SK)) {
            throw new IllegalArgumentException("cursor is not one this API gave out");
        }
        if (!key.keySet().equals(Set.of(QmarkTable.PK, QmarkTable.SK, partitionKey, sortKey))
                || !partition.equals(key.get(partitionKey))) {
            // a cursor from another listing (or made up) would reach DynamoDB and fail there
            throw new IllegalArgumentException("cursor does not belong to this listing; start again without it");
        }
        return key;
    }
}
