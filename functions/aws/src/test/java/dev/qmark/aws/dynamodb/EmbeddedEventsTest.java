package dev.qmark.aws.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.qmark.core.feedback.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/** A change's small event rides on the changed item; a big one, or one with nothing to ride on, stays an item. */
class EmbeddedEventsTest {

    private static final TableWrites WRITES = new TableWrites(null, "t");
    private static final Instant AT = Instant.parse("2026-12-06T04:00:00Z");

    @Test
    void aSmallEventRidesOnTheUpdateOfItsItem() {
        List<TransactWriteItem> folded = EmbeddedEvents.fold(List.of(update("SET #status = :s REMOVE x"),
                WRITES.putEvent("f1", new TimelineEvent(AT, "routed", "to Dana"))));
        assertEquals(1, folded.size());
        Update u = folded.get(0).update();
        assertEquals("SET #qmarkEvent0 = :qmarkEvent0, #status = :s REMOVE x", u.updateExpression());
        assertEquals("EVT#2026-12-06T04:00:00.000Z#routed", u.expressionAttributeNames().get("#qmarkEvent0"));
        Map<String, AttributeValue> item = Map.of("pk", AttributeValue.fromS("FB#f1"),
                u.expressionAttributeNames().get("#qmarkEvent0"), u.expressionAttributeValues().get(":qmarkEvent0"));
        assertEquals(List.of(new TimelineEvent(AT, "routed", "to Dana")), EmbeddedEvents.of(item));
    }

    @Test
    void anEventRidesAsItsDetailAloneAndAnOlderMapStillReads() {
        List<TransactWriteItem> folded = EmbeddedEvents.fold(List.of(update("SET a = :a"),
                WRITES.putEvent("f1", new TimelineEvent(AT, "told-late", "Dana told the deadline passed"))));
        assertEquals(AttributeValue.fromS("Dana told the deadline passed"),
                folded.get(0).update().expressionAttributeValues().get(":qmarkEvent0"));
        Map<String, AttributeValue> older = Map.of("EVT#2026-12-06T04:00:00.000Z#late", AttributeValue.fromM(Map.of(
                "at", AttributeValue.fromS("2026-12-06T04:00:00.000Z"), "kind", AttributeValue.fromS("late"),
                "detail", AttributeValue.fromS("not answered"))));
        assertEquals(List.of(new TimelineEvent(AT, "late", "not answered")), EmbeddedEvents.of(older));
    }

    @Test
    void anUpdateWithoutSetGetsOne() {
        List<TransactWriteItem> folded = EmbeddedEvents.fold(List.of(update("REMOVE deadlineShard"),
                WRITES.putEvent("f1", new TimelineEvent(AT, "x", "y"))));
        assertEquals("SET #qmarkEvent0 = :qmarkEvent0 REMOVE deadlineShard", folded.get(0).update().updateExpression());
    }

    @Test
    void aBigEventOrOneOfAnotherItemStaysAnItemOfItsOwn() {
        List<TransactWriteItem> big = EmbeddedEvents.fold(List.of(update("SET a = :a"),
                WRITES.putEvent("f1", new TimelineEvent(AT, "answered", "x".repeat(2000)))));
        assertEquals(2, big.size());
        List<TransactWriteItem> other = EmbeddedEvents.fold(List.of(update("SET a = :a"),
                WRITES.putEvent("f2", new TimelineEvent(AT, "x", "y"))));
        assertEquals(2, other.size());
        assertEquals(false, other.get(0).update().hasExpressionAttributeNames());
        assertNotNull(other.get(1).put());
    }

    private static TransactWriteItem update(String expression) {
        return TransactWriteItem.builder().update(Update.builder().tableName("t")
                .key(Item.key("FB#f1", "ITEM")).updateExpression(expression).build()).build();
    }
}
