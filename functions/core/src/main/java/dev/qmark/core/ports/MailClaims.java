package dev.qmark.core.ports;

import dev.qmark.core.feedback.TimelineEvent;
import java.time.Duration;
import java.time.Instant;

/**
 * Claims on one-off mails ({@link Notice}s), so that each is sent once however often the work
 * that sends it runs. A claim is a lease: an attempt that dies holding it loses it when the lease
 * runs out. Used through {@code sending.SendOnce}, which holds the one behaviour around it.
 */
public interface MailClaims {

    /** What a claim to send a mail found. */
    enum Claim {
        /** yours: send it, then mark it sent */
        CLAIMED,
        /** sent before: do nothing */
        ALREADY_SENT,
        /** another attempt holds it right now: try again later */
        BUSY
    }

    /**
     * Claims {@code notice} for {@code lease} if nobody has sent it and nobody holds an unexpired
     * claim on it. A notice of an escalation needs the escalation to exist; the others are created
     * by their first claim.
     */
    Claim claim(Notice notice, Instant now, Duration lease);

    /**
     * The claimed mail went out; {@code event} (null for a notice that belongs to no item) goes on
     * the item's timeline in the same transaction. Marked by someone else first (two attempts whose
     * leases ran out both sent): nothing more happens.
     */
    void markSent(Notice notice, Instant at, TimelineEvent event);
}
