package dev.qmark.core.sweep;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.Escalator;
import dev.qmark.core.escalation.ReplyTokens;
import dev.qmark.core.escalation.Triage;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.FeedbackRepository.Claim;
import dev.qmark.core.ports.MailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs the clocks: every minute it reads the escalations whose next check is due (the sparse
 * deadline index: cost grows with what is due, not with the table) and, for each, sends the
 * reminder that is due, or on a breach marks it late, asks the next person up the owner's
 * manager chain with a fresh deadline, and tells the owner. Every step is a conditional write or
 * a claimed mail, so two sweeps at once, a sweep racing an answer, or a sweep retried after a
 * crash each send one reminder, take one breach step, send one mail.
 */
public final class Sweeper {

    /** Escalations read per page; a sweep reads pages until nothing is due (at most {@link #MAX_PAGES}). */
    static final int PAGE = 100;
    static final int MAX_PAGES = 20;
    private static final Duration NOTICE_LEASE = Duration.ofSeconds(30);
    private static final Logger LOG = Logger.getLogger(Sweeper.class.getName());

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final MailSender mail;
    private final ReplyTokens tokens;
    private final Escalator escalator;
    private final DeadlineMails mails;
    private final Clock clock;

    public Sweeper(QmarkConfig config, FeedbackRepository repository, MailSender mail, ReplyTokens tokens, Clock clock) {
        this.config = config;
        this.repository = repository;
        this.mail = mail;
        this.tokens = tokens;
        this.escalator = new Escalator(config, repository, mail, tokens, clock);
        this.mails = new DeadlineMails(config);
        this.clock = clock;
    }

    public SweepReport sweep() {
        Instant now = clock.instant();
        SweepReport report = new SweepReport(now, 0, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                new ArrayList<>(), new ArrayList<>());
        Set<String> seen = new HashSet<>();
        for (int page = 0; page < MAX_PAGES; page++) {
            List<Escalation> due = repository.dueEscalations(now, PAGE);
            List<Escalation> fresh = due.stream().filter(e -> !seen.contains(e.id())).toList();
            for (Escalation escalation : fresh) {
                seen.add(escalation.id());
                try {
                    check(escalation, now, report);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "sweeping " + escalation.id() + " failed; the next sweep tries again", e);
                    report.postponed().add(escalation.id());
                }
            }
            if (due.size() < PAGE || fresh.isEmpty()) {
                break;
            }
        }
        return new SweepReport(now, seen.size(), report.reminded(), report.breached(), report.escalated(),
                report.toldLate(), report.postponed());
    }

    private void check(Escalation escalation, Instant now, SweepReport report) {
        if (escalation.status() == EscalationStatus.LATE) {
            followUpBreach(escalation, now, report);
        } else if (escalation.status() == EscalationStatus.OPEN && !now.isBefore(escalation.dueAt())) {
            Owner owner = config.requireOwner(escalation.owner());
            if (repository.markLate(escalation.feedbackId(), escalation.step(), now, new TimelineEvent(now, "late",
                    owner.name() + " did not answer by " + escalation.dueAt()))) {
                report.breached().add(escalation.id());
            }
            followUpBreach(escalation, now, report);
        } else if (escalation.status() == EscalationStatus.OPEN) {
            remind(escalation, now, report);
        }
    }

    /** Sends the latest reminder that is due; earlier ones it overtook are not sent at all. */
    private void remind(Escalation escalation, Instant now, SweepReport report) {
        List<Instant> times = escalation.reminderTimes();
        int due = 0;
        while (due < times.size() && !times.get(due).isAfter(now)) {
            due++;
        }
        if (due <= escalation.remindersSent()) {
            return;
        }
        String notice = "reminder-" + due;
        Instant nextCheck = due < times.size() ? times.get(due) : escalation.dueAt();
        Claim claim = repository.claimNotice(escalation.feedbackId(), escalation.step(), notice, now, NOTICE_LEASE);
        if (claim == Claim.BUSY) {
            report.postponed().add(escalation.id());
            return;
        }
        if (claim == Claim.CLAIMED) {
            Feedback feedback = repository.find(escalation.feedbackId()).orElseThrow();
            Owner owner = config.requireOwner(escalation.owner());
            mail.send(mails.reminder(feedback, escalation, owner, replyAddress(escalation), now));
            report.reminded().add(escalation.id());
        }
        repository.markRemindersSent(escalation.feedbackId(), escalation.step(), due, nextCheck, now,
                new TimelineEvent(now, "reminded", "reminder " + due + " to " + escalation.owner()));
    }

    /**
     * After a breach: the next person up the chain is asked (the founder at the top), the owner
     * is told, and the escalation leaves the sweeper's list. Each part is claimed, so a retry
     * repeats only what did not happen.
     */
    private void followUpBreach(Escalation escalation, Instant now, SweepReport report) {
        FeedbackRecord record = repository.findRecord(escalation.feedbackId()).orElseThrow();
        if (record.feedback().status() == FeedbackStatus.ANSWERED) {
            return;  // answered meanwhile: the answer stopped this clock
        }
        if (record.escalation(escalation.step()).map(e -> e.status() != EscalationStatus.LATE).orElse(true)) {
            return;  // not late after all: handed on just before the deadline (its next step is the hand-on's)
        }
        Owner owner = config.requireOwner(escalation.owner());
        Owner next = null;
        if (Triage.isTriageStep(config, record.feedback(), escalation)) {
            // the founder let the triage pass: the route's owner gets it, as a bare "?" would have sent it
            next = config.requireOwner(Triage.routeOwner(record.feedback()));
        } else if (!QmarkConfig.FOUNDER.equals(owner.alias())) {
            next = config.requireOwner(config.chainAbove(owner.alias()).get(0));
        }
        if (next != null) {
            Optional<Escalation> asked = record.escalation(escalation.step() + 1);
            if (asked.isEmpty() || asked.get().status() == EscalationStatus.ASKING) {
                Route route = routeOf(record.feedback());
                Duration within = record.feedback().route() != null ? record.feedback().route().answerWithin()
                        : Duration.between(escalation.askedAt(), escalation.dueAt());
                Instant due = config.calendarFor(route, next.alias()).plusWorkingTime(now, within)
                        .truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
                Escalator.Outcome outcome = escalator.ask(new EscalationRequest(escalation.feedbackId(),
                        escalation.step() + 1, next.alias(), due));
                if (outcome == Escalator.Outcome.ASKED) {
                    report.escalated().add(escalation.id() + " -> " + next.alias());
                }
            }
        }
        Claim claim = repository.claimNotice(escalation.feedbackId(), escalation.step(), "late", now, NOTICE_LEASE);
        if (claim == Claim.BUSY) {
            report.postponed().add(escalation.id());
            return;
        }
        if (claim == Claim.CLAIMED) {
            mail.send(mails.late(record.feedback(), escalation, owner, replyAddress(escalation), next, now));
            repository.markNoticeSent(escalation.feedbackId(), escalation.step(), "late", now,
                    new TimelineEvent(now, "told-late", owner.name() + " told the deadline passed"
                            + (next == null ? "" : "; asked " + next.name())));
            report.toldLate().add(escalation.id());
        }
        repository.finishBreach(escalation.feedbackId(), escalation.step());
    }

    private Route routeOf(Feedback feedback) {
        return feedback.route() == null ? null : config.route(feedback.route().route()).orElse(null);
    }

    private String replyAddress(Escalation escalation) {
        return config.replyAddress(tokens.issue(escalation.feedbackId(), escalation.step()));
    }
}
