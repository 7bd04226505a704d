package dev.qmark.core.escalation;

import java.time.Instant;

/** The router's message to the escalator: ask this owner about this feedback by then. */
public record EscalationRequest(String feedbackId, int step, String owner, Instant dueAt) {
}
