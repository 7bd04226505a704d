package dev.qmark.aws.dynamodb;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Where a sweep stopped reading the deadline index: the last evaluated key (shard, next check,
 * pk, sk; all strings), opaque to the sweeper. Only the sweeper passes it, within one sweep.
 */
final class DueCursor {

    private static final String[] KEYS = {"deadlineShard", "nextCheckAt", QmarkTable.PK, QmarkTable.SK};

    private DueCursor() {
    }

    static String encode(Map<String, AttributeValue> key) {
        StringBuilder out = new StringBuilder();
        for (String name : KEYS) {
            AttributeValue value = key.get(name);
            out.append(value == null ? "" : value.s()).append('\u0000');
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    static Map<String, AttributeValue> decode(String cursor) {
        if (cursor == null) {
            return null;
        }
        String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", -1);
        if (parts.length < KEYS.length) {
            throw new IllegalArgumentException("not a cursor of the deadline index");
        }
        return Map.of(KEYS[0], AttributeValue.fromS(parts[0]), KEYS[1], AttributeValue.fromS(parts[1]),
                KEYS[2], AttributeValue.fromS(parts[2]), KEYS[3], AttributeValue.fromS(parts[3]));
    }
}
