package dev.qmark.aws.sqs;

import dev.qmark.core.feedback.FeedbackIds;
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

    /** SnapStart priming: the enqueue of the priming record, refused by SQS (nothing is queued). */
    public void prime() {
        queue.primeRefusedSend(new FeedbackQueued(FeedbackIds.PRIMING));
    }
}
