package dev.qmark.aws.sqs;

import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.ports.EscalationQueue;

/** The escalation queue, read by the escalator; messages are {@link EscalationRequest}s as JSON. */
public final class SqsEscalationQueue implements EscalationQueue {

    private final SqsJsonQueue queue;

    public SqsEscalationQueue(SqsJsonQueue queue) {
        this.queue = queue;
    }

    @Override
    public void enqueue(EscalationRequest request) {
        queue.send(request);
    }
}
