package dev.qmark.aws.dynamodb;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A small builder and reader for DynamoDB items, so mapping code reads as field lists. */
final class Item {

    private final Map<String, AttributeValue> values;

    private Item(Map<String, AttributeValue> values) {
        this.values = values;
    }

    static Item create() {
        return new Item(new LinkedHashMap<>());
    }

    static Item of(Map<String, AttributeValue> values) {
        return new Item(values);
    }

    /** Sets a text attribute; null leaves it out (DynamoDB has no use for empty attributes). */
    Item s(String name, String value) {
        if (value != null) {
            values.put(name, AttributeValue.fromS(value));
        }
        return this;
    }

    Item n(String name, Number value) {
        if (value != null) {
            values.put(name, AttributeValue.fromN(value.toString()));
        }
        return this;
    }

    Item time(String name, Instant value) {
        return s(name, value == null ? null : StoredTime.format(value));
    }

    /** A list of instants, as a list of stored times (an empty list is left out). */
    Item times(String name, java.util.List<Instant> value) {
        if (value != null && !value.isEmpty()) {
            values.put(name, AttributeValue.fromL(value.stream().map(t -> AttributeValue.fromS(StoredTime.format(t))).toList()));
        }
        return this;
    }

    Item attachments(String name, java.util.List<dev.qmark.core.feedback.Feedback.Attachment> value) {
        if (value != null && !value.isEmpty()) {
            values.put(name, AttributeValue.fromL(value.stream().map(a -> AttributeValue.fromM(Item.create()
                    .s("fileName", a.fileName()).s("contentType", a.contentType()).n("size", a.size()).build())).toList()));
        }
        return this;
    }

    java.util.List<dev.qmark.core.feedback.Feedback.Attachment> attachments(String name) {
        AttributeValue value = values.get(name);
        return value == null || !value.hasL() ? java.util.List.of() : value.l().stream().map(v -> {
            Item a = Item.of(v.m());
            return new dev.qmark.core.feedback.Feedback.Attachment(a.s("fileName"), a.s("contentType"),
                    Long.parseLong(v.m().get("size").n()));
        }).toList();
    }

    Map<String, AttributeValue> build() {
        return values;
    }

    String s(String name) {
        AttributeValue value = values.get(name);
        return value == null ? null : value.s();
    }

    Integer integer(String name) {
        AttributeValue value = values.get(name);
        return value == null || value.n() == null ? null : Integer.valueOf(value.n());
    }

    Instant time(String name) {
        return StoredTime.parse(s(name));
    }

    java.util.List<Instant> times(String name) {
        AttributeValue value = values.get(name);
        return value == null || !value.hasL() ? java.util.List.of()
                : value.l().stream().map(v -> StoredTime.parse(v.s())).toList();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        return Map.of(QmarkTable.PK, AttributeValue.fromS(pk), QmarkTable.SK, AttributeValue.fromS(sk));
    }
}
