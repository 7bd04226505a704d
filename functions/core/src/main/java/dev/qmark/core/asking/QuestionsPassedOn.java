package dev.qmark.core.asking;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.sending.TryAgainLater;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A question whose owner cannot be reached goes on at once, not at its deadline: mail to them
 * bounced hard or was rejected (UNDELIVERABLE), or they answered with an out-of-office reply
 * (AWAY). Their deputy is asked, else their manager, with a fresh deadline and a note that says
 * why (for AWAY, with the auto-reply's text). An owner who was away is asked again when back, only
 * if still nobody answered.
 *
 * <p>As with orphaned questions every step is conditional and crash-safe: OPEN to UNDELIVERABLE or
 * AWAY once (the escalation stays on the sweeper's list, due now, until the next "?" is out, so a
 * sweep finishes what a crash left), the next "?" through the escalator's claim.
 */
public final class QuestionsPassedOn {

    /** An away owner whose reply names no return date is asked again after this long. */
    public static final Duration DEFAULT_AWAY = Duration.ofDays(3);
    /** How much of an auto-reply goes along on the next "?" (it is context, not the answer). */
    static final int AUTO_REPLY_CHARS = 2000;
    private static final Logger LOG = LoggerFactory.getLogger(QuestionsPassedOn.class);

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final Escalations escalations;
    private final Escalator escalator;
    private final Clock clock;

    public QuestionsPassedOn(QmarkConfig config, FeedbackRepository repository, Escalations escalations, Escalator escalator,
                             Clock clock) {
        this.escalations = escalations;
        this.config = config;
        this.repository = repository;
        this.escalator = escalator;
        this.clock = clock;
    }

    /** What became of a question whose owner could not be reached. */
    public enum Outcome {
        /** it went on now */
        PASSED_ON,
        /** nothing to do: not open any more (answered, late, handed on, passed on before) */
        NOT_OPEN,
        /** nobody stands in for the owner (the founder without a deputy): the timeline says so */
        NOBODY_ELSE
    }

    /**
     * Mail to the person asked on {@code feedbackId}-{@code step} bounced hard or was rejected.
     *
     * @param messageId the bounced mail's message id (a redelivered event is the same)
     * @param why       what SES said, for the timeline and the next person
     * @throws TryAgainLater when the "?" is still being marked sent (the event outran it)
     */
    public Outcome undeliverable(String feedbackId, int step, String messageId, String why) {
        Instant now = clock.instant();
        return passOn(feedbackId, step, EscalationStatus.UNDELIVERABLE, "bounce:" + messageId, null, (owner, next) ->
                "Mail to " + owner.name() + " <" + owner.email() + "> could not be delivered (" + why
                        + "); the question goes to " + next.name() + " (" + next.alias() + ") at once. Their address is"
                        + " flagged: GET /escalations shows it.", now);
    }

    /**
     * The person asked answered with an out-of-office reply: their deputy, else their manager, is
     * asked now; they are asked again at {@code backAt} (their return date, else {@link #DEFAULT_AWAY})
     * if still nobody answered.
     */
    public Outcome away(String feedbackId, int step, String mailId, String autoReplyText, Instant backAt) {
        Instant now = clock.instant();
        Instant back = backAt != null && backAt.isAfter(now) ? backAt : now.plus(DEFAULT_AWAY);
        String text = autoReplyText == null ? "" : autoReplyText.strip();
        String quoted = text.length() > AUTO_REPLY_CHARS ? text.substring(0, AUTO_REPLY_CHARS) + " [...]" : text;
        return passOn(feedbackId, step, EscalationStatus.AWAY, mailId, back, (owner, next) ->
                owner.name() + " <" + owner.email() + "> is away (out-of-office reply); the question goes to "
                        + next.name() + " (" + next.alias() + ") at once, and back to " + owner.name() + " at " + back
                        + " if nobody answered by then." + (quoted.isEmpty() ? "" : " Their auto-reply:\n\n" + quoted), now);
    }

    private interface Note {
        String write(Owner owner, Owner next);
    }

    private Outcome passOn(String feedbackId, int step, EscalationStatus status, String mailId, Instant backAt, Note note,
                           Instant now) {
        FeedbackRecord record = repository.findRecord(feedbackId)
                .orElseThrow(() -> new IllegalStateException("feedback " + feedbackId + " is not stored"));
        Optional<Escalation> found = record.escalation(step);
        if (found.isPresent() && found.get().status() == EscalationStatus.ASKING) {
            throw new TryAgainLater(feedbackId + "-" + step + " is still being asked");
        }
        if (found.isEmpty() || found.get().status() != EscalationStatus.OPEN
                || record.feedback().status() == FeedbackStatus.ANSWERED) {
            return Outcome.NOT_OPEN;
        }
        Escalation escalation = found.get();
        Optional<Owner> owner = config.owner(escalation.owner());
        Optional<Owner> next = owner.flatMap(o -> config.standIn(o.alias()));
        if (owner.isEmpty() || next.isEmpty()) {
            // the founder without a deputy: nobody is above; the deadline and the founder's view remain
            repository.recordEvent(feedbackId, new TimelineEvent(now, status.wireName(), escalation.owner()
                    + " cannot be reached and nobody stands in for them; the question waits for its deadline"));
            return Outcome.NOBODY_ELSE;
        }
        Route route = Triage.routeOf(config, record.feedback()).orElse(null);
        Duration within = record.feedback().route() != null ? record.feedback().route().answerWithin()
                : Duration.between(escalation.askedAt(), escalation.dueAt());
        Instant due = config.calendarFor(route, next.get().alias()).plusWorkingTime(now, within).truncatedTo(ChronoUnit.SECONDS);
        int toStep = record.escalations().stream().mapToInt(Escalation::step).max().orElse(step) + 1;
        String text = note.write(owner.get(), next.get());
        HandOn handOn = new HandOn(next.get().alias(), toStep, due, now, "qmark", text, mailId, backAt);
        if (!escalations.recordPassedOn(feedbackId, step, status, handOn, new TimelineEvent(now, status.wireName(), text))) {
            return Outcome.NOT_OPEN;
        }
        LOG.info("{}-{} {}: passed on to {} as step {}", feedbackId, step, status.wireName(), handOn.to(), toStep);
        ask(escalation, status, handOn);
        return Outcome.PASSED_ON;
    }

    /**
     * The sweeper met an escalation passed on as UNDELIVERABLE or AWAY on its list: the next "?"
     * is not out yet (a crash), or an away owner's return is due.
     */
    public void finish(Escalation passed) {
        HandOn handOn = passed.handedOn();
        FeedbackRecord record = repository.findRecord(passed.feedbackId())
                .orElseThrow(() -> new IllegalStateException("feedback " + passed.feedbackId() + " is not stored"));
        Optional<Escalation> next = record.escalation(handOn.toStep());
        if (next.isEmpty() || next.get().status() == EscalationStatus.ASKING) {
            ask(passed, passed.status(), handOn);
            return;
        }
        if (passed.status() == EscalationStatus.AWAY && record.feedback().status() != FeedbackStatus.ANSWERED
                && config.owner(passed.owner()).isPresent()) {
            askAgainWhenBack(record, passed);
        }
        escalations.finishPassedOn(passed.feedbackId(), passed.step(), passed.status(), null);
    }

    private void ask(Escalation passed, EscalationStatus status, HandOn handOn) {
        escalator.ask(new EscalationRequest(passed.feedbackId(), handOn.toStep(), handOn.to(), handOn.dueAt()));
        // an away owner is checked again when back; an unreachable one never
        escalations.finishPassedOn(passed.feedbackId(), passed.step(), status,
                status == EscalationStatus.AWAY ? handOn.backAt() : null);
    }

    /** Back, and still nobody answered: the owner is asked again with a fresh deadline. */
    private void askAgainWhenBack(FeedbackRecord record, Escalation away) {
        Instant now = clock.instant();
        Escalation last = record.escalations().stream().reduce((a, b) -> b.step() > a.step() ? b : a).orElseThrow();
        // asked again before (a sweep that died before finishing): the same step again, the escalator's claim decides
        int step = last.owner().equals(away.owner()) && last.step() > away.handedOn().toStep() ? last.step() : last.step() + 1;
        Owner owner = config.requireOwner(away.owner());
        Route route = Triage.routeOf(config, record.feedback()).orElse(null);
        Duration within = record.feedback().route() != null ? record.feedback().route().answerWithin()
                : Duration.between(away.askedAt(), away.dueAt());
        Instant due = config.calendarFor(route, owner.alias()).plusWorkingTime(now, within).truncatedTo(ChronoUnit.SECONDS);
        escalator.ask(new EscalationRequest(away.feedbackId(), step, owner.alias(), due));
    }
}
