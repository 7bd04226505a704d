package dev.qmark.core.customer;

import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.CustomerLetters.Letter;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailThreads;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.ports.ReviewQueue.ReviewItem;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.text.Hashes;
import dev.qmark.core.text.StoredText;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.mail.ReplyText;
import dev.qmark.mail.WrittenText;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Mail to {@code customer+<token>@} (issue 9): written by someone asked about the item (or the
 * founder), relayed to the customer from the company ({@link LetterMail}), once. Never relayed:
 * automatic mail, mail SES could not authenticate, anyone else's mail, and a text in which any
 * line of an internal mail remains after the reply-text rules (kept for review, the writer told).
 *
 * <p>The customer's reply (it joins the item by its reference, as any customer mail does) is passed
 * on to whoever wrote to them last, answerable the same two ways; a reply that only says thanks is
 * recorded and asks nobody for anything.
 */
public final class CustomerRelay {

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final ReviewQueue review;
    private final MailClaims claims;
    private final MailThreads threads;
    private final CustomerLetters letters;
    private final SentMailTexts sentTexts;
    private final ReplyTokens tokens;
    private final SendOnce sendOnce;
    private final MailSender mail;
    private final LetterMail letterMail;
    private final CustomerReplyMail replyMail;
    private final HeldLetterMail heldMail;
    private final String publicUrl;
    private final Clock clock;

    /** @param publicUrl where the public HTTP API answers (the rating pages), without a trailing slash */
    public CustomerRelay(QmarkConfig config, FeedbackRepository repository, ReviewQueue review, MailClaims claims,
                         MailThreads threads, CustomerLetters letters,
                         SentMailTexts sentTexts, MailSender mail, ReplyTokens tokens, String publicUrl, Clock clock) {
        this.config = config;
        this.repository = repository;
        this.review = review;
        this.claims = claims;
        this.threads = threads;
        this.letters = letters;
        this.sentTexts = sentTexts;
        this.tokens = tokens;
        this.mail = mail;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.letterMail = new LetterMail(config);
        this.replyMail = new CustomerReplyMail(config);
        this.heldMail = new HeldLetterMail(config);
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        this.clock = clock;
    }

    /** What became of a mail to a customer address. */
    public record Outcome(Kind kind, String feedbackId, String reason) {
        public enum Kind { RELAYED, ALREADY_RELAYED, HELD, KEPT_FOR_REVIEW }
    }

    /**
     * A mail to a {@code customer+<token>@} address that {@code intake.InboundMailDecision} let through:
     * not a robot's, not Qmark's own, its sender authenticated by SPF or DKIM. Here: the token, the
     * writer (someone asked about the item, or the founder) and the text decide.
     */
    public Outcome accept(InboundMail received, String mailId, String rawLocation, List<String> envelopeRecipients) {
        Optional<String> token = ReplyTokens.customerTokenIn(received, envelopeRecipients, config.inboundDomain());
        Optional<ReplyTokens.EscalationRef> ref = token.flatMap(tokens::verifyForCustomer);
        if (ref.isEmpty()) {
            return review(received, mailId, rawLocation, "forged or damaged customer address token '" + token.orElse("") + "'");
        }
        String feedbackId = ref.get().feedbackId();
        int step = ref.get().step();
        Optional<FeedbackRecord> record = repository.findRecord(feedbackId);
        if (record.isEmpty() || record.get().escalation(step).isEmpty()) {
            return review(received, mailId, rawLocation, "customer address names " + feedbackId + "-" + step + ", which does not exist");
        }
        Optional<Owner> writer = writer(record.get(), received.from());
        if (writer.isEmpty()) {
            return review(received, mailId, rawLocation, "mail to " + feedbackId + "'s customer from " + received.from()
                    + ", who was not asked about it: never relayed");
        }
        String key = Hashes.sha256(mailId).substring(0, 16);
        Feedback feedback = record.get().feedback();
        Optional<Letter> before = letters.letter(feedbackId, key);
        if (before.isEmpty()) {
            String text = WrittenText.cut(ReplyText.newText(received.text()), sentTexts.texts(feedbackId)).strip();
            if (text.isBlank()) {
                return review(received, mailId, rawLocation, "mail to " + feedbackId + "'s customer has no text");
            }
            if (WrittenText.anyLineRemains(text, sentTexts.internalTexts(feedbackId))) {
                return hold(received, mailId, rawLocation, feedback, key,
                        "a line of an internal mail about this item (the \"?\" or a reminder) is in what you wrote");
            }
            Instant now = clock.instant();
            String kept = StoredText.keepBytes(text, StoredText.DETAIL_BYTES).text();
            letters.recordLetter(new Letter(feedbackId, key, step, received.from(), firstName(writer.get()), now, kept),
                    new TimelineEvent(now, "written-to-customer", writer.get().name() + " <" + received.from()
                            + "> wrote to the customer: " + kept));
        }
        Letter letter = letters.letter(feedbackId, key).orElseThrow();
        Notice notice = new Notice.OfItem(feedbackId, "letter#" + key);
        SendOnce.Sent sent = sendOnce.send(notice.describe(), (now, lease) -> claims.claim(notice, now, lease),
                () -> {
                    OutgoingMail out = letterMail.compose(feedback, letter, ratingUrl(feedbackId, key),
                            letters.customerMessage(feedbackId).orElse(null));
                    // what the customer was told: the safety net cuts a reply that copies it
                    sentTexts.keep(feedbackId, step, SentMailTexts.TO_CUSTOMER + key, out.text());
                    return out;
                },
                (messageId, at) -> {
                    // the customer's reply threads to the item by this Message-ID (and the reference in the subject)
                    threads.rememberMessage(messageId, feedbackId);
                    claims.markSent(notice, at, new TimelineEvent(at, "customer-mail-sent",
                            "mail from " + letter.writerName() + " sent to the customer"));
                });
        return new Outcome(sent == SendOnce.Sent.NOW ? Outcome.Kind.RELAYED : Outcome.Kind.ALREADY_RELAYED, feedbackId,
                "written to the customer by " + received.from());
    }

