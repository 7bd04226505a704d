package dev.qmark.core.sweep;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.asking.Triage;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.logging.LogFields;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.SweepList.DuePage;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.ports.SweepList;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the clocks: every minute it reads the escalations whose next check is due (the sparse
 * deadline index: cost grows with what is due, not with the table) and, for each, sends the
 * reminder that is due, or on a breach marks it late, asks the next person up the owner's
 * manager chain with a fresh deadline, and tells the owner. Every step is a conditional write or
 * a claimed mail, so two sweeps at once, a sweep racing an answer, or a sweep retried after a
 * crash each send one reminder, take one breach step, send one mail.
 *
 * <p>Nothing one item does can stop the others. A check that fails is postponed with backoff (its
 * next check moves later, so the index's head moves past it) and, after
 * {@code sweeper.stuckAfterFailures} failures in a row, set aside as stuck where a person sees it.
 * A sweep reads the index page by page while it has time; what it leaves is still at the head of
 * the index for the next sweep, because everything it did or postponed has left the due range:
 * the index is the cursor.
 */
public final class Sweeper {

    /** Escalations read per page. */
    static final int PAGE = 100;
    private static final Logger LOG = LoggerFactory.getLogger(Sweeper.class);

    private final QmarkConfig config;
    private final FeedbackRepository feedbackItems;
    private final Escalations escalations;
    private final SweepList sweepList;
    private final MailClaims claims;
    private final SendOnce sendOnce;
    private final ReplyTokens tokens;
    private final Escalator escalator;
    private final DeadlineMails mails;
    private final OrphanedQuestions orphans;
    private final QuestionsPassedOn passedOn;
    private final SentMailTexts sentTexts;
    private final Clock clock;
    /** The first sweep of a container looks for every question a configuration change orphaned. */
    private volatile boolean orphansLookedFor;

    /** Reminders, late notices and the next "?" are kept in {@code sentTexts} for the reply safety net. */
    public Sweeper(QmarkConfig config, FeedbackRepository feedbackItems, Escalations escalations, SweepList sweepList,
                   MailClaims claims, MailSender mail, ReplyTokens tokens, SentMailTexts sentTexts, Clock clock) {
        this.sentTexts = sentTexts;
        this.config = config;
        this.feedbackItems = feedbackItems;
        this.escalations = escalations;
        this.sweepList = sweepList;
        this.claims = claims;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.tokens = tokens;
        this.escalator = new Escalator(config, feedbackItems, escalations, claims, mail, tokens, sentTexts, null,
                Metrics.NONE, clock); // the sweeper counts what its report says it sent
        this.mails = new DeadlineMails(config);
        this.orphans = new OrphanedQuestions(config, feedbackItems, escalations, sweepList, claims, mail, tokens, sentTexts,
                clock);
        this.passedOn = new QuestionsPassedOn(config, feedbackItems, escalations, escalator, clock);
        this.clock = clock;
    }

    /** A sweep with all the time it needs. */
    public SweepReport sweep() {
        return sweep(() -> true);
    }

    /**
     * One sweep. {@code timeLeft} says whether there is time for one more check (the Lambda
     * handler asks its context); when it says no, the sweep stops and reports what it left.
     */
    public SweepReport sweep(BooleanSupplier timeLeft) {
        Instant now = clock.instant();
        SweepTally tally = new SweepTally(now);
        if (!orphansLookedFor) {
            // configuration travels with the code: a new container may be the first with a change
            orphansLookedFor = true;
            try {
                orphans.adoptAll(tally);
            } catch (RuntimeException e) {
                // never a reason to skip the deadlines; each sweep still adopts the due orphans it meets
                LOG.warn("looking for orphaned questions failed", e);
            }
        }
        Set<String> seen = new HashSet<>();
        String cursor = null;
        boolean outOfTime = false;
        do {
            DuePage page = sweepList.dueEscalations(now, PAGE, cursor);
            for (Escalation escalation : page.items()) {
                if (!seen.add(escalation.id())) {
                    continue;
                }
                tally.due++;
                if (outOfTime || !timeLeft.getAsBoolean()) {
                    outOfTime = true;
                    tally.left++;
                    continue;
                }
                try (LogFields fields = LogFields.escalation(escalation.feedbackId(), escalation.step())) {
                    check(escalation, now, tally);
                } catch (TryAgainLater busy) {
                    // another sweep (or the escalator) holds a claim on it right now: not a failure
                    tally.busy.add(escalation.id());
                } catch (RuntimeException e) {
                    try (LogFields fields = LogFields.escalation(escalation.feedbackId(), escalation.step())) {
                        failed(escalation, now, e, tally);
                    }
                }
            }
            cursor = page.cursor();
        } while (cursor != null && !outOfTime);
        tally.more = cursor != null;
        orphans.tellFounder(tally);
        SweepReport report = tally.report(seen.size());
        LOG.info(report.logLine());
        return report;
    }

    /**
     * A check threw: the escalation's next check moves later with backoff, the failure and its
     * reason are recorded on it, and after too many in a row it leaves the sweeper's list for the
     * stuck list. A conditional write: two sweeps failing on it at once count one failure.
     */
    private void failed(Escalation escalation, Instant now, RuntimeException e, SweepTally tally) {
        tally.failed++;
        int failures = escalation.sweep().failures() + 1;
        boolean stuck = failures >= config.stuckAfterFailures();
        String problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        String message = "sweeping " + escalation.id() + " failed (" + failures + " in a row)"
                + (stuck ? "; set aside as stuck" : "; postponed");
        if (stuck) {
            LOG.error(message, e);
        } else {
            LOG.warn(message, e);
        }
        try {
            TimelineEvent event = stuck ? new TimelineEvent(now, "stuck", "the sweeper failed " + failures
                    + " times in a row (last: " + problem + "); set aside: GET /escalations?status=stuck") : null;
            if (sweepList.postponeCheck(escalation, Backoff.nextCheck(now, failures), problem, now, stuck, event)) {
                (stuck ? tally.stuck : tally.postponed).add(escalation.id());
            }
        } catch (RuntimeException postponing) {
            // the table itself fails: nothing to record it in; the next sweep meets the item again
            LOG.warn("postponing " + escalation.id() + " failed too", postponing);
        }
    }

    private void check(Escalation escalation, Instant now, SweepTally tally) {
        if (escalation.status() == null) {
            // the repository could not read it (see SweepState): fail it like any check, never every sweep
            throw new IllegalStateException(escalation.sweep().problem());
        }
        if (escalation.status() == EscalationStatus.ORPHANED) {
            orphans.finish(escalation, tally);
        } else if (escalation.status() == EscalationStatus.UNDELIVERABLE || escalation.status() == EscalationStatus.AWAY) {
            // the next "?" after a bounce or an out-of-office reply is not out yet, or an away owner is back
            passedOn.finish(escalation);
        } else if (escalation.status() == EscalationStatus.OPEN && config.owner(escalation.owner()).isEmpty()) {
            orphans.adopt(escalation, tally);
        } else if (escalation.status() == EscalationStatus.LATE) {
            followUpBreach(escalation, now, tally);
        } else if (escalation.isLateAt(now)) {
            Owner owner = config.requireOwner(escalation.owner());
            if (escalations.markLate(escalation, now, new TimelineEvent(now, "late",
                    owner.name() + " did not answer by " + escalation.dueAt()))) {
                tally.breached.add(escalation.id());
            }
            followUpBreach(escalation, now, tally);
        } else if (escalation.status() == EscalationStatus.OPEN) {
            remind(escalation, now, tally);
        }
        // anything else: its state changed since the index was read, nothing to do
        // (a claim another sweep holds throws TryAgainLater: counted busy by the caller, not done)
        tally.done++;
    }

    /**
     * Sends the latest reminder that is due; earlier ones it overtook are not sent at all.
     *
     * @throws TryAgainLater when another sweep holds the reminder's claim right now
     */
    private void remind(Escalation escalation, Instant now, SweepTally tally) {
        var times = escalation.reminderTimes();
        int due = 0;
        while (due < times.size() && !times.get(due).isAfter(now)) {
            due++;
        }
        if (due <= escalation.remindersSent()) {
            return;
        }
        String notice = "reminder-" + due;
        Instant nextCheck = due < times.size() ? times.get(due) : escalation.dueAt();
        // read what the mail needs before claiming it: a failure here leaves no claim behind
        Feedback feedback = feedbackItems.find(escalation.feedbackId())
                .orElseThrow(() -> new IllegalStateException("feedback " + escalation.feedbackId() + " is not stored"));
        Owner owner = config.requireOwner(escalation.owner());
        Notice reminder = notice(escalation, notice);
        // marked sent by markRemindersSent below, whoever sent it: one write also moves the next check
        if (sendOnce.send(reminder.describe(), (at, lease) -> claims.claim(reminder, at, lease),
                () -> kept(escalation, notice, mails.reminder(feedback, escalation, owner, replyAddress(escalation),
                        config.customerAddress(tokens.issueForCustomer(escalation.feedbackId(), escalation.step())), now)),
                (messageId, at) -> { }) == SendOnce.Sent.NOW) {
            tally.reminded.add(escalation.id());
        }
        escalations.markRemindersSent(escalation.feedbackId(), escalation.step(), due, nextCheck, now,
                new TimelineEvent(now, "reminded", "reminder " + due + " to " + escalation.owner()));
    }

    /**
     * After a breach: the next person up the chain is asked (the founder at the top), the owner
     * is told, and the escalation leaves the sweeper's list. Each part is claimed, so a retry
     * repeats only what did not happen. An owner who left the configuration meanwhile is not told;
     * the question goes where an orphaned one would (see {@link OrphanedQuestions}).
     *
     * @throws TryAgainLater when another sweep holds the late notice's claim right now
     */
    private void followUpBreach(Escalation escalation, Instant now, SweepTally tally) {
        FeedbackRecord record = feedbackItems.findRecord(escalation.feedbackId())
                .orElseThrow(() -> new IllegalStateException("feedback " + escalation.feedbackId() + " is not stored"));
        if (record.feedback().status() == FeedbackStatus.ANSWERED) {
            // answered meanwhile: the answer stopped this clock; one asked on an answered item (a low rating's
            // "?", or one whose mark raced the answer) is off the open list now all the same, not checked each sweep
            escalations.finishBreach(escalation.feedbackId(), escalation.step());
            return;
        }
        if (record.escalation(escalation.step()).map(e -> e.status() != EscalationStatus.LATE).orElse(true)) {
            return;  // not late after all: handed on just before the deadline (its next step is the hand-on's)
        }
        Owner owner = config.owner(escalation.owner()).orElse(null);
        Owner next = null;
        if (Triage.isTriageStep(config, record.feedback(), escalation)) {
            // the founder let the triage pass: the route's owner gets it, as a bare "?" would have sent it
            next = config.owner(Triage.routeOwner(record.feedback()))
                    .orElseGet(() -> orphans.inChargeInstead(record, Triage.routeOwner(record.feedback())));
        } else if (owner == null) {
            next = orphans.inChargeInstead(record, escalation.owner());
        } else if (!QmarkConfig.FOUNDER.equals(owner.alias())) {
            next = config.requireOwner(config.chainAbove(owner.alias()).get(0));
        }
        if (next != null) {
            Optional<Escalation> asked = record.escalation(escalation.step() + 1);
            if (asked.isEmpty() || asked.get().status() == EscalationStatus.ASKING) {
                Route route = Triage.routeOf(config, record.feedback()).orElse(null);
                Duration within = record.feedback().route() != null ? record.feedback().route().answerWithin()
                        : Duration.between(escalation.askedAt(), escalation.dueAt());
                Instant due = config.calendarFor(route, next.alias()).plusWorkingTime(now, within)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                // the record read above serves the escalator too: one read of the item per breach
                Escalator.Outcome outcome = escalator.ask(new EscalationRequest(escalation.feedbackId(),
                        escalation.step() + 1, next.alias(), due), record);
                if (outcome == Escalator.Outcome.ASKED) {
                    tally.escalated.add(escalation.id() + " -> " + next.alias());
                }
            }
        }
        if (owner != null) {
            Owner after = next;
            if (sendOnce.send(notice(escalation, "late"), () -> kept(escalation, "late", mails.late(record.feedback(),
                    escalation, owner, replyAddress(escalation), after, now)), at -> new TimelineEvent(now, "told-late", owner.name()
                    + " told the deadline passed" + (after == null ? "" : "; asked " + after.name())))
                    == SendOnce.Sent.NOW) {
                tally.toldLate.add(escalation.id());
            }
        }
        escalations.finishBreach(escalation.feedbackId(), escalation.step());
        return;
    }

    private static Notice notice(Escalation escalation, String name) {
        return new Notice.OfEscalation(escalation.feedbackId(), escalation.step(), name);
    }

    private String replyAddress(Escalation escalation) {
        return config.replyAddress(tokens.issue(escalation.feedbackId(), escalation.step()));
    }

    /** Keeps the text of a mail the owner may reply to before it is sent (the same again on a retry). */
    private OutgoingMail kept(Escalation escalation, String kind, OutgoingMail mail) {
        sentTexts.keep(escalation.feedbackId(), escalation.step(), kind, mail.text());
        return mail;
    }
}
