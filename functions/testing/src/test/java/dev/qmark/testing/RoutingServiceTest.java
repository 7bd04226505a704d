package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;

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
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Routing on the in-memory repository: the router decides and writes nothing, the escalator records the route with the
 * item's ASKED; one decision stands, however often the message is delivered and whatever changed in between.
 */
class RoutingServiceTest {

    private static final String RULES = """
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: web-late, match: { keywords: [late], channels: [web] }, owner: delivery, answerWithin: PT4H }
              - { name: rest, owner: ops, answerWithin: PT24H }
            """;
    static final QmarkConfig CONFIG = ConfigLoader.parse(RULES, "test");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingQueue escalations = new RecordingQueue();
    private final RoutingService routing = new RoutingService(repository, escalations, new Router(CONFIG), clock);

    private String stored(String message) {
        return new FeedbackIntake(repository, id -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
                .submit(new Submission("Minsu", "minsu@example.com", "Order", message, 3, null), Channel.WEB).feedbackId();
    }

    /** The same rules with late deliveries owned by ops: the configuration changed between two deliveries. */
    static final QmarkConfig CHANGED = ConfigLoader.parse(rulesWith("owner: delivery, answerWithin: PT4H",
            "owner: ops, answerWithin: PT2H"), "test");

    /** The rules with one piece changed; refuses when the piece is gone, so a test cannot run on unchanged rules. */
    private static String rulesWith(String piece, String changed) {
        if (!RULES.contains(piece)) {
            throw new IllegalStateException("the rules no longer say " + piece);
        }
        return RULES.replace(piece, changed);
    }

    private final RecordingMailSender mail = new RecordingMailSender();

    private Escalator escalator(QmarkConfig config) {
        return new Escalator(config, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail,
                new ReplyTokens("test-reply-token-secret-0123456789"), repository.sentMailTexts(), null, Metrics.NONE, clock);
    }

    private long routedEvents(String id) {
        return repository.findRecord(id).orElseThrow().timeline().stream().filter(e -> e.type().equals("routed")).count();
    }

    @Test
    void aRouteIsDecidedAndHandedToTheEscalatorWithoutAWrite() {
        String id = stored("The parcel is late");
        RouteDecision decision = routing.route(id);
        assertEquals("delivery", decision.owner());
        // the router writes nothing: the item waits, on the recovery's list, for the escalator's ASKED
        Feedback item = repository.find(id).orElseThrow();
        assertEquals(FeedbackStatus.RECEIVED, item.status());
        assertNull(item.route());
        assertEquals(EscalationRequest.firstAsk(id, "delivery", decision), escalations.messages().get(0));
        assertEquals(decision, ((EscalationRequest) escalations.messages().get(0)).decision());
    }

    @Test
    void theEscalatorRecordsTheRouteWithTheAsk() {
        String id = stored("The parcel is late");
        RouteDecision decision = routing.route(id);
        assertEquals(Escalator.Outcome.ASKED, escalator(CONFIG).ask((EscalationRequest) escalations.messages().get(0)));
        Feedback item = repository.find(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, item.status(), "RECEIVED to ASKED: no ROUTED in between");
        assertEquals(decision, item.route());
        assertEquals(1, routedEvents(id));
        assertEquals(List.of(), repository.unfinishedFeedback().due(clock.instant().plus(Duration.ofDays(1)), 10));
    }

    @Test
    void aFeedbackMessageDeliveredTwiceWithAConfigChangeBetweenAsksOnceWithTheFirstDecision() {
        String id = stored("The parcel is late");
        RouteDecision first = routing.route(id);
        clock.advance(Duration.ofMinutes(1));
        // redelivered (the router died after its enqueue, before the message's delete) under a new configuration
        RouteDecision second = new RoutingService(repository, escalations, new Router(CHANGED), clock).route(id);
        assertEquals("ops", second.owner());
        assertEquals(2, escalations.messages().size());

        assertEquals(Escalator.Outcome.ASKED, escalator(CONFIG).ask((EscalationRequest) escalations.messages().get(0)));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator(CHANGED).ask((EscalationRequest) escalations.messages().get(1)));
        assertEquals(1, mail.sent().size());
        assertEquals(List.of("dana@example.com"), mail.sent().get(0).to());
        assertEquals(first, repository.find(id).orElseThrow().route(), "the first ASKED write's route stands");
        assertEquals(1, routedEvents(id));
    }