    /**
     * After a customer's mail was taken in: a new item keeps the mail's Message-ID (what is written to
     * the customer is threaded under it); a mail that joined an item is passed on ({@link #customerReplied}).
     */
    public void customerMailTaken(String feedbackId, boolean newItem, InboundMail received, String mailId) {
        if (newItem) {
            // a staff forward's Message-ID is the forwarder's, not the customer's: nothing to thread under
            boolean theirOwn = repository.find(feedbackId).map(f -> f.customer().email().equalsIgnoreCase(received.from()))
                    .orElse(false);
            if (theirOwn && received.messageId() != null && !received.messageId().isBlank()) {
                letters.rememberCustomerMessage(feedbackId, received.messageId());
            }
        } else {
            customerReplied(feedbackId, received, mailId);
        }
    }

    /**
     * A customer's mail that joined an item: passed on to whoever wrote to them last (once per mail),
     * unless it only says thanks, which is recorded and asks nobody anything. Nothing when nobody wrote.
     */
    public void customerReplied(String feedbackId, InboundMail received, String mailId) {
        List<Letter> written = letters.letters(feedbackId);
        if (written.isEmpty()) {
            return;
        }
        Feedback feedback = repository.find(feedbackId).orElseThrow();
        Letter last = written.get(written.size() - 1);
        String reply = WrittenText.cut(ReplyText.newText(received.text()), sentTexts.texts(feedbackId)).strip();
        String key = Hashes.sha256(mailId).substring(0, 16);
        if (ThanksOnly.is(reply, feedback.customer().name())) {
            repository.addCustomerMail(feedbackId, mailId + "#thanks", new TimelineEvent(clock.instant(), "customer-thanked",
                    "the customer only said thanks; nothing reopened"));
            return;
        }
        String shown = reply.isBlank() ? "(no text)" : StoredText.keepBytes(reply, StoredText.DETAIL_BYTES).text();
        sendOnce.send(new Notice.OfItem(feedbackId, "customer-reply#" + key), () -> {
            OutgoingMail out = replyMail.compose(feedback, last.writerEmail(), shown,
                    config.replyAddress(tokens.issue(feedbackId, last.step())),
                    config.customerAddress(tokens.issueForCustomer(feedbackId, last.step())));
            sentTexts.keep(feedbackId, last.step(), "customer-reply-" + key, out.text());
            return out;
        }, at -> new TimelineEvent(at, "customer-reply-passed-on", "the customer's reply passed on to " + last.writerName()));
    }

    /** The owner of any escalation of the item (or an address allowed for them), or the founder. */
    private Optional<Owner> writer(FeedbackRecord record, String from) {
        if (from == null) {
            return Optional.empty();
        }
        List<Owner> candidates = new ArrayList<>();
        candidates.add(config.founder());
        for (Escalation e : record.escalations()) {
            config.owner(e.owner()).ifPresent(candidates::add);
        }
        return candidates.stream().filter(o -> o.answersFrom(from) || o.email().equalsIgnoreCase(from)).findFirst();
    }

    private static String firstName(Owner owner) {
        return owner.name().strip().split("\\s+")[0];
    }

    private String ratingUrl(String feedbackId, String key) {
        return publicUrl + "/rate/" + tokens.issueRating(feedbackId, key) + "?score=";
    }

    private Outcome hold(InboundMail received, String mailId, String rawLocation, Feedback feedback, String key, String why) {
        Outcome kept = review(received, mailId, rawLocation, "held, not relayed to the customer: " + why);
        sendOnce.send(new Notice.OfItem(feedback.id(), "letter-held#" + key),
                () -> heldMail.compose(feedback, received.from(), why),
                at -> new TimelineEvent(at, "customer-mail-held", received.from() + " told their mail to the customer was held: " + why));
        return new Outcome(Outcome.Kind.HELD, feedback.id(), kept.reason());
    }

    private Outcome review(InboundMail received, String mailId, String rawLocation, String reason) {
        review.keepForReview(new ReviewItem(mailId, rawLocation, received.from(), received.subject(), reason, clock.instant()));
        return new Outcome(Outcome.Kind.KEPT_FOR_REVIEW, null, reason);
    }
}
