package dev.qmark.testing;

import dev.qmark.core.ports.FormAcknowledgements;

import dev.qmark.core.ports.Metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.StuckFeedback;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The escalator on the in-memory repository: the "?" goes out once, whatever is redelivered. */
class EscalatorTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingMailSender mail = new RecordingMailSender();
    private final Escalator escalator = new Escalator(RoutingServiceTest.CONFIG, repository.feedbackItems(), repository.escalations(), repository.mailClaims(), mail, new ReplyTokens("test-reply-token-secret-0123456789"), repository.sentMailTexts(), null, Metrics.NONE, clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu", "minsu@example.com", "Order", "The parcel is late", 3, null), Channel.WEB)
            .feedbackId();
    private final EscalationRequest request = new EscalationRequest(id, 1, "delivery", clock.instant().plus(Duration.ofHours(4)));

    @Test
    void theQuestionGoesToTheOwnerOnce() {
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(request));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(request));
        assertEquals(1, mail.sent().size());
        assertEquals(List.of("dana@example.com"), mail.sent().get(0).to());
        assertEquals(EscalationStatus.OPEN, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
    }

    @Test
    void aSendThatFailedIsRetriedWhenItsLeaseRunsOut() {
        mail.failWith(new IllegalStateException("SES is down"));
        assertThrows(IllegalStateException.class, () -> escalator.ask(request));
        mail.failWith(null);
        assertThrows(TryAgainLater.class, () -> escalator.ask(request));
        clock.advance(SendOnce.LEASE.plusSeconds(1));
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(request));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void nobodyIsAskedOnceTheItemIsAnswered() {
        escalator.ask(request);
        repository.escalations().recordAnswer(id, 1, "Shipped", "dana@example.com", "mail-1", clock.instant(),
                new TimelineEvent(clock.instant(), "answered", "Dana"));
        EscalationRequest next = new EscalationRequest(id, 2, "ops", clock.instant().plus(Duration.ofHours(8)));
        assertEquals(Escalator.Outcome.ALREADY_ANSWERED, escalator.ask(next));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void anAttemptThatDiedBetweenItsTwoWritesIsFinishedByTheRedelivery() {
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> escalator.ask(request));
        // the escalation is OPEN (the "?" is out), the item not yet marked: still on the recovery's list
        assertEquals(EscalationStatus.OPEN, repository.findRecord(id).orElseThrow().escalation(1).orElseThrow().status());
        assertEquals(FeedbackStatus.RECEIVED, repository.find(id).orElseThrow().status());
        assertEquals(List.of(id), repository.unfinishedFeedback().due(clock.instant().plus(Duration.ofDays(1)), 10));

        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(request));
        assertEquals(1, mail.sent().size(), "the redelivery does not send the \"?\" again");
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
        assertEquals(List.of(), repository.unfinishedFeedback().due(clock.instant().plus(Duration.ofDays(1)), 10));
        assertEquals(1, repository.findRecord(id).orElseThrow().timeline().stream().filter(e -> e.type().equals("asked")).count());
    }

    @Test
    void aLaterStepLeavesTheAskedItemAsItIs() {
        escalator.ask(request);
        repository.crashes().crashAfter(2);
        // one write only: the escalation (the item is asked already), so the crash set for a second never comes
        assertEquals(Escalator.Outcome.ASKED,
                escalator.ask(new EscalationRequest(id, 2, "ops", clock.instant().plus(Duration.ofHours(8)))));
        repository.crashes().crashAfter(0);
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
    }

    @Test
    void theRecoveryFinishesAnAskedItemLeftUnroutedByACrash() {
        RecordingQueue requests = new RecordingQueue();
        dev.qmark.core.routing.RoutingService routing = new dev.qmark.core.routing.RoutingService(repository, requests,
                new dev.qmark.core.routing.Router(RoutingServiceTest.CONFIG), clock);
        routing.route(id);
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> escalator.ask((EscalationRequest) requests.messages().get(0)));
        // the "?" is out, the route and the ASKED not written (they are one write): the item is as stored
        assertEquals(FeedbackStatus.RECEIVED, repository.find(id).orElseThrow().status());
        assertEquals(null, repository.find(id).orElseThrow().route());

        // the request is lost (say it went to the dead-letter queue): the recovery's redrive routes it again
        clock.advance(StuckFeedback.FIRST_CHECK);
        RecordingQueue feedbackQueue = new RecordingQueue();
        assertEquals(1, new StuckFeedback(repository.unfinishedFeedback(), feedbackQueue, clock).redrive());
        routing.route((String) feedbackQueue.messages().get(0));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask((EscalationRequest) requests.messages().get(1)));
        assertEquals(1, mail.sent().size());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
        assertEquals("delivery", repository.find(id).orElseThrow().route().owner(), "the redrive's route, recorded with the ASKED");
        assertEquals(0, new StuckFeedback(repository.unfinishedFeedback(), feedbackQueue, clock)
                .redrive(clock.instant().plus(Duration.ofDays(1))), "off the recovery's list");
    }

    @Test
    void anOldMessageWithoutTheDecisionAsksTheRoutedItem() {
        // queued before the route rode on the ask: the item was routed (ROUTED) by the router of then
        dev.qmark.core.feedback.RouteDecision old = new dev.qmark.core.feedback.RouteDecision("web-late", "delivery",
                Duration.ofHours(4), request.dueAt(), clock.instant());
        repository.recordRoute(id, old, old.routedEvent("delivery"));
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(request));
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
        assertEquals(old, repository.find(id).orElseThrow().route());
        assertEquals(List.of(), repository.unfinishedFeedback().due(clock.instant().plus(Duration.ofDays(1)), 10));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(request));
        assertEquals(1, mail.sent().size());
    }

    @Test
    void aCrashAfterTheAskBeforeTheRouteIsRecordedIsFinishedWithTheRequestsRoute() {
        dev.qmark.core.feedback.RouteDecision decision = new dev.qmark.core.feedback.RouteDecision("web-late", "delivery",
                Duration.ofHours(4), request.dueAt(), clock.instant());
        EscalationRequest routed = EscalationRequest.firstAsk(id, "delivery", decision);
        repository.crashes().crashAfter(1);
        assertThrows(CrashBetweenWrites.Crash.class, () -> escalator.ask(routed));
        assertEquals(null, repository.find(id).orElseThrow().route());
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(routed));
        assertEquals(decision, repository.find(id).orElseThrow().route());
        assertEquals(FeedbackStatus.ASKED, repository.find(id).orElseThrow().status());
        assertEquals(1, repository.findRecord(id).orElseThrow().timeline().stream().filter(e -> e.type().equals("routed")).count());
        assertEquals(1, mail.sent().size());
    }

    @Test
    void aLowRatingsQuestionOnAnAnsweredItemIsMarkedOnceAndLeavesItAnswered() {
        escalator.ask(request);
        repository.escalations().recordAnswer(id, 1, "Shipped", "dana@example.com", "mail-1", clock.instant(),
                new TimelineEvent(clock.instant(), "answered", "Dana"));
        EscalationRequest founder = new EscalationRequest(id, 2, "founder", clock.instant().plus(Duration.ofHours(8)), true);
        // before, the mark's transaction failed on the answered item: the claim ran out and the "?" went again
        assertEquals(Escalator.Outcome.ASKED, escalator.ask(founder));
        assertEquals(Escalator.Outcome.ALREADY_ASKED, escalator.ask(founder));
        assertEquals(2, mail.sent().size());
        assertEquals(EscalationStatus.OPEN, repository.findRecord(id).orElseThrow().escalation(2).orElseThrow().status());
        assertEquals(FeedbackStatus.ANSWERED, repository.find(id).orElseThrow().status());
    }
}
