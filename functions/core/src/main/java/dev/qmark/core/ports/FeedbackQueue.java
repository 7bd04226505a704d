package dev.qmark.core.ports;

/** Hands stored feedback to the router. */
public interface FeedbackQueue {
    void enqueue(String feedbackId);
}
