package dev.qmark.core.intake;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.mail.InboundMail;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.mail.ForwardedMessage;
import dev.qmark.core.ports.FeedbackQueue;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailThreads;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.routing.Router;
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
    private final FeedbackRepository feedbackItems;
    private final MailThreads threads;
    private final ReviewQueue review;
    private final FeedbackQueue queue;
    private final MailSender mail;
    private final AcknowledgementMail acknowledgement;
    private final OwnAddresses own;
    private final Router router;
    private final Metrics metrics;
    private final Clock clock;

    /** Each new item counts in {@code metrics} as feedback received by mail. */
    public CustomerMailIntake(QmarkConfig config, FeedbackRepository feedbackItems, MailThreads threads, ReviewQueue review,
                              FeedbackQueue queue, MailSender mail, Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.config = config;
        this.feedbackItems = feedbackItems;
        this.threads = threads;
        this.review = review;
        this.queue = queue;
        this.mail = mail;
        this.acknowledgement = new AcknowledgementMail(config);
        this.own = new OwnAddresses(config.inboundDomain(), config.sender());
        this.router = new Router(config);
        this.clock = clock;
    }

    /** What became of a customer's mail. */
    public record Outcome(Kind kind, String feedbackId, String reason) {
        public enum Kind { NEW_FEEDBACK, ADDED_TO_THREAD, RECORDED_ON_TIMELINE, KEPT_FOR_REVIEW }
    }

    /**
     * A person's mail to the feedback address ({@link InboundMailDecision.CustomerMail}): more words
     * in their thread, or new feedback.
     */
    public Outcome accept(InboundMail received, String mailId, String rawLocation) {
        Instant now = clock.instant();
        if (received.from() == null) {
            return review(received, mailId, rawLocation, "no sender address that can be answered", now);
        }
        Optional<String> thread = thread(received);
        if (thread.isPresent()) {
            boolean added = feedbackItems.addCustomerMail(thread.get(), mailId, new TimelineEvent(now, "customer-mail",
                    received.from() + " wrote again: " + text(received).text()));
            return new Outcome(Outcome.Kind.ADDED_TO_THREAD, thread.get(), added ? "added" : "added before");
        }
        return newFeedback(received, mailId, rawLocation, now);
    }

    /**
     * A robot's mail to the feedback address ({@link InboundMailDecision.Robot}): recorded on the
     * thread it belongs to, else kept for review; never answered.
     */
    public Outcome automatic(InboundMail received, String mailId, String rawLocation, String why) {
        Instant now = clock.instant();
        Optional<String> thread = received.from() == null ? Optional.empty() : thread(received);
        if (thread.isPresent()) {
            feedbackItems.recordEvent(thread.get(), new TimelineEvent(now, "automatic-mail",
                    "automatic mail from " + received.from() + " (" + why + "): " + received.subject()));
            return new Outcome(Outcome.Kind.RECORDED_ON_TIMELINE, thread.get(), why);
        }
        return review(received, mailId, rawLocation, "automatic mail (" + why + ")", now);
    }

    private Outcome newFeedback(InboundMail received, String mailId, String rawLocation, Instant now) {
        // the list is for people; the files stay in the raw mail. Bounded, so no mail outgrows an item.
        List<Feedback.Attachment> attachments = attachments(received);
        // as much as a form post may carry: the item stays small for lists and "?" mails; the mail stays in S3
        String subject = received.subject() == null || received.subject().isBlank() ? null
                : StoredText.keep(received.subject().strip(), SubmissionValidator.MAX_SUBJECT, StoredText.LINE_BYTES).text();
        String name = StoredText.keep(received.fromName(), SubmissionValidator.MAX_NAME, StoredText.LINE_BYTES).text();
        StoredText.Kept message = text(received);
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.EMAIL,
                new Customer(name, received.from()), subject, message.text(), null, now,
                FeedbackStatus.RECEIVED, null, attachments);
        String key = Hashes.sha256("mail\n" + mailId);
        FeedbackRepository.Stored stored = feedbackItems.storeNew(feedback, key, key, now.plus(SAME_MAIL_WINDOW),
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
     * A "?" forward from staff ({@link InboundMailDecision.StaffForward}, SPF or DKIM passed):
     * feedback from the original sender (name, address, subject, words), the forwarder, their note
     * and the original's date on the timeline; {@code ?} routes it by the rules, {@code ? @alias}
     * sends it to that owner. The original sender is acknowledged only when the configuration says
     * so: they wrote to a person, not to Qmark.
     */
    public Outcome forwarded(InboundMail received, String mailId, String rawLocation, ForwardCommand command) {
        Instant now = clock.instant();
        if (command.alias() != null && config.owner(command.alias()).isEmpty()) {
            return review(received, mailId, rawLocation, "a \"? @" + command.alias() + "\" forward names nobody: no owner @"
                    + command.alias() + " in the configuration", now);
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
        // the forward carries the original's files (Gmail forwards them; an attached forward is one): listed as on any mail
        Feedback feedback = new Feedback(FeedbackIds.newId(), Channel.EMAIL, new Customer(name, email), subject,
                message.text(), null, now, FeedbackStatus.RECEIVED, null, attachments(received));
        String key = Hashes.sha256("mail\n" + mailId);
        String note = original.note().isBlank() ? "" : ": " + StoredText.bounded(original.note(), StoredText.DETAIL_BYTES / 2);
        List<TimelineEvent> events = new ArrayList<>();
        events.add(new TimelineEvent(now, "received", "forwarded with \"?\" by " + received.from()
                        + (original.date().isBlank() ? "" : "; written " + StoredText.bounded(original.date(), 200))
                        + note + (message.cut() ? "; its text was cut to " + message.howMuch() + " (the full mail is at "
                        + rawLocation + ")" : "")));
        if (command.alias() != null) {
            // the forwarder chose the owner: the route is decided here and stored with the item (no read finds it
            // without), the router only asks them; it stays RECEIVED, on the recovery's list, until asked
            RouteDecision route = router.decideFor(feedback, command.alias(), now);
            feedback = feedback.withRoute(route);
            events.add(new TimelineEvent(now.plusMillis(1), "routed", "sent to " + command.alias() + " by " + received.from()
                    + " (\"? @" + command.alias() + "\"), answer within " + route.answerWithin()));
        }
        FeedbackRepository.Stored stored = feedbackItems.storeNew(feedback, key, key, now.plus(SAME_MAIL_WINDOW), events);
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
        if (!threads.takeAcknowledgement(to, now.truncatedTo(ChronoUnit.HOURS), ACKNOWLEDGEMENTS_PER_HOUR)) {
            feedbackItems.recordEvent(feedback.id(), new TimelineEvent(now, "not-acknowledged",
                    to + " had " + ACKNOWLEDGEMENTS_PER_HOUR + " acknowledgements this hour"));
            return;
        }
        // a forwarded sender's thread is with the forwarder, not with the forward: no In-Reply-To then
        String inReplyTo = to.equalsIgnoreCase(received.from()) ? received.messageId() : null;
        String messageId = mail.send(acknowledgement.compose(feedback, inReplyTo));
        threads.rememberMessage(messageId, feedback.id());
        feedbackItems.recordEvent(feedback.id(), new TimelineEvent(now.plusMillis(1), "acknowledged",
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
            threads.feedbackByMessageId(id).ifPresent(candidates::add);
            // SES replaces the Message-ID of mail it sends with <its message id>@<region>.amazonses.com
            if (id.contains("@")) {
                threads.feedbackByMessageId(id.substring(0, id.indexOf('@'))).ifPresent(candidates::add);
            }
        }
        for (String feedbackId : candidates) {
            Optional<Feedback> feedback = feedbackItems.find(feedbackId);
            if (feedback.isPresent() && feedback.get().customer().email().equalsIgnoreCase(received.from())) {
                return Optional.of(feedbackId);
            }
        }
        return Optional.empty();
    }

    private static List<Feedback.Attachment> attachments(InboundMail received) {
        List<Feedback.Attachment> attachments = new ArrayList<>();
        received.attachments().stream().limit(MAX_ATTACHMENTS_LISTED).forEach(a -> attachments.add(new Feedback.Attachment(
                shorten(a.fileName(), 200), shorten(a.contentType(), 100), a.size())));
        return attachments;
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
        review.keepForReview(new ReviewQueue.ReviewItem(mailId, rawLocation, received.from(), received.subject(),
                reason, now));
        return new Outcome(Outcome.Kind.KEPT_FOR_REVIEW, null, reason);
    }
}
