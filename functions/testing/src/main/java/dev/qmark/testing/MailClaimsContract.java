package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link MailClaims} must do, run against the in-memory one (this module's tests) and
 * the DynamoDB one (the aws module's tests), so the fast unit tests stand on the same conditions
 * the table enforces. Ids are fresh per case, so an implementation may share one table.
 */
public abstract class MailClaimsContract {

    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);

    /** The implementation under test. */
    protected abstract MailClaims claims();

    private static Notice.OfItem itemNotice() {
        return new Notice.OfItem("fb-" + UUID.randomUUID(), "handon-refused");
    }

    private static TimelineEvent event() {
        return new TimelineEvent(NOW, "NOTICE_SENT", "a notice");
    }

    @Test
    void aSecondClaimWithinTheLeaseIsBusy() {
        MailClaims claims = claims();
        Notice notice = itemNotice();
        assertEquals(Claim.CLAIMED, claims.claim(notice, NOW, LEASE));
        assertEquals(Claim.BUSY, claims.claim(notice, NOW.plusSeconds(1), LEASE));
    }

    @Test
    void aMarkedNoticeIsNeverClaimedAgain() {
        MailClaims claims = claims();
        Notice notice = itemNotice();
        claims.claim(notice, NOW, LEASE);
        claims.markSent(notice, NOW.plusSeconds(1), event());
        assertEquals(Claim.ALREADY_SENT, claims.claim(notice, NOW.plusSeconds(2), LEASE));
        assertEquals(Claim.ALREADY_SENT, claims.claim(notice, NOW.plus(Duration.ofDays(1)), LEASE));
    }

    @Test
    void aLeaseThatRanOutCanBeClaimedAgain() {
        MailClaims claims = claims();
        Notice notice = itemNotice();
        claims.claim(notice, NOW, LEASE);
        assertEquals(Claim.CLAIMED, claims.claim(notice, NOW.plus(LEASE).plusSeconds(1), LEASE));
    }

    @Test
    void aLeaseStillHoldsAtItsLastInstant() {
        MailClaims claims = claims();
        Notice notice = itemNotice();
        claims.claim(notice, NOW, LEASE);
        assertEquals(Claim.BUSY, claims.claim(notice, NOW.plus(LEASE), LEASE));
    }

    @Test
    void markingTwiceIsOneMark() {
        MailClaims claims = claims();
        Notice notice = itemNotice();
        claims.claim(notice, NOW, LEASE);
        claims.markSent(notice, NOW.plusSeconds(1), event());
        // two attempts whose leases ran out both sent: the second mark finds it marked, no error
        claims.markSent(notice, NOW.plusSeconds(2), event());
        assertEquals(Claim.ALREADY_SENT, claims.claim(notice, NOW.plusSeconds(3), LEASE));
    }

    @Test
    void aNoticeOfAMissingEscalationIsNotSent() {
        MailClaims claims = claims();
        Notice notice = new Notice.OfEscalation("fb-" + UUID.randomUUID(), 0, "answered");
        // the adapter's condition needs the escalation; reading back nothing, it answers "done"
        assertEquals(Claim.ALREADY_SENT, claims.claim(notice, NOW, LEASE));
    }

    @Test
    void noticesAreClaimedEachOnItsOwn() {
        MailClaims claims = claims();
        String feedbackId = "fb-" + UUID.randomUUID();
        claims.claim(new Notice.OfItem(feedbackId, "a"), NOW, LEASE);
        assertEquals(Claim.CLAIMED, claims.claim(new Notice.OfItem(feedbackId, "b"), NOW, LEASE));
    }

    @Test
    void aFoundersNoticeIsSentOnce() {
        MailClaims claims = claims();
        Notice notice = new Notice.ToFounder("orphaned-" + UUID.randomUUID());
        assertEquals(Claim.CLAIMED, claims.claim(notice, NOW, LEASE));
        assertEquals(Claim.BUSY, claims.claim(notice, NOW, LEASE));
        claims.markSent(notice, NOW, null);
        assertEquals(Claim.ALREADY_SENT, claims.claim(notice, NOW.plusSeconds(60), LEASE));
    }
}
