package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.Escalations.AnswerOutcome;
import dev.qmark.core.ports.Escalations.HandOnOutcome;
import dev.qmark.core.ports.Escalations.SendBackOutcome;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailClaims.Claim;
import dev.qmark.core.ports.Notice;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The exactly-once rules of an escalation's life, against the in-memory escalations and DynamoDB
 * alike: the "?" is claimed once, an answer and a hand-on are recorded once (a redelivery is
 * recognised by its mail), late and reminders move once.
 */
public abstract class EscalationsContract {

    protected static final Instant T0 = Instant.parse("2026-03-02T10:00:00Z");
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final Instant DUE = T0.plus(Duration.ofHours(4));

    protected abstract Escalations escalations();

    /** Stores a new feedback item where {@link #escalations()} will see it; answers its id. */
    protected abstract String storedFeedback();

    /** The claims of one-off mails beside {@link #escalations()} (a notice of an escalation lives on it). */
    protected abstract MailClaims mailClaims();

    /** The item with its escalations, read consistently, as mail-intake reads it before an answer. */
    protected abstract FeedbackRecord record(String feedbackId);

    private static Escalation asking(String feedbackId, int step) {
        return new Escalation(feedbackId, step, "delivery", "dana@example.com", EscalationStatus.ASKING, null, DUE, null,
                null, null);
    }

    private static TimelineEvent event(String type) {
        return new TimelineEvent(T0, type, type);
    }

