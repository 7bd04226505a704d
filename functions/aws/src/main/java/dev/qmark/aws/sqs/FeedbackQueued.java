package dev.qmark.aws.sqs;

/** The feedback queue's message: this item is stored and waits for routing. */
public record FeedbackQueued(String feedbackId) {
}
