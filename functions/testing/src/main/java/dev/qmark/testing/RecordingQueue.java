package dev.qmark.testing;

import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.ports.EscalationQueue;
import dev.qmark.core.ports.FeedbackQueue;
import java.util.ArrayList;
import java.util.List;

/** Both queues in memory: what was enqueued, in order, for a test to count. */
public final class RecordingQueue implements FeedbackQueue, EscalationQueue {

    private final List<Object> messages = new ArrayList<>();

    @Override
    public synchronized void enqueue(String feedbackId) {
        messages.add(feedbackId);
    }

    @Override
    public synchronized void enqueue(EscalationRequest request) {
        messages.add(request);
    }

    public synchronized List<Object> messages() {
        return List.copyOf(messages);
    }
}
