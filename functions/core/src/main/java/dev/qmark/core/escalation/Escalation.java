package dev.qmark.core.escalation;

import java.time.Instant;

/**
 * One "?" to one person about one feedback item. {@code step} counts the people asked about
 * the item, from 1; the pair (feedbackId, step) names the escalation everywhere, reply tokens too.
 *
 * @param askedAt    when the "?" mail went out, null while ASKING
 * @param answeredAt null until answered
 * @param answer     the new text of the owner's reply, null until answered
 * @param answeredBy the address the answer came from
 */
public record Escalation(String feedbackId, int step, String owner, String ownerEmail, EscalationStatus status,
                         Instant askedAt, Instant dueAt, Instant answeredAt, String answer, String answeredBy) {

    public String id() {
        return feedbackId + "-" + step;
    }
}
