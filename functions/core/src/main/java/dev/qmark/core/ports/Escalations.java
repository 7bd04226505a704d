package dev.qmark.core.ports;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.StoppedClocks;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * An escalation's life: asked (claimed, then OPEN), reminded, late, answered, handed on,
 * orphaned. Every change is conditional on the state it starts from, and writes its timeline
 * event with it, so that redeliveries and racing sweeps change it once. Asked and answered change
 * the escalation and then the item in two plain writes (DynamoDB bills a transaction twice): the
 * escalation's write decides, and a retry that finds it done ({@code ALREADY_SENT},
 * {@link AnswerOutcome#ALREADY_RECORDED}) writes what an attempt that died in between left out.
 */
public interface Escalations {

    enum AnswerOutcome {
        /** this mail answered the escalation */
        RECORDED,
        /** this same mail was recorded before (a redelivery) */
        ALREADY_RECORDED,
        /** the escalation is not open: answered by another mail, or never asked */
        NOT_OPEN
    }

    enum HandOnOutcome {
        /** this mail handed the escalation on */
        RECORDED,
        /** this same mail handed it on before (a redelivery): finish that hand-on, start none */
        ALREADY_RECORDED,
        /** the escalation is not open (answered, late, handed on by another mail), or its next step exists */
        NOT_OPEN
    }

    enum SendBackOutcome {
        /** this mail sent the answer back */
        RECORDED,
        /** this same mail sent it back before (a redelivery): finish that send-back, start none */
        ALREADY_RECORDED,
        /** not the item's standing answer: another step holds it, it was sent back already, or the next step exists */
        NOT_ANSWERED
    }

    /**
     * Creates the escalation in status ASKING and claims its "?" mail for {@code lease}. An
     * attempt that died while holding the claim loses it when the lease runs out.
     */
    MailClaims.Claim claimEscalation(Escalation asking, Instant now, Duration lease);

    /**
     * {@link #claimEscalation(Escalation, Instant, Duration)} that also keeps the name of the route the
     * item is asked under on the escalation (null: none known): the figures group its "asked" by route
     * even when they read the item before its ASKED write recorded the route. Nothing else reads it.
     */
    default MailClaims.Claim claimEscalation(Escalation asking, String route, Instant now, Duration lease) {
        return claimEscalation(asking, now, lease);
    }

    /**
     * ASKING to OPEN: the mail went out; the clock runs. The escalation joins the sweeper's list,
     * next checked at its first reminder (or its deadline when there is none).
     */
    void markAsked(String feedbackId, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                   TimelineEvent event);

    /**
     * {@link #markAsked(String, int, String, Instant, List, TimelineEvent)} for an item the caller has
     * just read: an item {@code seen} asked or answered already is not written again (its status only
     * moves on from there). Two plain writes, the escalation first: a retry that finds the "?" sent
     * finishes the item with {@link #markItemAsked}.
     */
    default void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                           TimelineEvent event) {
        markAsked(seen.feedback().id(), step, mailMessageId, at, reminderTimes, event);
    }

    /**
     * {@link #markAsked(FeedbackRecord, int, String, Instant, List, TimelineEvent)} recording with the
     * item's ASKED the route the request carried ({@link #markItemAsked(String, RouteDecision, TimelineEvent)};
     * {@code route} null: the item has its route, only its status changes).
     */
    void markAsked(FeedbackRecord seen, int step, String mailMessageId, Instant at, List<Instant> reminderTimes,
                   TimelineEvent event, RouteDecision route, TimelineEvent routed);

    /**
     * The item follows its first "?" sent: RECEIVED or ROUTED to ASKED, and off the recovery's list.
     * False (nothing written) when it was asked or answered already. Written after the escalation's
     * own mark, so a retry that finds the "?" sent calls this to finish an attempt that died between.
     */
    boolean markItemAsked(String feedbackId);

    /**
     * {@link #markItemAsked(String)} for an item that had no route when the router decided
     * {@code route}: RECEIVED without a route to ASKED with {@code route} (route, owner, answer time,
     * due, decided at) and its {@code routed} event, in one conditional write; the route is written
     * nowhere else. When the item has a route by then (recorded before, by another request's ASKED or
     * before the route rode on the ask) that route stands: only the status moves, as
     * {@link #markItemAsked(String)}. {@code route} null: that alone. False when it was asked or
     * answered already.
     */
    boolean markItemAsked(String feedbackId, RouteDecision route, TimelineEvent routed);

    /**
     * The answer: the escalation answered becomes ANSWERED (or ANSWERED_LATE after its deadline),
     * and every other clock of the item stops (other open escalations are answered too, late ones
     * stay late); all leave the sweeper's list. Keyed by the answering mail's id. Written as plain
     * writes, the answered escalation first (it decides: its condition refuses a second answer), then
     * the other clocks, then the item; a redelivery that finds its answer recorded
     * ({@link AnswerOutcome#ALREADY_RECORDED}) writes what an attempt that died in between left out
     * ({@link StoppedClocks#leftRunning}).
     */
    AnswerOutcome recordAnswer(String feedbackId, int step, String answer, String answeredBy, String mailId,
                               Instant at, TimelineEvent event);

    /**
     * {@link #recordAnswer(String, int, String, String, String, Instant, TimelineEvent)} for an item
     * the caller has just read consistently: an adapter may decide its first attempt from
     * {@code seen} rather than read the item again (its writes are conditional on what it saw, so
     * a change meanwhile makes it read afresh and try again).
     */
    default AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy, String mailId,
                                       Instant at, TimelineEvent event) {
        return recordAnswer(seen.feedback().id(), step, answer, answeredBy, mailId, at, event);
    }

    /**
     * {@link #recordAnswer(FeedbackRecord, int, String, String, String, Instant, TimelineEvent)} that also
     * claims the answered escalation's one-off mail {@code notice} ({@code Notice.OfEscalation} of
     * {@code step}, as {@link MailClaims#claim} would) until {@code claimUntil}, in the answer's own
     * conditional write: one write instead of two. {@link AnswerOutcome#RECORDED} means this attempt holds
     * that claim: it sends the mail. Any other outcome claims nothing: a redelivery
     * ({@link AnswerOutcome#ALREADY_RECORDED}) claims as usual and finds the first attempt's lease (busy
     * until it runs out) or a lapsed lease to take over, unless the item says the mail went out
     * ({@link FeedbackRecord#answerTold}).
     *
     * <p>The item is not written here: its ANSWERED is that mail's mark, written after the send by
     * {@link #markAnswerTold} (one write instead of two). Both outcomes that recorded an answer write the
     * escalation and the other clocks it stops (a redelivery: those {@link StoppedClocks#leftRunning}).
     */
    AnswerOutcome recordAnswer(FeedbackRecord seen, int step, String answer, String answeredBy, String mailId,
                               Instant at, TimelineEvent event, String notice, Instant claimUntil);

    /**
     * After the founder's "Answered" mail of step {@code step} went out: the item ANSWERED as of
     * {@code answeredAt} (kept when it is answered already, by another step's answer) and the mail
     * marked sent on it ({@link FeedbackRecord#answerTold}), {@code event} riding on that one write.
     * Conditional on the mark not being there: false (nothing written) when another attempt marked it
     * first (both sent, after a lease ran out: {@code SendOnce}'s documented choice).
     */
    boolean markAnswerTold(String feedbackId, int step, Instant answeredAt, TimelineEvent event);

    /**
     * OPEN to HANDED_ON: the person asked passed the question on ({@code "? @alias"}). The item is
     * not answered; the escalation leaves the sweeper's list (no reminder, no breach) and keeps
     * {@code handOn} (to whom, as which step, their deadline, the note, the mail's id). Only when
     * step {@code handOn.toStep()} does not exist yet: the escalator creates and claims it next.
     * Keyed by the handing mail's id, so that a redelivery is recognised; the timeline event is
     * written in the same transaction.
     */
    HandOnOutcome recordHandOn(String feedbackId, int step, HandOn handOn, TimelineEvent event);

    /**
     * The founder sent the answer of step {@code step} back ({@code "?"} in reply to the "Answered"
     * mail): the escalation keeps its status and answer (they are history) and records
     * {@code sentBack} in its hand-on (the same owner, as step {@code sentBack.toStep()}, a fresh
     * deadline, the founder's note); the item is no longer answered (ASKED), so the escalator asks
     * that step next. Only when this escalation holds the answer, the item is answered, the
     * escalation was not sent back before and the next step does not exist. Keyed by the mail's id,
     * so that a redelivery is recognised; the timeline event is written in the same transaction.
     */
    SendBackOutcome recordSendBack(String feedbackId, int step, HandOn sentBack, TimelineEvent event);

    /**
     * Reminders up to number {@code n} (from 1) are behind us and the notice {@code reminder-n} was
     * sent; the next check moves to {@code nextCheckAt}. False when the escalation is no longer OPEN
     * or was moved past n already.
     */
    boolean markRemindersSent(String feedbackId, int step, int n, Instant nextCheckAt, Instant at, TimelineEvent event);

    /**
     * OPEN to LATE for an escalation core found late ({@link Escalation#isLateAt}), as it was read:
     * only while it is still OPEN with the deadline it was judged by. It stays on the sweeper's list
     * until {@link #finishBreach}.
     */
    boolean markLate(Escalation seen, Instant at, TimelineEvent event);

    /** A late escalation's follow-up is done (the next person asked, the owner told): it leaves the sweeper's list. */
    void finishBreach(String feedbackId, int step);

    /**
     * OPEN to ORPHANED: the person asked ({@code goneOwner}) is no longer in the configuration and
     * the question goes to {@code handOn.to()} as step {@code handOn.toStep()}, which must not
     * exist yet. It stays on the sweeper's list, due now, until {@link #finishOrphaned}: a sweep
     * that dies before asking the next person is finished by the next one. False when it was not
     * OPEN with that owner any more (answered, handed on, adopted by a racing sweep).
     */
    boolean recordOrphaned(String feedbackId, int step, String goneOwner, HandOn handOn, TimelineEvent event);

    /** The next person was asked about an orphaned escalation: it leaves the sweeper's list. */
    void finishOrphaned(String feedbackId, int step);

    /**
     * OPEN to {@code status} (UNDELIVERABLE: mail to the person asked bounced; AWAY: they answered
     * out of office): the question goes on at once to {@code handOn.to()} as step
     * {@code handOn.toStep()}, which must not exist yet. Like an orphan it stays on the sweeper's
     * list, due now, until {@link #finishPassedOn}, so a crash before the next "?" is finished by a
     * sweep. False when it was not OPEN any more (answered, late, handed on, passed on before).
     */
    boolean recordPassedOn(String feedbackId, int step, EscalationStatus status, HandOn handOn, TimelineEvent event);

    /**
     * The next person was asked about an escalation passed on as {@code status}: it leaves the
     * sweeper's list, or, with {@code recheckAt} (an absent owner's return), is checked again then.
     */
    void finishPassedOn(String feedbackId, int step, EscalationStatus status, Instant recheckAt);
}
