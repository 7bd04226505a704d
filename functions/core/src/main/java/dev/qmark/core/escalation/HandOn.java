package dev.qmark.core.escalation;

import java.time.Instant;

/**
 * How an escalation was handed on ("? @alias" in a reply): to whom, as which step, by when they
 * must answer, and the note for them. Kept on the escalation that was handed on, so that a
 * redelivered reply finishes the same hand-on instead of starting another. An answer the founder
 * sent back ("?" in reply to the "Answered" mail) is kept the same way: to the same owner, as the
 * next step.
 *
 * @param to     the alias of the person asked next
 * @param toStep the step that asks them
 * @param dueAt  their deadline (fresh: the route's answerWithin from the hand-on, in their calendar)
 * @param at     when it was handed on
 * @param by     the address the reply came from
 * @param note   what the person handing on wrote below the command, "" for nothing
 * @param mailId the receiving system's id of the reply
 * @param backAt when an owner who was away is asked again if nobody answered meanwhile (status AWAY); null otherwise
 */
public record HandOn(String to, int toStep, Instant dueAt, Instant at, String by, String note, String mailId,
                     Instant backAt) {

    public HandOn {
        note = note == null ? "" : note;
    }

    /** A hand-on that asks nobody again later. */
    public HandOn(String to, int toStep, Instant dueAt, Instant at, String by, String note, String mailId) {
        this(to, toStep, dueAt, at, by, note, mailId, null);
    }
}
