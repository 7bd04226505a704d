package dev.qmark.core.feedback;

import java.time.Instant;
import java.util.List;

/**
 * One message from a customer, as stored.
 *
 * @param rating      1 to 5, or null when the customer gave none
 * @param route       the routing decision, null until routed
 * @param attachments what a mail carried besides its text (the files stay in the raw mail in S3)
 */
public record Feedback(String id, Channel channel, Customer customer, String subject, String message,
                       Integer rating, Instant receivedAt, FeedbackStatus status, RouteDecision route,
                       List<Attachment> attachments) {

    public Feedback {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    /** Feedback without attachments (every web form post). */
    public Feedback(String id, Channel channel, Customer customer, String subject, String message,
                    Integer rating, Instant receivedAt, FeedbackStatus status, RouteDecision route) {
        this(id, channel, customer, subject, message, rating, receivedAt, status, route, List.of());
    }

    /** An attachment's name, type and size. */
    public record Attachment(String fileName, String contentType, long size) {
    }

    /** The same feedback under another id: a retried submission stores the item its key names. */
    public Feedback withId(String newId) {
        return new Feedback(newId, channel, customer, subject, message, rating, receivedAt, status, route, attachments);
    }

    /** The same feedback with its route decided (the first "?" records it with the item's ASKED). */
    public Feedback withRoute(RouteDecision decision) {
        return new Feedback(id, channel, customer, subject, message, rating, receivedAt, status, decision, attachments);
    }

    public Feedback withStatus(FeedbackStatus newStatus) {
        return new Feedback(id, channel, customer, subject, message, rating, receivedAt, newStatus, route, attachments);
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
