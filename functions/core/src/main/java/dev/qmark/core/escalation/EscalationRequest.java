package dev.qmark.core.escalation;

import java.time.Instant;

/**
 * The router's message to the escalator: ask this owner about this feedback by then.
 *
 * @param evenIfAnswered ask even when the item is answered: a customer's low rating asks the
 *                       founder about an answered item (issue 9); every other request stops at an answer
 */
public record EscalationRequest(String feedbackId, int step, String owner, Instant dueAt, boolean evenIfAnswered) {

    public EscalationRequest(String feedbackId, int step, String owner, Instant dueAt) {
        this(feedbackId, step, owner, dueAt, false);
    }
}
