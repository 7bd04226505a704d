package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.routing.Router;
import dev.qmark.core.routing.RoutingService;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Routing on the in-memory repository: one decision stands, however often the message is delivered. */
class RoutingServiceTest {

    static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: web-late, match: { keywords: [late], channels: [web] }, owner: delivery, answerWithin: PT4H }
              - { name: rest, owner: ops, answerWithin: PT24H }
            """, "test");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingQueue escalations = new RecordingQueue();
    private final RoutingService routing = new RoutingService(repository, escalations, new Router(CONFIG), clock);

    private String stored(String message) {
        return new FeedbackIntake(repository, id -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
                .submit(new Submission("Minsu", "minsu@example.com", "Order", message, 3, null), Channel.WEB).feedbackId();
    }

    @Test
    void aRouteIsDecidedRecordedAndHandedToTheEscalator() {
        String id = stored("The parcel is late");
        RouteDecision decision = routing.route(id);
        assertEquals("delivery", decision.owner());
        assertEquals(FeedbackStatus.ROUTED, repository.find(id).orElseThrow().status());
        assertEquals(new EscalationRequest(id, 1, "delivery", decision.dueAt()), escalations.messages().get(0));
    }

    @Test
    void aRedeliveryKeepsTheFirstDecision() {
        String id = stored("The parcel is late");
        RouteDecision first = routing.route(id);
        clock.advance(Duration.ofHours(1));
        RouteDecision again = routing.route(id);
        assertEquals(first, again);
        // the escalator is asked again (its claim makes that harmless), the route written once
        assertEquals(2, escalations.messages().size());
        assertEquals(2, repository.findRecord(id).orElseThrow().timeline().size());
    }

    @Test
    void anItemReadBeforeItWasRoutedKeepsTheRecordedDecision() {
        String id = stored("The parcel is late");
        // the router's read may be a moment old (eventually consistent): it shows no route yet
        Feedback stale = repository.find(id).orElseThrow();
        RouteDecision first = routing.route(id);
        clock.advance(Duration.ofHours(1));
        assertEquals(first, routing.route(stale), "the recorded decision stands, not a new one");
        assertEquals(2, repository.findRecord(id).orElseThrow().timeline().size(), "routed once");
    }

    @Test
    void aRouteIsRecordedOnlyFromReceived() {
        String id = stored("The parcel is late");
        RouteDecision decision = routing.route(id);
        assertFalse(repository.recordRoute(id, decision, new TimelineEvent(clock.instant(), "routed", "again")));
    }
}
