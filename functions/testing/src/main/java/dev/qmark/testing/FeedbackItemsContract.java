package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.FeedbackRepository.Stored;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The feedback item's own conditional writes, in memory and on DynamoDB alike: a submission stored
 * once while its key lives, a route recorded once, a customer's mail added once.
 */
public abstract class FeedbackItemsContract {

    private static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");

    protected abstract FeedbackRepository repository();

    private static Feedback feedback(Instant at) {
        return new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late",
                "Where is it?", 2, at, FeedbackStatus.RECEIVED, null);
    }

    private static TimelineEvent event(String type) {
        return new TimelineEvent(T0, type, type);
    }

    @Test
    void aSubmissionIsStoredOnceWhileItsKeyLives() {
        FeedbackRepository repository = repository();
        String key = UUID.randomUUID().toString();
        Feedback first = feedback(T0);
        assertEquals(new Stored(first.id(), true, true), repository.storeNew(first, key, "fp-1", T0.plusSeconds(600), event("received")));
        Feedback retry = feedback(T0.plusSeconds(60));
        assertEquals(new Stored(first.id(), false, true), repository.storeNew(retry, key, "fp-1", T0.plusSeconds(660), event("received")));
        assertEquals(new Stored(first.id(), false, false), repository.storeNew(feedback(T0.plusSeconds(61)), key, "fp-2",
                T0.plusSeconds(661), event("received")));
        assertFalse(repository.find(retry.id()).isPresent());
    }

    @Test
    void anExpiredKeyStoresNewFeedback() {
        FeedbackRepository repository = repository();
        String key = UUID.randomUUID().toString();
        repository.storeNew(feedback(T0), key, "fp-1", T0.plusSeconds(600), event("received"));
        // at the key's last second it still holds; a second later it is free
        assertFalse(repository.storeNew(feedback(T0.plusSeconds(600)), key, "fp-1", T0.plusSeconds(1200), event("received")).created());
        assertTrue(repository.storeNew(feedback(T0.plusSeconds(601)), key, "fp-1", T0.plusSeconds(1201), event("received")).created());
    }

    @Test
    void aRouteIsRecordedOnceAndKept() {
        FeedbackRepository repository = repository();
        Feedback f = feedback(T0);
        repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), event("received"));
        RouteDecision first = new RouteDecision("rest", "ops", Duration.ofHours(24), T0.plus(Duration.ofHours(24)), T0);
        RouteDecision second = new RouteDecision("rest", "delivery", Duration.ofHours(4), T0.plus(Duration.ofHours(4)), T0);
        assertTrue(repository.recordRoute(f.id(), first, event("routed")));
        assertFalse(repository.recordRoute(f.id(), second, event("routed")));
        Feedback routed = repository.find(f.id()).orElseThrow();
        assertEquals(FeedbackStatus.ROUTED, routed.status());
        assertEquals("ops", routed.route().owner());
    }

    @Test
    void aCustomersMailIsAddedOnce() {
        FeedbackRepository repository = repository();
        Feedback f = feedback(T0);
        repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), event("received"));
        assertTrue(repository.addCustomerMail(f.id(), "ses-1", event("customer wrote")));
        assertFalse(repository.addCustomerMail(f.id(), "ses-1", event("customer wrote")));
        assertEquals(2, repository.findRecord(f.id()).orElseThrow().timeline().size());
    }
}