    /** An escalation at step 1 that was asked: OPEN, on the sweeper's list. */
    private String asked(Escalations escalations) {
        String id = storedFeedback();
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 1), T0, LEASE));
        escalations.markAsked(id, 1, "ses-1", T0.plusSeconds(1), List.of(), event("asked"));
        return id;
    }

    private static HandOn handOn(String mailId) {
        return new HandOn("lee", 2, DUE.plus(Duration.ofHours(4)), T0.plusSeconds(60), "dana@example.com", "", mailId);
    }

    @Test
    void theQuestionIsClaimedOnce() {
        Escalations escalations = escalations();
        String id = storedFeedback();
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 1), T0, LEASE));
        assertEquals(Claim.BUSY, escalations.claimEscalation(asking(id, 1), T0.plusSeconds(5), LEASE));
        assertEquals(Claim.BUSY, escalations.claimEscalation(asking(id, 1), T0.plus(LEASE), LEASE));
        // the attempt holding it died: its lease runs out and the next one takes it
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 1), T0.plus(LEASE).plusSeconds(1), LEASE));
        escalations.markAsked(id, 1, "ses-1", T0.plusSeconds(40), List.of(), event("asked"));
        assertEquals(Claim.ALREADY_SENT, escalations.claimEscalation(asking(id, 1), T0.plusSeconds(600), LEASE));
    }

    @Test
    void markingAskedTwiceIsRefused() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertThrows(IllegalStateException.class,
                () -> escalations.markAsked(id, 1, "ses-2", T0.plusSeconds(2), List.of(), event("asked")));
    }

    @Test
    void anAnswerIsRecordedOnceAndARedeliveryIsRecognised() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertEquals(AnswerOutcome.RECORDED,
                escalations.recordAnswer(id, 1, "Shipped today", "dana@example.com", "mail-1", T0.plusSeconds(90), event("answered")));
        assertEquals(AnswerOutcome.ALREADY_RECORDED,
                escalations.recordAnswer(id, 1, "Shipped today", "dana@example.com", "mail-1", T0.plusSeconds(95), event("answered")));
        assertEquals(AnswerOutcome.NOT_OPEN,
                escalations.recordAnswer(id, 1, "Again", "dana@example.com", "mail-2", T0.plusSeconds(99), event("answered")));
    }

    @Test
    void anAnswerClaimsTheAnsweredEscalationsNoticeInItsOwnWrite() {
        Escalations escalations = escalations();
        MailClaims claims = mailClaims();
        String id = asked(escalations);
        Notice founder = new Notice.OfEscalation(id, 1, "founder");
        Instant at = T0.plusSeconds(90);
        assertEquals(AnswerOutcome.RECORDED, escalations.recordAnswer(record(id), 1, "Shipped today", "dana@example.com",
                "mail-1", at, event("answered"), "founder", at.plus(LEASE)));
        // the answer's attempt holds the claim: another attempt waits for its lease, then may take it over
        assertEquals(Claim.BUSY, claims.claim(founder, at.plusSeconds(5), LEASE));
        assertEquals(Claim.BUSY, claims.claim(founder, at.plus(LEASE), LEASE));
        // a redelivery claims nothing in its write: it claims on its own and meets the same lease
        assertEquals(AnswerOutcome.ALREADY_RECORDED, escalations.recordAnswer(record(id), 1, "Shipped today",
                "dana@example.com", "mail-1", at.plusSeconds(10), event("answered"), "founder", at.plusSeconds(10).plus(LEASE)));
        assertEquals(Claim.BUSY, claims.claim(founder, at.plusSeconds(11), LEASE));
        // the answer's attempt marks what its write claimed
        claims.markSent(founder, at.plusSeconds(2), event("founder-told"));
        assertEquals(Claim.ALREADY_SENT, claims.claim(founder, at.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(AnswerOutcome.NOT_OPEN, escalations.recordAnswer(record(id), 1, "Again", "dana@example.com",
                "mail-2", at.plusSeconds(99), event("answered"), "founder", at.plusSeconds(99).plus(LEASE)));
        assertEquals(Claim.ALREADY_SENT, claims.claim(founder, at.plusSeconds(100), LEASE));
    }

    @Test
    void theItemIsAnsweredByTheFoundersMarkAfterTheSendOnce() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        Instant at = T0.plusSeconds(90);
        assertEquals(AnswerOutcome.RECORDED, escalations.recordAnswer(record(id), 1, "Shipped today", "dana@example.com",
                "mail-1", at, event("answered"), "founder", at.plus(LEASE)));
        // the answer's write leaves the item: its ANSWERED is the founder's mail's mark, written after the send
        assertEquals(FeedbackStatus.ASKED, record(id).feedback().status());
        assertFalse(record(id).answerTold(1));
        // a redelivery before the send finishes the clocks, not the item
        assertEquals(AnswerOutcome.ALREADY_RECORDED, escalations.recordAnswer(record(id), 1, "Shipped today",
                "dana@example.com", "mail-1", at.plusSeconds(5), event("answered"), "founder", at.plusSeconds(5).plus(LEASE)));
        assertEquals(FeedbackStatus.ASKED, record(id).feedback().status());

        assertTrue(escalations.markAnswerTold(id, 1, at, new TimelineEvent(at.plusSeconds(1), "founder-told", "told")));
        FeedbackRecord told = record(id);
        assertEquals(FeedbackStatus.ANSWERED, told.feedback().status());
        assertTrue(told.answerTold(1));
        assertEquals(1, told.timeline().stream().filter(e -> e.type().equals("founder-told")).count());
        // two attempts sent (a lease ran out): the second mark is refused, nothing written twice
        assertFalse(escalations.markAnswerTold(id, 1, at, new TimelineEvent(at.plusSeconds(40), "founder-told", "told")));
        assertEquals(1, record(id).timeline().stream().filter(e -> e.type().equals("founder-told")).count());
    }

    @Test
    void theFoundersMarkOnAnItemAnsweredBeforeKeepsItsStatusAndAddsTheStep() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        // answered the older way (the item written with the answer), then a second step's mail marked on it
        assertEquals(AnswerOutcome.RECORDED,
                escalations.recordAnswer(id, 1, "Shipped today", "dana@example.com", "mail-1", T0.plusSeconds(90), event("answered")));
        assertEquals(FeedbackStatus.ANSWERED, record(id).feedback().status());
        assertTrue(escalations.markAnswerTold(id, 1, T0.plusSeconds(90), event("founder-told")));
        assertTrue(escalations.markAnswerTold(id, 2, T0.plusSeconds(95), new TimelineEvent(T0.plusSeconds(96), "founder-told", "2")));
        FeedbackRecord told = record(id);
        assertEquals(FeedbackStatus.ANSWERED, told.feedback().status());
        assertTrue(told.answerTold(1) && told.answerTold(2));
        assertFalse(escalations.markAnswerTold(id, 2, T0.plusSeconds(95), event("founder-told")));
    }

    @Test
    void aNoticeClaimedByAnAnswerWhoseAttemptDiedIsTakenOverOnceItsLeaseRunsOut() {
        Escalations escalations = escalations();
        MailClaims claims = mailClaims();
        String id = asked(escalations);
        Notice founder = new Notice.OfEscalation(id, 1, "founder");
        Instant at = T0.plusSeconds(90);
        escalations.recordAnswer(record(id), 1, "Shipped today", "dana@example.com", "mail-1", at, event("answered"),
                "founder", at.plus(LEASE));
        // the attempt died before it sent: the redelivery takes the claim once the lease has run out, and only one does
        assertEquals(Claim.CLAIMED, claims.claim(founder, at.plus(LEASE).plusSeconds(1), LEASE));
        assertEquals(Claim.BUSY, claims.claim(founder, at.plus(LEASE).plusSeconds(2), LEASE));
    }

    @Test
    void aQuestionNotYetAskedCannotBeAnswered() {
        Escalations escalations = escalations();
        String id = storedFeedback();
        escalations.claimEscalation(asking(id, 1), T0, LEASE);
        assertEquals(AnswerOutcome.NOT_OPEN,
                escalations.recordAnswer(id, 1, "Early", "dana@example.com", "mail-1", T0.plusSeconds(5), event("answered")));
    }

    @Test
    void aHandOnIsRecordedOnce() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertEquals(HandOnOutcome.RECORDED, escalations.recordHandOn(id, 1, handOn("mail-h"), event("handed on")));
        assertEquals(HandOnOutcome.ALREADY_RECORDED, escalations.recordHandOn(id, 1, handOn("mail-h"), event("handed on")));
        assertEquals(HandOnOutcome.NOT_OPEN, escalations.recordHandOn(id, 1, handOn("mail-other"), event("handed on")));
        // handed on, the question is no longer open to an answer
        assertEquals(AnswerOutcome.NOT_OPEN,
                escalations.recordAnswer(id, 1, "Late word", "dana@example.com", "mail-1", T0.plusSeconds(90), event("answered")));
    }

    @Test
    void anAnswerIsSentBackOnceAndARedeliveryIsRecognised() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertEquals(SendBackOutcome.NOT_ANSWERED, escalations.recordSendBack(id, 1, sentBack("mail-b"), event("sent back")));
        assertEquals(AnswerOutcome.RECORDED, escalations.recordAnswer(id, 1, "Fixed.", "dana@example.com", "mail-a",
                T0.plusSeconds(30), event("answered")));
        assertEquals(SendBackOutcome.RECORDED, escalations.recordSendBack(id, 1, sentBack("mail-b"), event("sent back")));
        assertEquals(SendBackOutcome.ALREADY_RECORDED,
                escalations.recordSendBack(id, 1, sentBack("mail-b"), event("sent back")));
        assertEquals(SendBackOutcome.NOT_ANSWERED,
                escalations.recordSendBack(id, 1, sentBack("mail-other"), event("sent back")));
        // the answer stays on record; the item is asked again, so step 2 can be asked
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 2), T0.plusSeconds(90), LEASE));
        escalations.markAsked(id, 2, "ses-2", T0.plusSeconds(91), List.of(), event("asked"));
    }

    @Test
    void aSendBackNeedsTheNextStepFree() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertEquals(AnswerOutcome.RECORDED, escalations.recordAnswer(id, 1, "Fixed.", "dana@example.com", "mail-a",
                T0.plusSeconds(30), event("answered")));
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 2), T0.plusSeconds(40), LEASE));
        assertEquals(SendBackOutcome.NOT_ANSWERED, escalations.recordSendBack(id, 1, sentBack("mail-b"), event("sent back")));
    }

    private static HandOn sentBack(String mailId) {
        return new HandOn("delivery", 2, DUE.plus(Duration.ofHours(4)), T0.plusSeconds(60), "jeff@example.com",
                "Not enough.", mailId);
    }

    @Test
    void aHandOnNeedsTheNextStepFree() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        escalations.claimEscalation(asking(id, 2), T0, LEASE);
        assertEquals(HandOnOutcome.NOT_OPEN, escalations.recordHandOn(id, 1, handOn("mail-h"), event("handed on")));
    }

    /** The escalation as the sweeper reads it once asked: OPEN with its deadline (lateness is core's rule). */
    private static Escalation open(String feedbackId, Instant due) {
        return new Escalation(feedbackId, 1, "delivery", "dana@example.com", EscalationStatus.OPEN, T0.plusSeconds(1), due,
                null, null, null);
    }

    @Test
    void lateOnceAndOnlyByTheDeadlineStored() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertFalse(escalations.markLate(open(id, DUE.plusSeconds(1)), DUE.plusSeconds(1), event("late")));
        assertTrue(escalations.markLate(open(id, DUE), DUE, event("late")));
        assertFalse(escalations.markLate(open(id, DUE), DUE.plusSeconds(1), event("late")));
    }

    @Test
    void anAnsweredQuestionIsNeverLate() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        escalations.recordAnswer(id, 1, "Done", "dana@example.com", "mail-1", T0.plusSeconds(90), event("answered"));
        assertFalse(escalations.markLate(open(id, DUE), DUE.plusSeconds(1), event("late")));
    }

    @Test
    void anAnsweredItemStaysAnsweredWhenAQuestionRacingTheAnswerIsMarked() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        escalations.recordAnswer(id, 1, "Done", "dana@example.com", "mail-1", T0.plusSeconds(90), event("answered"));
        // a "?" racing the answer (or a low rating's, asked even so): its mail is out, so its escalation is OPEN
        // (a reply to it is an answer); the item is not moved back from answered
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 2), T0.plusSeconds(100), LEASE));
        escalations.markAsked(id, 2, "ses-2", T0.plusSeconds(101), List.of(), event("asked"));
        assertFalse(escalations.markItemAsked(id));
        assertEquals(Claim.ALREADY_SENT, escalations.claimEscalation(asking(id, 2), T0.plusSeconds(200), LEASE));
    }

    @Test
    void theFirstQuestionRecordsTheRouteItsRequestCarriedOnceWithTheItemsAsked() {
        Escalations escalations = escalations();
        String id = storedFeedback();
        RouteDecision first = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, T0);
        RouteDecision second = new RouteDecision("everything-else", "ops", Duration.ofHours(24), T0.plus(Duration.ofHours(24)),
                T0.plusSeconds(60));
        FeedbackRecord seen = record(id);
        assertEquals(null, seen.feedback().route());
        assertEquals(Claim.CLAIMED, escalations.claimEscalation(asking(id, 1), "late-delivery", T0, LEASE));
        escalations.markAsked(seen, 1, "ses-1", T0.plusSeconds(1), List.of(), event("asked"), first, first.routedEvent("delivery"));
        FeedbackRecord asked = record(id);
        assertEquals(dev.qmark.core.feedback.FeedbackStatus.ASKED, asked.feedback().status(), "RECEIVED to ASKED in one write");
        assertEquals(first, asked.feedback().route());
        assertEquals(1, asked.timeline().stream().filter(e -> e.type().equals("routed")).count());
        // a later request's route (another delivery, decided again) is refused: the first one stands
        assertFalse(escalations.markItemAsked(id, second, second.routedEvent("ops")));
        assertEquals(first, record(id).feedback().route());
        assertEquals(1, record(id).timeline().stream().filter(e -> e.type().equals("routed")).count());
    }

    @Test
    void anItemAskedWithoutARouteKeepsItsStatusAgainstALateRoute() {
        Escalations escalations = escalations();
        String id = storedFeedback();
        assertTrue(escalations.markItemAsked(id, null, null), "no route: the status alone, as before");
        RouteDecision late = new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), DUE, T0);
        assertFalse(escalations.markItemAsked(id, late, late.routedEvent("delivery")));
        assertEquals(null, record(id).feedback().route());
    }

    @Test
    void theItemFollowsItsFirstQuestionOnce() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        // markAsked moved it: the retry of an attempt that died before has nothing left to write
        assertFalse(escalations.markItemAsked(id));
    }

    @Test
    void eachReminderIsMarkedOnce() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        Instant next = T0.plus(Duration.ofHours(2));
        assertTrue(escalations.markRemindersSent(id, 1, 1, next, T0.plusSeconds(3600), event("reminded")));
        assertFalse(escalations.markRemindersSent(id, 1, 1, next, T0.plusSeconds(3601), event("reminded")));
        assertTrue(escalations.markRemindersSent(id, 1, 2, DUE, T0.plusSeconds(7200), event("reminded")));
    }

    @Test
    void anOrphanIsRecordedOnceAndOnlyForItsOwner() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        assertFalse(escalations.recordOrphaned(id, 1, "someone-else", handOn("orphan"), event("orphaned")));
        assertTrue(escalations.recordOrphaned(id, 1, "delivery", handOn("orphan"), event("orphaned")));
        assertFalse(escalations.recordOrphaned(id, 1, "delivery", handOn("orphan"), event("orphaned")));
    }

    @Test
    void aQuestionIsPassedOnOnceAndAnAwayOwnerKeepsTheirReturn() {
        Escalations escalations = escalations();
        String id = asked(escalations);
        Instant back = T0.plus(Duration.ofDays(3));
        HandOn away = new HandOn("lee", 2, DUE.plus(Duration.ofHours(4)), T0.plusSeconds(60), "qmark", "away", "ooo-1", back);
        assertTrue(escalations.recordPassedOn(id, 1, EscalationStatus.AWAY, away, event("away")));
        assertFalse(escalations.recordPassedOn(id, 1, EscalationStatus.UNDELIVERABLE, away, event("undeliverable")));
        // no longer open: the clock stopped for the owner who cannot answer
        assertFalse(escalations.markLate(open(id, DUE), DUE, event("late")));
        // asked next: it waits on the sweeper's list for the return, then leaves it (repeating either changes nothing)
        escalations.finishPassedOn(id, 1, EscalationStatus.AWAY, back);
        escalations.finishPassedOn(id, 1, EscalationStatus.AWAY, null);
        escalations.finishPassedOn(id, 1, EscalationStatus.AWAY, null);
        assertFalse(escalations.recordPassedOn(id, 1, EscalationStatus.AWAY, away, event("away")));
    }
}
