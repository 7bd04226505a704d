package dev.qmark.aws.sqs;

import dev.qmark.core.ports.FeedbackQueue;

/** The feedback queue, read by the router. */
public final class SqsFeedbackQueue implements FeedbackQueue {

    private final SqsJsonQueue queue;

    public SqsFeedbackQueue(SqsJsonQueue queue) {
        this.queue = queue;
    }

    @Override
    public void enqueue(String feedbackId) {
        queue.send(new FeedbackQueued(feedbackId));
    }
}
