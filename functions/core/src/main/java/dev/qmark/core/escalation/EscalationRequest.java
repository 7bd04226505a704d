package dev.qmark.core.escalation;

import dev.qmark.core.feedback.RouteDecision;
import java.time.Instant;

/**
 * The router's message to the escalator: ask this owner about this feedback by then.
 *
 * @param evenIfAnswered ask even when the item is answered: a customer's low rating asks the
 *                       founder about an answered item (issue 9); every other request stops at an answer
 * @param decision       the route the router decided for an item that had none (step 1 only): the
 *                       escalator records it with the item's ASKED, in the write that marks the first "?"
 *                       sent, and the item's route stands when it has one. Null on every other request,
 *                       and on messages queued before the route rode on the ask (the item has its route)
 */
public record EscalationRequest(String feedbackId, int step, String owner, Instant dueAt, boolean evenIfAnswered,
                                RouteDecision decision) {

    public EscalationRequest(String feedbackId, int step, String owner, Instant dueAt, boolean evenIfAnswered) {
        this(feedbackId, step, owner, dueAt, evenIfAnswered, null);
    }

    public EscalationRequest(String feedbackId, int step, String owner, Instant dueAt) {
        this(feedbackId, step, owner, dueAt, false, null);
    }

    /** The first step for an item the router routed now: asks {@code firstAsked}, carrying the decision. */
    public static EscalationRequest firstAsk(String feedbackId, String firstAsked, RouteDecision decision) {
        return new EscalationRequest(feedbackId, 1, firstAsked, decision.dueAt(), false, decision);
    }
}
