package dev.qmark.core.sending;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.Notice;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The one behaviour around every mail Qmark sends: busy, sent before, and a crash between send and mark. */
class SendOnceTest {

    static final Instant T0 = Instant.parse("2026-03-02T09:00:00Z");
    static final Notice NOTICE = new Notice.OfEscalation("f1", 1, "founder");

    /** Claims as the table keeps them: "sending" with a lease, then "sent". */
    static final class LeasedClaims implements MailClaims {
        record State(boolean sent, Instant until) {
        }

        final Map<Notice, State> states = new HashMap<>();
        final List<TimelineEvent> events = new ArrayList<>();

        @Override
        public Claim claim(Notice notice, Instant now, Duration lease) {
            State state = states.get(notice);
            if (state != null && state.sent()) {
                return Claim.ALREADY_SENT;
            }
            if (state != null && !state.until().isBefore(now)) {
                return Claim.BUSY;
            }
            states.put(notice, new State(false, now.plus(lease)));
            return Claim.CLAIMED;
        }

        @Override
        public void markSent(Notice notice, Instant at, TimelineEvent event) {
            State state = states.get(notice);
            if (state != null && !state.sent()) {
                states.put(notice, new State(true, null));
                events.add(event);
            }
        }
    }

    final LeasedClaims claims = new LeasedClaims();
    final List<OutgoingMail> sent = new ArrayList<>();
    final AtomicInteger composed = new AtomicInteger();
    Instant now = T0;
    final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    SendOnce sendOnce(boolean crashAfterSending) {
        return new SendOnce(claims, mail -> {
            sent.add(mail);
            if (crashAfterSending) {
                throw new IllegalStateException("the process died after SES took the mail");
            }
            return "ses-" + sent.size();
        }, clock);
    }

    OutgoingMail compose() {
        composed.incrementAndGet();
        return new OutgoingMail("qmark@example.com", "Qmark", List.of("jeff@example.com"), List.of(), List.of(),
                "answered", "text", null, Map.of());
    }

    SendOnce.Sent send(SendOnce sendOnce) {
        return sendOnce.send(NOTICE, this::compose, at -> new TimelineEvent(at, "founder-told", "told"));
    }

    @Test
    void sendsOnceAndMarksWithTheTimelineEvent() {
        assertEquals(SendOnce.Sent.NOW, send(sendOnce(false)));
        assertEquals(SendOnce.Sent.BEFORE, send(sendOnce(false)));
        assertEquals(1, sent.size());
        assertEquals(1, composed.get(), "a mail sent before is not even composed");
        assertEquals(List.of(new TimelineEvent(T0, "founder-told", "told")), claims.events);
    }

    @Test
    void aClaimHeldByAnotherAttemptIsBusyAndSendsNothing() {
        claims.claim(NOTICE, T0, SendOnce.LEASE);
        now = T0.plusSeconds(10);
        TryAgainLater busy = assertThrows(TryAgainLater.class, () -> send(sendOnce(false)));
        assertTrue(busy.getMessage().contains("the founder notice for f1-1"), busy.getMessage());
        assertEquals(0, sent.size());
        assertEquals(0, composed.get(), "nothing is read for a mail that is not sent");
    }

    @Test
    void aCrashBetweenSendAndMarkSendsAgainOnceTheLeaseRunsOut() {
        assertThrows(IllegalStateException.class, () -> send(sendOnce(true)));
        assertEquals(1, sent.size());
        now = T0.plus(SendOnce.LEASE);
        assertThrows(TryAgainLater.class, () -> send(sendOnce(false)), "the lease still holds");
        now = T0.plus(SendOnce.LEASE).plusSeconds(1);
        assertEquals(SendOnce.Sent.NOW, send(sendOnce(false)), "a duplicate after a crash, never a lost mail");
        assertEquals(2, sent.size());
        assertEquals(SendOnce.Sent.BEFORE, send(sendOnce(false)));
    }

    @Test
    void aCallersOwnClaimAndMarkGetTheProvidersMessageId() {
        List<String> marked = new ArrayList<>();
        SendOnce.Sent result = sendOnce(false).send("the \"?\"", (at, lease) -> MailClaims.Claim.CLAIMED,
                this::compose, (messageId, at) -> marked.add(messageId + "@" + at));
        assertEquals(SendOnce.Sent.NOW, result);
        assertEquals(List.of("ses-1@" + T0), marked);
    }
}
