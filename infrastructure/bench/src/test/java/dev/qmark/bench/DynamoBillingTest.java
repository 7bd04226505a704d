package dev.qmark.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** DynamoDB's billing rules, worked by hand on small items. */
class DynamoBillingTest {

    private static final Set<String> KEYS = Set.of("pk", "sk");
    private static final DynamoBilling.Index ALL = new DynamoBilling.Index("byTime", "listPk", "listSk", "ALL", Set.of());
    private static final DynamoBilling.Index KEYS_ONLY =
            new DynamoBilling.Index("byTime", "listPk", "listSk", "KEYS_ONLY", Set.of());
    private static final DynamoBilling.Index SPARSE =
            new DynamoBilling.Index("byDeadline", "deadlineShard", "nextCheckAt", "ALL", Set.of());

    @Test
    void sizesCountNamesAndValuesInUtf8() {
        // "pk"(2) + "FB#1"(4) + "sk"(2) + "ITEM"(4) + "rating"(6) + 2 → 1 digit: 2 bytes, "ok"(2) + true(1), "한"(3 bytes)
        Map<String, AttributeValue> item = Map.of("pk", s("FB#1"), "sk", s("ITEM"), "rating", AttributeValue.fromN("2"),
                "ok", AttributeValue.fromBool(true), "n", s("한"));
        assertEquals(2 + 4 + 2 + 4 + 6 + 2 + 2 + 1 + 1 + 3, DynamoBilling.size(item));
    }

    @Test
    void aWriteCostsAUnitPerStartedKilobyteTwiceInATransaction() {
        Map<String, AttributeValue> big = Map.of("pk", s("FB#1"), "sk", s("ITEM"), "text", s("x".repeat(1100)));
        assertEquals(2, DynamoBilling.write(null, big, false, List.of(), KEYS).write());
        assertEquals(4, DynamoBilling.write(null, big, true, List.of(), KEYS).write());
    }

    @Test
    void anIndexIsBilledForTheChangeToWhatItStores() {
        Map<String, AttributeValue> before = Map.of("pk", s("FB#1"), "sk", s("ITEM"), "listPk", s("FEEDBACK"),
                "listSk", s("t1"), "status", s("received"));
        Map<String, AttributeValue> after = Map.of("pk", s("FB#1"), "sk", s("ITEM"), "listPk", s("FEEDBACK"),
                "listSk", s("t1"), "status", s("routed"));
        assertEquals(Map.of("byTime", 1.0), DynamoBilling.write(before, after, false, List.of(ALL), KEYS).indexWrites());
        assertEquals(Map.of(), DynamoBilling.write(before, after, false, List.of(KEYS_ONLY), KEYS).indexWrites());
        assertEquals(Map.of(), DynamoBilling.write(before, after, false, List.of(SPARSE), KEYS).indexWrites());
        Map<String, AttributeValue> due = Map.of("pk", s("FB#1"), "sk", s("ESC#001"), "deadlineShard", s("OPEN"),
                "nextCheckAt", s("t2"));
        Map<String, AttributeValue> later = Map.of("pk", s("FB#1"), "sk", s("ESC#001"), "deadlineShard", s("OPEN"),
                "nextCheckAt", s("t3"));
        // a key that moves is a delete and a put
        assertEquals(Map.of("byDeadline", 2.0), DynamoBilling.write(due, later, false, List.of(SPARSE), KEYS).indexWrites());
    }

    @Test
    void readsRoundTheSumOfWhatWasReadOnce() {
        Map<String, AttributeValue> item = Map.of("pk", s("FB#1"), "text", s("x".repeat(3000)));
        assertEquals(1, DynamoBilling.read(List.of(item), true, false));
        assertEquals(1, DynamoBilling.read(List.of(item, item), false, false));  // 6 KB eventually consistent
        assertEquals(0.5, DynamoBilling.read(List.of(), false, false));          // nothing read still costs
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }
}
