package dev.qmark.core.ports;

import dev.qmark.core.escalation.EscalationRequest;

/** Hands a routing decision to the escalator. */
public interface EscalationQueue {
    void enqueue(EscalationRequest request);
}