    @Test
    void aRedeliveryAfterTheAskEnqueuesTheItemsOwnRoute() {
        String id = stored("The parcel is late");
        RouteDecision first = routing.route(id);
        escalator(CONFIG).ask((EscalationRequest) escalations.messages().get(0));
        clock.advance(Duration.ofHours(1));
        assertEquals(first, new RoutingService(repository, escalations, new Router(CHANGED), clock).route(id));
        EscalationRequest again = (EscalationRequest) escalations.messages().get(1);
        assertNull(again.decision(), "the item has its route: nothing to carry");
        assertEquals("delivery", again.owner());
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator(CHANGED).ask(again));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void anItemReadBeforeItWasAskedGetsTheRouteRecordedFirst() {
        String id = stored("The parcel is late");
        // the router's read may be a moment old (eventually consistent): it shows no route though one was recorded
        Feedback stale = repository.find(id).orElseThrow();
        RouteDecision first = routing.route(id);
        escalator(CONFIG).ask((EscalationRequest) escalations.messages().get(0));
        clock.advance(Duration.ofHours(1));
        routing.route(stale);
        // the late request's route is refused by the ASKED write's condition (here: the "?" is out, nothing to write)
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator(CONFIG).ask((EscalationRequest) escalations.messages().get(1)));
        assertEquals(first, repository.find(id).orElseThrow().route(), "the recorded decision stands, not a new one");
        assertEquals(1, routedEvents(id));
    }

    @Test
    void aTriageRouteAsksTheFounderFirstAndRecordsTheOwnersRoute() {
        QmarkConfig triage = ConfigLoader.parse(rulesWith("answerWithin: PT4H }", "answerWithin: PT4H, triage: founder }"), "test");
        String id = stored("The parcel is late");
        RouteDecision decision = new RoutingService(repository, escalations, new Router(triage), clock).route(id);
        EscalationRequest request = (EscalationRequest) escalations.messages().get(0);
        assertEquals("founder", request.owner(), "the founder triages first");
        assertEquals("delivery", decision.owner());
        assertEquals(Escalator.Outcome.ASKED, escalator(triage).ask(request));
        assertEquals(List.of("jeff@example.com"), mail.sent().get(0).to());
        Feedback asked = repository.find(id).orElseThrow();
        assertEquals(FeedbackStatus.ASKED, asked.status());
        assertEquals("delivery", asked.route().owner(), "the route's owner, whom the founder hands it on to");
        assertTrue(repository.findRecord(id).orElseThrow().timeline().stream()
                .anyMatch(e -> e.type().equals("routed") && e.detail().contains("founder triages first")));
    }

    @Test
    void anItemRoutedBeforeTheChangeIsAskedAsRouted() {
        // a stack deployed over old data: the router of then recorded the route (ROUTED)
        String id = stored("The parcel is late");
        RouteDecision old = new RouteDecision("web-late", "delivery", Duration.ofHours(4), clock.instant().plus(Duration.ofHours(4)),
                clock.instant());
        assertTrue(repository.recordRoute(id, old, old.routedEvent("delivery")));
        assertFalse(repository.recordRoute(id, old, new TimelineEvent(clock.instant(), "routed", "again")));
        clock.advance(Duration.ofMinutes(1));
        assertEquals(old, new RoutingService(repository, escalations, new Router(CHANGED), clock).route(id));
        EscalationRequest request = (EscalationRequest) escalations.messages().get(0);
        assertNull(request.decision());
        assertEquals(Escalator.Outcome.ASKED, escalator(CHANGED).ask(request));
        assertEquals(List.of("dana@example.com"), mail.sent().get(0).to());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
        assertEquals(old, repository.find(id).orElseThrow().route());
    }
}
