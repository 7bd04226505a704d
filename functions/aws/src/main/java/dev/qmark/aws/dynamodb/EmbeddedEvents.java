package dev.qmark.aws.dynamodb;

import dev.qmark.core.feedback.TimelineEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * A timeline event rides on the item whose change it tells of, as an attribute named like the
 * event's own sort key ({@code EVT#{at}#{type}}, its detail as a string; older items: a map of
 * {@code at}, {@code kind}, {@code detail}),
 * instead of being an item of its own in the same transaction. Written by the same conditional
 * write as the change, it is still there exactly when the change is, and a change of one item is
 * then one plain conditional write: no transaction, which DynamoDB bills twice, and one item fewer.
 * {@code findRecord} reads both forms (events of their own remain for what changes no item, and for
 * old items).
 *
 * <p>Only a small event rides along ({@link #MAX_EMBEDDED_BYTES}): an item keeps
 * {@code ITEM_HEADROOM_BYTES} for everything but its one long text, and an escalation collects a
 * handful of events (asked, reminders, late, answered, the founder told). A bigger one (a detail
 * can reach 40 KiB) stays an item of its own in the transaction.
 */
final class EmbeddedEvents {

    /** An event at most this big (its attribute name and values in UTF-8) rides on the changed item. */
    static final int MAX_EMBEDDED_BYTES = 1024;
    static final String PREFIX = "EVT#";

    private static final Pattern SET_CLAUSE = Pattern.compile("(?i)(^|\\s)SET\\s");

    private EmbeddedEvents() {
    }

    /**
     * The transaction with each small event put folded into another item it writes under the same
     * {@code pk} (an update or a put); events with no such item, or too big, stay as they are.
     */
    static List<TransactWriteItem> fold(List<TransactWriteItem> items) {
        List<TransactWriteItem> out = new ArrayList<>(items);
        int n = 0;
        for (TransactWriteItem item : items) {
            Map<String, AttributeValue> event = eventPut(item);
            if (event == null || size(event) > MAX_EMBEDDED_BYTES) {
                continue;
            }
            String pk = event.get(QmarkTable.PK).s();
            for (int i = 0; i < out.size(); i++) {
                TransactWriteItem carrier = out.get(i);
                if (carrier == item || eventPut(carrier) != null || !pk.equals(pkOf(carrier))) {
                    continue;
                }
                out.set(i, carry(carrier, event.get(QmarkTable.SK).s(), attribute(event), n++));
                out.remove(item);
                break;
            }
        }
        return out;
    }

    /** Events riding on a stored item, in no particular order. */
    static List<TimelineEvent> of(Map<String, AttributeValue> item) {
        List<TimelineEvent> events = new ArrayList<>();
        item.forEach((name, value) -> {
            if (name.startsWith(PREFIX) && value.hasM()) {
                events.add(FeedbackItems.event(value.m()));  // written before events were kept as their detail
            } else if (name.startsWith(PREFIX) && value.s() != null) {
                String[] atAndType = name.substring(PREFIX.length()).split("#", 2);
                events.add(new TimelineEvent(StoredTime.parse(atAndType[0]), atAndType[1], value.s()));
            }
        });
        return events;
    }

    private static TransactWriteItem carry(TransactWriteItem carrier, String name, AttributeValue event, int n) {
        if (carrier.put() != null) {
            Map<String, AttributeValue> item = new HashMap<>(carrier.put().item());
            item.put(name, event);
            return TransactWriteItem.builder().put(carrier.put().toBuilder().item(item).build()).build();
        }
        Update update = carrier.update();
        String nameRef = "#qmarkEvent" + n;
        String valueRef = ":qmarkEvent" + n;
        String expression = update.updateExpression();
        Matcher set = SET_CLAUSE.matcher(expression);
        expression = set.find()
                ? expression.substring(0, set.end()) + nameRef + " = " + valueRef + ", " + expression.substring(set.end())
                : "SET " + nameRef + " = " + valueRef + " " + expression;
        Map<String, String> names = new HashMap<>(update.hasExpressionAttributeNames() ? update.expressionAttributeNames() : Map.of());
        names.put(nameRef, name);
        Map<String, AttributeValue> values = new HashMap<>(
                update.hasExpressionAttributeValues() ? update.expressionAttributeValues() : Map.of());
        values.put(valueRef, event);
        return TransactWriteItem.builder().update(update.toBuilder().updateExpression(expression)
                .expressionAttributeNames(names).expressionAttributeValues(values).build()).build();
    }

    /** The event item a transaction puts (see {@link TableWrites#putEvent}); null for anything else. */
    private static Map<String, AttributeValue> eventPut(TransactWriteItem item) {
        Put put = item.put();
        if (put == null || put.conditionExpression() != null) {
            return null;
        }
        AttributeValue sk = put.item().get(QmarkTable.SK);
        AttributeValue type = put.item().get("type");
        return sk != null && sk.s() != null && sk.s().startsWith(PREFIX) && type != null && "event".equals(type.s())
                ? put.item() : null;
    }

    private static String pkOf(TransactWriteItem item) {
        Map<String, AttributeValue> key = item.put() != null ? item.put().item()
                : item.update() != null ? item.update().key() : null;
        AttributeValue pk = key == null ? null : key.get(QmarkTable.PK);
        return pk == null ? null : pk.s();
    }

    /**
     * The event as its detail alone: its name says when and what ({@code EVT#{at}#{type}}). Some 50
     * bytes fewer per event than a map repeating them, which keeps an escalation that collected a
     * handful of events under the 1 KB a write unit covers for longer. One without a detail keeps the map.
     */
    private static AttributeValue attribute(Map<String, AttributeValue> event) {
        AttributeValue detail = event.get("detail");
        if (detail != null && detail.s() != null) {
            return detail;
        }
        Map<String, AttributeValue> values = new HashMap<>(event);
        values.remove(QmarkTable.PK);
        values.remove(QmarkTable.SK);
        values.remove("type");
        return AttributeValue.fromM(values);
    }

    private static int size(Map<String, AttributeValue> event) {
        int bytes = 0;
        for (Map.Entry<String, AttributeValue> e : event.entrySet()) {
            bytes += e.getKey().getBytes(StandardCharsets.UTF_8).length;
            String s = e.getValue().s();
            bytes += s == null ? 8 : s.getBytes(StandardCharsets.UTF_8).length;
        }
        return bytes;
    }
}
