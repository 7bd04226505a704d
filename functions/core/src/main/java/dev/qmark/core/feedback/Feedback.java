package dev.qmark.core.feedback;

import java.time.Instant;

/**
 * One message from a customer, as stored.
 *
 * @param rating 1 to 5, or null when the customer gave none
 * @param route  the routing decision, null until routed
 */
public record Feedback(String id, Channel channel, Customer customer, String subject, String message,
                       Integer rating, Instant receivedAt, FeedbackStatus status, RouteDecision route) {

    public Feedback withStatus(FeedbackStatus newStatus) {
        return new Feedback(id, channel, customer, subject, message, rating, receivedAt, newStatus, route);
    }

    /** The subject, or the message's first words when there is none: what a person calls this feedback. */
    public String title() {
        if (subject != null && !subject.isBlank()) {
            return subject.strip();
        }
        String flat = message.strip().replaceAll("\\s+", " ");
        if (flat.length() <= 60) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', 60);
        return flat.substring(0, cut > 20 ? cut : 60) + "…";
    }
}
