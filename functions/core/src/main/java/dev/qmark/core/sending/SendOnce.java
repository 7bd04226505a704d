package dev.qmark.core.sending;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Notice;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a mail once: claim, send, mark. Every mail Qmark sends about feedback goes through here,
 * so that there is one behaviour for the two hard cases:
 * <ul>
 *   <li><b>Busy</b>: another attempt holds an unexpired claim. Nothing is sent and
 *       {@link TryAgainLater} is thrown: the SQS message comes back, a sweep counts the escalation
 *       busy and meets it again. Never "done": the other attempt may die before it sends.</li>
 *   <li><b>A crash between send and mark</b>: the claim stays "sending" until its lease runs out;
 *       then the retry claims it and sends again. SES has no idempotency key, so the choice is
 *       between a possible duplicate after a crash and a possible loss, and a lost mail is the
 *       failure Qmark exists to prevent.</li>
 * </ul>
 * The mail is composed after the claim is won, so nothing is read for a mail that is not sent.
 */
public final class SendOnce {

    /** How long a claim holds: well over one send through SES, short enough for SQS's retry to find it free. */
    public static final Duration LEASE = Duration.ofSeconds(30);

    public enum Sent {
        /** this call sent it */
        NOW,
        /** it was sent before: nothing happened */
        BEFORE
    }

    /** Takes the claim; for mails whose claim is part of a bigger state (the "?" creates its escalation). */
    @FunctionalInterface
    public interface ClaimStep {
        Claim claim(Instant now, Duration lease);
    }

    /** Records that the claimed mail went out, with the provider's message id. */
    @FunctionalInterface
    public interface MarkStep {
        void sent(String messageId, Instant at);
    }

    private final MailClaims claims;
    private final MailSender sender;
    private final Clock clock;

    public SendOnce(MailClaims claims, MailSender sender, Clock clock) {
        this.claims = claims;
        this.sender = sender;
        this.clock = clock;
    }

    /** Sends the one-off mail {@code notice}; {@code event} says on the timeline that it went (null: nothing). */
    public Sent send(Notice notice, Supplier<OutgoingMail> compose, Function<Instant, TimelineEvent> event) {
        return send(notice.describe(), (now, lease) -> claims.claim(notice, now, lease), compose,
                (messageId, at) -> claims.markSent(notice, at, event.apply(at)));
    }

    /**
     * Sends a mail whose claim and mark are the caller's ({@code what} names it in the busy
     * message): claim, and only when claimed compose, send, mark.
     *
     * @throws TryAgainLater when another attempt holds the claim right now
     */
    public Sent send(String what, ClaimStep claim, Supplier<OutgoingMail> compose, MarkStep mark) {
        switch (claim.claim(clock.instant(), LEASE)) {
            case ALREADY_SENT -> {
                return Sent.BEFORE;
            }
            case BUSY -> throw new TryAgainLater(what + " is being sent by another attempt");
            case CLAIMED -> {
                // ours: send below
            }
        }
        String messageId = sender.send(compose.get());
        mark.sent(messageId, clock.instant());
        return Sent.NOW;
    }
}
