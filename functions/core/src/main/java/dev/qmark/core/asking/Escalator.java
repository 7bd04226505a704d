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
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
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
    private final FeedbackRepository feedbackItems;
    private final Escalations escalations;
    private final SendOnce sendOnce;
    private final ReplyTokens tokens;
    private final QuestionMail questionMail;
    private final SentMailTexts sentTexts;
    private final CustomerLetters letters;
    private final Metrics metrics;
    private final Clock clock;

    /**
     * Every "?" sent is kept in {@code sentTexts}, so that a reply copying it can be cut (WrittenText). With
     * {@code letters}, a "?" says what the customer was told since and how they rated it (the founder's "?" a
     * low rating asks); null leaves that out. Each "?" sent now counts in {@code metrics} (a redelivery that
     * finds it sent does not).
     */
    public Escalator(QmarkConfig config, FeedbackRepository feedbackItems, Escalations escalations, MailClaims claims,
                     MailSender mail, ReplyTokens tokens, SentMailTexts sentTexts, CustomerLetters letters, Metrics metrics,
                     Clock clock) {
        this.letters = letters;
        this.metrics = metrics;
        this.sentTexts = sentTexts;
        this.config = config;
        this.feedbackItems = feedbackItems;
        this.escalations = escalations;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.tokens = tokens;
        this.questionMail = new QuestionMail(config);
        this.clock = clock;
    }

    public enum Outcome { ASKED, ALREADY_ASKED, ALREADY_ANSWERED }

    /**
     * Asks as {@code request} says, reading the item first. The first step's "?" rests on nothing but the item's
     * content and its route (nobody was asked before it, nothing written to the customer), so it may be read from
     * a lagging replica: with the route in the request ({@link EscalationRequest#decision}) the item is read
     * consistently only when the lagging read found none ({@link FeedbackRepository#findRecordToAsk}), without
     * it also when it shows no route ({@link FeedbackRepository#findRoutedRecord}); later steps show what earlier
     * ones did and read consistently. Either way every write below is conditional: a stale status only makes a
     * retry's {@code markItemAsked} try a write its condition refuses.
     */
    public Outcome ask(EscalationRequest request) {
        String id = request.feedbackId();
        Optional<FeedbackRecord> record = request.step() != 1 ? feedbackItems.findRecord(id)
                : request.decision() != null ? feedbackItems.findRecordToAsk(id) : feedbackItems.findRoutedRecord(id);
        return ask(request, record.orElseThrow(() -> new IllegalStateException("feedback " + id + " is not stored")));
    }

    /**
     * {@link #ask(EscalationRequest)} with the item and its escalations the caller has just read
     * consistently (a sweep's breach): one read per invocation. Every write below is conditional, so
     * a change since that read is refused, not overwritten.
     *
     * <p>The route: the item's when it has one (recorded first, it stands), else the one the request
     * carries, recorded with the item's ASKED in the write that follows the "?" (and, when a crash came
     * between the "?" and that write, by the retry that finds the "?" sent).
     */
    public Outcome ask(EscalationRequest request, FeedbackRecord seen) {
        Feedback feedback = seen.feedback();
        if (feedback.status() == FeedbackStatus.ANSWERED && !request.evenIfAnswered()) {
            // an answer from anyone asked stops every clock: nobody else is asked any more
            return Outcome.ALREADY_ANSWERED;
        }
        RouteDecision toRecord = feedback.route() == null ? request.decision() : null;
        FeedbackRecord record = toRecord == null ? seen : seen.withFeedback(feedback.withRoute(toRecord));
        TimelineEvent routed = toRecord == null ? null : toRecord.routedEvent(request.owner());
        String routeName = record.feedback().route() == null ? null : record.feedback().route().route();
        Owner owner = config.requireOwner(request.owner());
        Escalation escalation = new Escalation(feedback.id(), request.step(), owner.alias(), owner.email(),
                EscalationStatus.ASKING, null, request.dueAt(), null, null, null);
        SendOnce.Sent sent = sendOnce.send("escalation " + escalation.id(),
                (now, lease) -> escalations.claimEscalation(escalation, routeName, now, lease),
                () -> compose(record, escalation, owner),
                (messageId, at) -> markAsked(record, request, owner, messageId, at, toRecord, routed));
        if (sent == SendOnce.Sent.NOW) {
            metrics.questionsSent(1);
            return Outcome.ASKED;
        }
        if (feedback.status() == FeedbackStatus.RECEIVED || feedback.status() == FeedbackStatus.ROUTED) {
            // the "?" is out (its escalation is past ASKING) but the item was not marked: the attempt that sent
            // it died between its two writes; this redelivery (or the recovery's) writes the second, with the
            // route its request carries unless the item has one by then
            escalations.markItemAsked(feedback.id(), toRecord, routed);
        }
        return Outcome.ALREADY_ASKED;
    }

    private OutgoingMail compose(FeedbackRecord record, Escalation escalation, Owner owner) {
        Feedback feedback = record.feedback();
        List<Feedback> earlier = earlierFrom(feedback);
        List<Escalation> askedBefore = record.escalations().stream().filter(e -> e.step() < escalation.step()).toList();
        String replyAddress = config.replyAddress(tokens.issue(feedback.id(), escalation.step()));
        String customerAddress = config.customerAddress(tokens.issueForCustomer(feedback.id(), escalation.step()));
        OutgoingMail mail = questionMail.compose(feedback, escalation, owner, replyAddress, earlier, askedBefore,
                customerAddress, afterward(record, askedBefore));
        // kept before it is sent (a retry keeps the same again): no "?" is out without its text
        sentTexts.keep(feedback.id(), escalation.step(), "question", mail.text());
        return mail;
    }

    /**
     * The answers given, what the customer was told and how they rated it: a low rating's "?" shows it all.
     * From the record's own read when it brought the letters (they share the item's partition), else read now.
     */
    private List<String> afterward(FeedbackRecord record, List<Escalation> askedBefore) {
        if (letters == null) {
            return List.of();
        }
        String feedbackId = record.feedback().id();
        Optional<FeedbackRecord.Written> read = record.customerLetters();
        List<CustomerLetters.Letter> written = read.map(FeedbackRecord.Written::letters)
                .orElseGet(() -> letters.letters(feedbackId));
        if (written.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        for (Escalation e : askedBefore) {
            if (e.answer() != null && !e.answer().isBlank()) {
                lines.add("Answer by " + config.owner(e.owner()).map(Owner::name).orElse(e.owner()) + ":\n"
                        + MailFormat.quote(e.answer()));
            }
        }
        for (CustomerLetters.Letter letter : written) {
            lines.add("The customer was told by " + letter.writerName() + " (" + letter.at() + "):\n"
                    + MailFormat.quote(letter.text()));
            read.map(w -> w.rating(letter.key())).orElseGet(() -> letters.rating(feedbackId, letter.key())).ifPresent(r -> lines.add("The customer rated it " + r.score()
                    + " of 5" + (r.comment().isBlank() ? "." : ", commenting:\n" + MailFormat.quote(r.comment()))));
        }
        return lines;
    }

    /** OPEN: the clock runs from when the mail went out, with its reminders. */
    private void markAsked(FeedbackRecord record, EscalationRequest request, Owner owner, String messageId, Instant sent,
                           RouteDecision toRecord, TimelineEvent routed) {
        Feedback feedback = record.feedback();
        Route route = feedback.route() == null ? null : config.route(feedback.route().route()).orElse(null);
        List<Instant> reminders = ReminderPlan.times(sent, request.dueAt(), config.remindersFor(route),
                config.calendarFor(route, owner.alias()));
        escalations.markAsked(record, request.step(), messageId, sent, reminders, new TimelineEvent(sent, "asked",
                "\"?\" sent to " + owner.name() + " <" + owner.email() + ">, due " + request.dueAt()), toRecord, routed);
    }

    /**
     * The customer's earlier feedback, shown on the "?". Context only: an earlier item this version
     * cannot read (or a failing read) must never keep the question itself from going out.
     */
    private List<Feedback> earlierFrom(Feedback feedback) {
        try {
            return feedbackItems.earlierFeedback(feedback.customer().email(), feedback.id(), EARLIER_SHOWN);
        } catch (RuntimeException e) {
            LOG.warn("earlier feedback of " + feedback.id() + "'s customer unreadable; the \"?\" goes without it", e);
            return List.of();
        }
    }
}
