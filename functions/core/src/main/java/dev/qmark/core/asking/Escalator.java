package dev.qmark.core.asking;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.deadline.ReminderPlan;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the "?" mail for an escalation request, once ({@link SendOnce}): the escalation is created
 * as ASKING (the claim) before the mail goes out and marked OPEN after. A redelivered request finds
 * it sent and does nothing; one that meets another attempt's claim is tried again later.
 */
public final class Escalator {

    private static final int EARLIER_SHOWN = 5;
    private static final Logger LOG = LoggerFactory.getLogger(Escalator.class);

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final SendOnce sendOnce;
    private final ReplyTokens tokens;
    private final QuestionMail questionMail;
    private final SentMailTexts sentTexts;
    private final Clock clock;

    public Escalator(QmarkConfig config, FeedbackRepository repository, MailSender mail, ReplyTokens tokens,
                     Clock clock) {
        this(config, repository, mail, tokens, SentMailTexts.NONE, clock);
    }

    /** With {@code sentTexts}: every "?" sent is kept, so that a reply copying it can be cut (WrittenText). */
    public Escalator(QmarkConfig config, FeedbackRepository repository, MailSender mail, ReplyTokens tokens,
                     SentMailTexts sentTexts, Clock clock) {
        this.sentTexts = sentTexts;
        this.config = config;
        this.repository = repository;
        this.sendOnce = new SendOnce(repository, mail, clock);
        this.tokens = tokens;
        this.questionMail = new QuestionMail(config);
        this.clock = clock;
    }

    public enum Outcome { ASKED, ALREADY_ASKED, ALREADY_ANSWERED }

    public Outcome ask(EscalationRequest request) {
        FeedbackRecord record = repository.findRecord(request.feedbackId())
                .orElseThrow(() -> new IllegalStateException("feedback " + request.feedbackId() + " is not stored"));
        Feedback feedback = record.feedback();
        if (feedback.status() == FeedbackStatus.ANSWERED) {
            // an answer from anyone asked stops every clock: nobody else is asked any more
            return Outcome.ALREADY_ANSWERED;
        }
        Owner owner = config.requireOwner(request.owner());
        Escalation escalation = new Escalation(feedback.id(), request.step(), owner.alias(), owner.email(),
                EscalationStatus.ASKING, null, request.dueAt(), null, null, null);
        SendOnce.Sent sent = sendOnce.send("escalation " + escalation.id(),
                (now, lease) -> repository.claimEscalation(escalation, now, lease),
                () -> compose(record, escalation, owner),
                (messageId, at) -> markAsked(feedback, request, owner, messageId, at));
        return sent == SendOnce.Sent.NOW ? Outcome.ASKED : Outcome.ALREADY_ASKED;
    }

    private OutgoingMail compose(FeedbackRecord record, Escalation escalation, Owner owner) {
        Feedback feedback = record.feedback();
        List<Feedback> earlier = earlierFrom(feedback);
        List<Escalation> askedBefore = record.escalations().stream().filter(e -> e.step() < escalation.step()).toList();
        String replyAddress = config.replyAddress(tokens.issue(feedback.id(), escalation.step()));
        OutgoingMail mail = questionMail.compose(feedback, escalation, owner, replyAddress, earlier, askedBefore);
        // kept before it is sent (a retry keeps the same again): no "?" is out without its text
        sentTexts.keep(feedback.id(), escalation.step(), "question", mail.text());
        return mail;
    }

    /** OPEN: the clock runs from when the mail went out, with its reminders. */
    private void markAsked(Feedback feedback, EscalationRequest request, Owner owner, String messageId, Instant sent) {
        Route route = feedback.route() == null ? null : config.route(feedback.route().route()).orElse(null);
        List<Instant> reminders = ReminderPlan.times(sent, request.dueAt(), config.remindersFor(route),
                config.calendarFor(route, owner.alias()));
        repository.markAsked(feedback.id(), request.step(), messageId, sent, reminders, new TimelineEvent(sent, "asked",
                "\"?\" sent to " + owner.name() + " <" + owner.email() + ">, due " + request.dueAt()));
    }

    /**
     * The customer's earlier feedback, shown on the "?". Context only: an earlier item this version
     * cannot read (or a failing read) must never keep the question itself from going out.
     */
    private List<Feedback> earlierFrom(Feedback feedback) {
        try {
            return repository.earlierFeedback(feedback.customer().email(), feedback.id(), EARLIER_SHOWN);
        } catch (RuntimeException e) {
            LOG.warn("earlier feedback of " + feedback.id() + "'s customer unreadable; the \"?\" goes without it", e);
            return List.of();
        }
    }
}
