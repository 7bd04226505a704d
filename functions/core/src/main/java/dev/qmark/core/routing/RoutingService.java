package dev.qmark.core.routing;

import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.ports.EscalationQueue;
import dev.qmark.core.ports.FeedbackRepository;
import java.time.Clock;

/**
 * Routes one stored feedback item and asks for its first escalation. It writes nothing to the table:
 * the decision rides on the escalation request, and the escalator records it with the item's ASKED
 * (RECEIVED to ASKED, route and all, in the one conditional write that marks the first "?" sent).
 * Safe to run twice: a redelivery decides again (the configuration may have changed meanwhile) and
 * enqueues again; the escalator asks step 1 once (its claim), and the first route recorded on the item
 * stands (the ASKED write's condition), so a later request for step 1 finds the "?" sent and changes
 * nothing. A crash after the enqueue and before the message's delete is the same redelivery.
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

    /** @return the decision the first escalation request carries, or the item's route */
    public RouteDecision route(String feedbackId) {
        return route(repository.find(feedbackId)
                .orElseThrow(() -> new IllegalStateException("feedback " + feedbackId + " is not stored")));
    }

    /**
     * As {@link #route(String)}, for the item as the caller read it (it may be a moment old: an item
     * routed meanwhile keeps its route, the escalator's write refusing a second one). An item with a route
     * (forwarded to an owner with "? @alias", or routed before the route rode on the ask) is asked as
     * routed: the request carries no decision, and the escalator takes the route from the item.
     */
    public RouteDecision route(Feedback feedback) {
        RouteDecision recorded = feedback.route();
        if (recorded != null) {
            // on a triage route the founder is asked first (step 1) and hands it on to the owner
            escalations.enqueue(new EscalationRequest(feedback.id(), 1, router.firstAsked(recorded), recorded.dueAt()));
            return recorded;
        }
        RouteDecision fresh = router.decide(feedback, clock.instant());
        escalations.enqueue(EscalationRequest.firstAsk(feedback.id(), router.firstAsked(fresh), fresh));
        return fresh;
    }
}
