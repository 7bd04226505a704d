package dev.qmark.core.intake;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.mail.AutomaticMail;
import dev.qmark.mail.InboundMail;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.mail.ForwardedMessage;
import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.text.Hashes;
import dev.qmark.core.text.StoredText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A customer's mail to the feedback address becomes feedback (channel email), stored first and
 * then routed like a form post, with a short acknowledgement. A later mail in the same thread
 * (a reply to that acknowledgement: its reference in the subject, or In-Reply-To/References of a
 * mail Qmark sent them — only from the same sender) joins the same item. Auto-replies and bounces
 * are recorded, never answered: that is how mail loops start.
 */
public final class CustomerMailIntake {

    /** Acknowledgements one sender may get in an hour: enough for people, too few for a loop. */
    public static final int ACKNOWLEDGEMENTS_PER_HOUR = 3;
    /** Attachments named on the item; a mail may carry more (all stay in S3). */
    static final int MAX_ATTACHMENTS_LISTED = 50;
    private static final Duration SAME_MAIL_WINDOW = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(CustomerMailIntake.class);

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final FeedbackQueue queue;
    private final MailSender mail;
    private final AcknowledgementMail acknowledgement;
    private final OwnAddresses own;
    private final Metrics metrics;
    private final Clock clock;

    public CustomerMailIntake(QmarkConfig config, FeedbackRepository repository, FeedbackQueue queue, MailSender mail,
                              Clock clock) {
        this(config, repository, queue, mail, Metrics.NONE, clock);
    }

    /** With {@code metrics}: each new item counts as feedback received by mail. */
    public CustomerMailIntake(QmarkConfig config, FeedbackRepository repository, FeedbackQueue queue, MailSender mail,
                              Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.config = config;
        this.repository = repository;
        this.queue = queue;
        this.mail = mail;
        this.acknowledgement = new AcknowledgementMail(config);
        this.own = new OwnAddresses(config.inboundDomain(), config.sender());
        this.clock = clock;
    }

    /** What became of a customer's mail. */
    public record Outcome(Kind kind, String feedbackId, String reason) {
        public enum Kind { NEW_FEEDBACK, ADDED_TO_THREAD, RECORDED_ON_TIMELINE, KEPT_FOR_REVIEW }
    }

    public Outcome accept(InboundMail received, String mailId, String rawLocation) {
        return accept(received, mailId, rawLocation, SenderAuthentication.UNKNOWN);
    }

    /**
     * @param authentication SES's SPF and DKIM verdicts: a "?" forward is a staff command, and like
     *                       the founder's other commands it counts only when one of them passed
     */
    public Outcome accept(InboundMail received, String mailId, String rawLocation, SenderAuthentication authentication) {
        Instant now = clock.instant();
        if (received.from() == null) {
            return review(received, mailId, rawLocation, "no sender address that can be answered", now);
        }
        Optional<String> thread = thread(received);
        Optional<String> automatic = AutomaticMail.reason(received, config.sender());
        if (automatic.isPresent()) {
            if (thread.isPresent()) {
                repository.recordEvent(thread.get(), new TimelineEvent(now, "automatic-mail",
                        "automatic mail from " + received.from() + " (" + automatic.get() + "): " + received.subject()));
                return new Outcome(Outcome.Kind.RECORDED_ON_TIMELINE, thread.get(), automatic.get());
            }
            return review(received, mailId, rawLocation, "automatic mail (" + automatic.get() + ")", now);
        }
        Optional<String> ours = own.why(received.from());
        if (ours.isPresent()) {
            // never feedback, never acknowledged: an acknowledgement would come straight back in
            return review(received, mailId, rawLocation, "sent from " + received.from() + ", " + ours.get()
                    + ": Qmark's own mail never becomes feedback, or Qmark would mail itself", now);
        }
        Optional<ForwardCommand> forward = config.mayForward(received.from())
                ? ForwardCommand.parse(received.text()) : Optional.empty();
        if (forward.isPresent()) {
            return forwarded(received, mailId, rawLocation, forward.get(),
                    authentication == null ? SenderAuthentication.UNKNOWN : authentication, now);
        }
        if (thread.isPresent()) {
            boolean added = repository.addCustomerMail(thread.get(), mailId, new TimelineEvent(now, "customer-mail",
                    received.from() + " wrote again: " + text(received).text()));
            return new Outcome(Outcome.Kind.ADDED_TO_THREAD, thread.get(), added ? "added" : "added before");
        }
        return newFeedback(received, mailId, rawLocation, now);
    }

