package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** SendOnce on the in-memory claims (core's own SendOnceTest has a fake of its own; this one stands on the conditions the contract holds): every one-off mail goes out once, however often the work runs. */
class SendOnceOnClaimsTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final InMemoryMailClaims claims = new InMemoryMailClaims();
    private final RecordingMailSender sender = new RecordingMailSender();
    private final SendOnce sendOnce = new SendOnce(claims, sender, clock);
    private final Notice notice = new Notice.OfItem("fb-1", "handon-refused");
    private final Supplier<OutgoingMail> mail = () -> new OutgoingMail("qmark@example.com", "Qmark",
            List.of("owner@example.com"), List.of(), List.of(), "About fb-1", "text", null, null);

    private SendOnce.Sent send() {
        return sendOnce.send(notice, mail, at -> new TimelineEvent(at, "NOTICE_SENT", "told the owner"));
    }

    @Test
    void aRedeliverySendsNothing() {
        assertEquals(SendOnce.Sent.NOW, send());
        assertEquals(SendOnce.Sent.BEFORE, send());
        assertEquals(1, sender.sent().size());
        assertEquals(1, claims.events().size());
    }

    @Test
    void aClaimHeldByAnotherAttemptIsTriedAgainLater() {
        claims.claim(notice, clock.instant(), SendOnce.LEASE);
        assertThrows(TryAgainLater.class, this::send);
        assertEquals(0, sender.sent().size());
    }

    @Test
    void aSendThatFailedLeavesTheClaimToRunOut() {
        sender.failWith(new IllegalStateException("SES is down"));
        assertThrows(IllegalStateException.class, this::send);
        sender.failWith(null);
        // within the lease the failed attempt still holds it: the retry waits
        assertThrows(TryAgainLater.class, this::send);
        clock.advance(SendOnce.LEASE.plus(Duration.ofSeconds(1)));
        assertEquals(SendOnce.Sent.NOW, send());
        assertEquals(1, sender.sent().size());
    }

    @Test
    void nothingIsComposedForAMailSentBefore() {
        send();
        assertEquals(SendOnce.Sent.BEFORE, sendOnce.send(notice, () -> {
            throw new AssertionError("composed a mail that is not sent");
        }, at -> null));
    }
}
