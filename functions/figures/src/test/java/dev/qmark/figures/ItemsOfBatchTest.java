package dev.qmark.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The figures read an item once a stream batch, and only a routed one is kept for the rest of it. */
class ItemsOfBatchTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:05:00Z");
    private static final Feedback ROUTED = feedback("routed0000000001",
            new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), T0.plusSeconds(14400), T0));
    private static final Feedback UNROUTED = feedback("unrouted00000001", null);

    private final List<String> reads = new ArrayList<>();
    private final ItemsOfBatch items = new ItemsOfBatch(id -> {
        reads.add(id);
        return Optional.ofNullable(Map.of(ROUTED.id(), ROUTED, UNROUTED.id(), UNROUTED).get(id));
    });

    @Test
    void aRoutedItemIsReadOnceABatchAndAgainInTheNext() {
        assertEquals(Optional.of(ROUTED), items.apply(ROUTED.id()));
        assertEquals(Optional.of(ROUTED), items.apply(ROUTED.id()));
        assertEquals(List.of(ROUTED.id()), reads);
        items.newBatch();
        assertEquals(Optional.of(ROUTED), items.apply(ROUTED.id()));
        assertEquals(List.of(ROUTED.id(), ROUTED.id()), reads);
    }

    @Test
    void anItemWithoutItsRouteOrNoneAtAllIsReadEachTime() {
        assertEquals(Optional.of(UNROUTED), items.apply(UNROUTED.id()));
        assertEquals(Optional.of(UNROUTED), items.apply(UNROUTED.id()));
        assertTrue(items.apply("missing000000001").isEmpty());
        assertTrue(items.apply("missing000000001").isEmpty());
        assertEquals(4, reads.size());
    }

    @Test
    void anItemForAChangeThatKnowsItsRouteIsReadWithoutWaitingForIt() {
        List<String> stored = new ArrayList<>();
        ItemsOfBatch both = new ItemsOfBatch(id -> {
            reads.add(id);
            return Optional.of(ROUTED);
        }, id -> {
            stored.add(id);
            return Optional.of(UNROUTED);
        });
        assertEquals(Optional.of(UNROUTED), both.routeKnown().apply(UNROUTED.id()));
        assertEquals(List.of(UNROUTED.id()), stored);
        assertEquals(List.of(), reads, "not the read that insists on a route");
        // a routed item read either way is kept for the batch
        assertEquals(Optional.of(ROUTED), both.apply(ROUTED.id()));
        assertEquals(Optional.of(ROUTED), both.routeKnown().apply(ROUTED.id()));
        assertEquals(List.of(ROUTED.id()), reads);
    }

    private static Feedback feedback(String id, RouteDecision route) {
        return new Feedback(id, Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"), "My delivery is late",
                "It has not come.", null, T0, route == null ? FeedbackStatus.RECEIVED : FeedbackStatus.ROUTED, route);
    }
}
