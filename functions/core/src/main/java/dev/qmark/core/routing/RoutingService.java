package dev.qmark.core.routing;

import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.EscalationQueue;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Clock;
import java.time.Instant;

/**
 * Routes one stored feedback item and asks for its first escalation. Safe to run twice: the
 * first decision recorded stands, and the escalation request is sent again (the escalator sends
 * each "?" once), which also repairs a crash between recording and enqueueing.
 */
public final class RoutingService {

    private final FeedbackRepository repository;
    private final EscalationQueue escalations;
    private final Router router;
    private final Clock clock;

    public RoutingService(FeedbackRepository repository, EscalationQueue escalations, Router router, Clock clock) {
        this.repository = repository;
        this.escalations = escalations;
        this.router = router;
        this.clock = clock;
    }

    /** @return the decision that stands for the item */
    public RouteDecision route(String feedbackId) {
        return route(repository.find(feedbackId)
                .orElseThrow(() -> new IllegalStateException("feedback " + feedbackId + " is not stored")));
    }

    /**
     * As {@link #route(String)}, for the item as the caller read it: reads nothing more unless a route
     * was recorded that the item does not show (another worker, or a read a moment old): then the
     * recorded one stands, read consistently.
     */
    public RouteDecision route(Feedback feedback) {
        String feedbackId = feedback.id();
        RouteDecision decision = feedback.route();
        if (decision == null) {
            Instant now = clock.instant();
            RouteDecision fresh = router.decide(feedback, now);
            String triage = router.firstAsked(fresh).equals(fresh.owner()) ? "" : ", " + router.firstAsked(fresh) + " triages first";
            boolean recorded = repository.recordRoute(feedbackId, fresh, new TimelineEvent(now, "routed",
                    "route " + fresh.route() + " -> " + fresh.owner() + ", answer within " + fresh.answerWithin() + triage));
            decision = recorded ? fresh : repository.find(feedbackId).map(Feedback::route).orElseThrow();
        }
        // on a triage route the founder is asked first (step 1) and hands it on to the owner
        escalations.enqueue(new EscalationRequest(feedbackId, 1, router.firstAsked(decision), decision.dueAt()));
        return decision;
    }
}