    private Outcome newFeedback(InboundMail received, String mailId, String rawLocation, Instant now) {
        // the list is for people; the files stay in the raw mail. Bounded, so no mail outgrows an item.
        List<Feedback.Attachment> attachments = new ArrayList<>();
        received.attachments().stream().limit(MAX_ATTACHMENTS_LISTED).forEach(a -> attachments.add(new Feedback.Attachment(
                shorten(a.fileName(), 200), shorten(a.contentType(), 100), a.size())));
        // as much as a form post may carry: the item stays small for lists and "?" mails; the mail stays in S3
        String subject = received.subject() == null || received.subject().isBlank() ? null
                : StoredText.keep(received.subject().strip(), SubmissionValidator.MAX_SUBJECT, StoredText.LINE_BYTES).text();
        String name = StoredText.keep(received.fromName(), SubmissionValidator.MAX_NAME, StoredText.LINE_BYTES).text();
        StoredText.Kept message = text(received);
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.EMAIL,
                new Customer(name, received.from()), subject, message.text(), null, now,
                FeedbackStatus.RECEIVED, null, attachments);
        String key = Hashes.sha256("mail\n" + mailId);
        FeedbackRepository.Stored stored = repository.storeNew(feedback, key, key, now.plus(SAME_MAIL_WINDOW),
                new TimelineEvent(now, "received", "received by mail from " + received.from()
                        + (attachments.isEmpty() ? "" : " with " + attachments.size() + " attachment(s)")
                        + (message.cut() ? "; its text was cut to " + message.howMuch() + " (the full mail is at "
                                + rawLocation + ")" : "")));
        try {
            queue.enqueue(stored.feedbackId());
        } catch (RuntimeException e) {
            LOG.warn("feedback " + stored.feedbackId() + " is stored but could not be enqueued: " + e);
        }
        if (stored.created()) {
            metrics.feedbackReceived(Channel.EMAIL);
            acknowledge(feedback, received, received.from(), now);
        }
        return new Outcome(Outcome.Kind.NEW_FEEDBACK, stored.feedbackId(), stored.created() ? "stored" : "stored before");
    }

    /**
     * A "?" forward from staff: feedback from the original sender (name, address, subject, words),
     * the forwarder and their note on the timeline, routed by the rules. The original sender is
     * acknowledged only when the configuration says so: they wrote to a person, not to Qmark.
     */
    private Outcome forwarded(InboundMail received, String mailId, String rawLocation, ForwardCommand command,
                              SenderAuthentication authentication, Instant now) {
        if (!authentication.passes()) {
            return review(received, mailId, rawLocation, "a \"?\" forward from " + received.from()
                    + " counts only when SPF or DKIM passes (" + authentication.describe() + ")", now);
        }
        if (command.alias() != null) {
            // sending a forward straight to an owner needs a route decision the router does not take yet
            return review(received, mailId, rawLocation, "a \"? @" + command.alias()
                    + "\" forward is not applied yet: route it by hand", now);
        }
        ForwardedMessage original = command.forwarded();
        String email = original.from().address().toLowerCase(java.util.Locale.ROOT);
        if (own.why(email).isPresent()) {
            return review(received, mailId, rawLocation, "a \"?\" forward of Qmark's own mail", now);
        }
        String subject = original.subject().isBlank() ? null
                : StoredText.keep(original.subject().strip(), SubmissionValidator.MAX_SUBJECT, StoredText.LINE_BYTES).text();
        String name = StoredText.keep(original.from().displayName(), SubmissionValidator.MAX_NAME, StoredText.LINE_BYTES).text();
        StoredText.Kept message = StoredText.keep(original.body().isBlank() ? "(no text)" : original.body(),
                SubmissionValidator.MAX_MESSAGE, StoredText.LONG_TEXT_BYTES);
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.EMAIL, new Customer(name, email), subject,
                message.text(), null, now, FeedbackStatus.RECEIVED, null, List.of());
        String key = Hashes.sha256("mail\n" + mailId);
        String note = original.note().isBlank() ? "" : ": " + StoredText.bounded(original.note(), StoredText.DETAIL_BYTES / 2);
        FeedbackRepository.Stored stored = repository.storeNew(feedback, key, key, now.plus(SAME_MAIL_WINDOW),
                new TimelineEvent(now, "received", "forwarded with \"?\" by " + received.from()
                        + (original.date().isBlank() ? "" : "; written " + StoredText.bounded(original.date(), 200))
                        + note + (message.cut() ? "; its text was cut to " + message.howMuch() + " (the full mail is at "
                        + rawLocation + ")" : "")));
        try {
            queue.enqueue(stored.feedbackId());
        } catch (RuntimeException e) {
            LOG.warn("feedback " + stored.feedbackId() + " is stored but could not be enqueued: " + e);
        }
        if (stored.created()) {
            metrics.feedbackReceived(Channel.EMAIL);
        }
        if (stored.created() && config.acknowledgeForwarded()) {
            acknowledge(feedback, received, email, now);
        }
        return new Outcome(Outcome.Kind.NEW_FEEDBACK, stored.feedbackId(),
                stored.created() ? "stored from a forward" : "stored before");
    }

    /** At most one acknowledgement per thread (only new items get one) and a few per sender per hour. */
    private void acknowledge(Feedback feedback, InboundMail received, String to, Instant now) {
        if (!repository.takeAcknowledgement(to, now.truncatedTo(ChronoUnit.HOURS), ACKNOWLEDGEMENTS_PER_HOUR)) {
            repository.recordEvent(feedback.id(), new TimelineEvent(now, "not-acknowledged",
                    to + " had " + ACKNOWLEDGEMENTS_PER_HOUR + " acknowledgements this hour"));
            return;
        }
        // a forwarded sender's thread is with the forwarder, not with the forward: no In-Reply-To then
        String inReplyTo = to.equalsIgnoreCase(received.from()) ? received.messageId() : null;
        String messageId = mail.send(acknowledgement.compose(feedback, inReplyTo));
        repository.rememberMessage(messageId, feedback.id());
        repository.recordEvent(feedback.id(), new TimelineEvent(now.plusMillis(1), "acknowledged",
                "acknowledgement sent to " + to));
    }

    /**
     * The item this mail continues: the reference in its subject, or a Message-ID of ours it
     * replies to — only when the sender is that item's customer (a reference is no password, but
     * nobody else's mail joins a customer's thread).
     */
    private Optional<String> thread(InboundMail received) {
        List<String> candidates = new ArrayList<>();
        AcknowledgementMail.referenceIn(received.subject()).ifPresent(candidates::add);
        List<String> ids = new ArrayList<>(received.inReplyTo());
        ids.addAll(received.references());
        for (String id : ids) {
            repository.feedbackByMessageId(id).ifPresent(candidates::add);
            // SES replaces the Message-ID of mail it sends with <its message id>@<region>.amazonses.com
            if (id.contains("@")) {
                repository.feedbackByMessageId(id.substring(0, id.indexOf('@'))).ifPresent(candidates::add);
            }
        }
        for (String feedbackId : candidates) {
            Optional<Feedback> feedback = repository.find(feedbackId);
            if (feedback.isPresent() && feedback.get().customer().email().equalsIgnoreCase(received.from())) {
                return Optional.of(feedbackId);
            }
        }
        return Optional.empty();
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    /** The mail's text, at most what a form post may carry, with a marker where it was cut. */
    private static StoredText.Kept text(InboundMail received) {
        String text = received.text() == null ? "" : received.text().strip();
        return StoredText.keep(text.isEmpty() ? "(no text)" : text, SubmissionValidator.MAX_MESSAGE,
                StoredText.LONG_TEXT_BYTES);
    }

    private Outcome review(InboundMail received, String mailId, String rawLocation, String reason, Instant now) {
        repository.keepForReview(new FeedbackRepository.ReviewItem(mailId, rawLocation, received.from(), received.subject(),
                reason, now));
        return new Outcome(Outcome.Kind.KEPT_FOR_REVIEW, null, reason);
    }
}
