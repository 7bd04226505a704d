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
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The feedback item's own conditional writes, in memory and on DynamoDB alike: a submission stored
 * once while its key lives, a route recorded once, a customer's mail added once; the staff
 * listing newest first, filtered and paged.
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
    void aKeyWhoseItemACrashKeptFromBeingStoredStoresItOnTheRetry() {
        FeedbackRepository repository = repository();
        String key = UUID.randomUUID().toString();
        Feedback crashed = feedback(T0);
        // the first attempt claimed the key and died before its put
        assertTrue(repository.claimSubmission(key, crashed.id(), "fp-1", T0.plusSeconds(600), T0).fresh());
        assertTrue(repository.find(crashed.id()).isEmpty());
        Stored retry = repository.storeNew(feedback(T0.plusSeconds(30)), key, "fp-1", T0.plusSeconds(630), event("received"));
        assertEquals(new Stored(crashed.id(), true, true), retry, "the retry stores the item the key names");
        assertEquals(T0.plusSeconds(30), repository.find(crashed.id()).orElseThrow().receivedAt());
        assertFalse(repository.storeNew(feedback(T0.plusSeconds(40)), key, "fp-1", T0.plusSeconds(640), event("received"))
                .created(), "then it is a duplicate");
    }

    @Test
    void aNewItemIsPutOnceWithItsEventsAndItsAcknowledgementMark() {
        FeedbackRepository repository = repository();
        Feedback f = feedback(T0);
        assertTrue(repository.putNew(f, List.of(event("received"), new TimelineEvent(T0.plusMillis(1), "not-acknowledged",
                "limit")), "ko"));
        assertFalse(repository.putNew(f, List.of(event("received")), null), "a second put changes nothing");
        assertEquals(new FeedbackRepository.Queued(f, "ko"), repository.findQueued(f.id()).orElseThrow());
        assertEquals(List.of("received", "not-acknowledged"),
                repository.findRecord(f.id()).orElseThrow().timeline().stream().map(TimelineEvent::type).toList());
        Feedback unmarked = feedback(T0);
        repository.putNew(unmarked, List.of(event("received")), null);
        assertEquals(null, repository.findQueued(unmarked.id()).orElseThrow().acknowledgeIn());
        assertTrue(repository.findQueued(FeedbackIds.newId()).isEmpty());
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
    void anItemStoredWithItsRouteIsReadWithItAndStaysReceived() {
        // a forward to an owner ("? @alias"): the route is decided before the item is stored, and stored with it
        FeedbackRepository repository = repository();
        RouteDecision chosen = new RouteDecision("? @delivery", "delivery", Duration.ofHours(4), T0.plus(Duration.ofHours(4)), T0);
        Feedback f = feedback(T0).withRoute(chosen);
        assertTrue(repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600),
                List.of(event("received"), new TimelineEvent(T0.plusMillis(1), "routed", "sent to delivery"))).created());
        Feedback stored = repository.find(f.id()).orElseThrow();
        assertEquals(FeedbackStatus.RECEIVED, stored.status(), "not asked yet");
        assertEquals(chosen, stored.route());
        assertEquals(chosen, repository.findRecordToAsk(f.id()).orElseThrow().feedback().route());
        assertEquals(List.of("received", "routed"),
                repository.findRecord(f.id()).orElseThrow().timeline().stream().map(TimelineEvent::type).toList());
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

    /** Three items of one customer of this case's own (the table may be shared), a minute apart; oldest first. */
    private static java.util.List<String> threeOf(FeedbackRepository repository, String email) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int n = 0; n < 3; n++) {
            Feedback f = new Feedback(FeedbackIds.newId(), Channel.WEB, new Customer("Minsu", email), "Late", "Where is it?",
                    2, T0.plusSeconds(60L * n), FeedbackStatus.RECEIVED, null);
            repository.storeNew(f, UUID.randomUUID().toString(), "fp", T0.plusSeconds(600), event("received"));
            ids.add(f.id());
        }
        return ids;
    }

    private static java.util.List<String> ids(java.util.List<Feedback> items) {
        return items.stream().map(Feedback::id).toList();
    }

    @Test
    void theListingIsNewestFirstAndFiltered() {
        FeedbackRepository repository = repository();
        String email = "list-" + UUID.randomUUID() + "@example.com";
        java.util.List<String> ids = threeOf(repository, email);
        repository.recordRoute(ids.get(1), new RouteDecision("r", "ops", Duration.ofHours(1), T0, T0), event("routed"));
        assertEquals(java.util.List.of(ids.get(2), ids.get(1), ids.get(0)),
                ids(repository.list(null, email, 10, null).items()));
        assertEquals(java.util.List.of(ids.get(1)), ids(repository.list(FeedbackStatus.ROUTED, email, 10, null).items()));
        assertEquals(java.util.List.of(ids.get(2), ids.get(0)),
                ids(repository.list(FeedbackStatus.RECEIVED, email, 10, null).items()));
        assertEquals(java.util.List.of(ids.get(2), ids.get(1)), ids(repository.byCustomer(email, 2)));
    }

    @Test
    void theListingPagesWithItsCursor() {
        FeedbackRepository repository = repository();
        String email = "pages-" + UUID.randomUUID() + "@example.com";
        java.util.List<String> ids = threeOf(repository, email);
        FeedbackRepository.Page first = repository.list(null, email, 2, null);
        assertEquals(java.util.List.of(ids.get(2), ids.get(1)), ids(first.items()));
        assertTrue(first.cursor() != null, "a full page says where to go on");
        FeedbackRepository.Page second = repository.list(null, email, 2, first.cursor());
        assertEquals(java.util.List.of(ids.get(0)), ids(second.items()));
        assertEquals(null, second.cursor(), "the last page says so");
    }
}
