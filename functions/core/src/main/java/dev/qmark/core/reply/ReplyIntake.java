package dev.qmark.core.reply;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.AnswerMail;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.ReplyTokens;
import dev.qmark.core.escalation.TryAgainLater;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.mail.AutomaticMail;
import dev.qmark.core.mail.InboundMail;
import dev.qmark.core.mail.ReplyText;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.FeedbackRepository.ReviewItem;
import dev.qmark.core.ports.MailSender;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a received mail as an answer to a "?": the reply address names the escalation and
 * carries an HMAC; only the person asked (or an address configured for them) may answer. The
 * new text above the quoted "?" becomes the answer, the escalation closes, and the founder is
 * told. Anything else changes nothing and is kept for a person to review.
 */
public final class ReplyIntake {

    private static final Duration NOTICE_LEASE = Duration.ofSeconds(30);
    private static final String FOUNDER_NOTICE = "founder";

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final MailSender mail;
    private final ReplyTokens tokens;
    private final AnswerMail answerMail;
    private final Clock clock;

    public ReplyIntake(QmarkConfig config, FeedbackRepository repository, MailSender mail, ReplyTokens tokens,
                       Clock clock) {
        this.config = config;
        this.repository = repository;
        this.mail = mail;
        this.tokens = tokens;
        this.answerMail = new AnswerMail(config);
        this.clock = clock;
    }

    /** What became of a mail, and why. */
    public record Outcome(Kind kind, String feedbackId, String reason) {
        public enum Kind { ANSWERED, ALREADY_ANSWERED, KEPT_FOR_REVIEW }
    }

    /**
     * @param mailId             the receiving system's id of this mail (SES message id): the same mail
     *                           delivered twice has the same id
     * @param rawLocation        where the raw MIME lies, for the review list
     * @param envelopeRecipients the SMTP recipients, which Bcc and forwarding do not hide
     */
    public Outcome accept(InboundMail received, String mailId, String rawLocation, List<String> envelopeRecipients) {
        Optional<String> automatic = AutomaticMail.reason(received, config.sender());
        if (automatic.isPresent()) {
            return review(received, mailId, rawLocation, "automatic mail (" + automatic.get() + "), not an answer");
        }
        Optional<String> token = replyToken(received, envelopeRecipients);
        if (token.isEmpty()) {
            return review(received, mailId, rawLocation, "not addressed to a reply address");
        }
        Optional<ReplyTokens.EscalationRef> ref = tokens.verify(token.get());
        if (ref.isEmpty()) {
            return review(received, mailId, rawLocation, "forged or damaged reply token '" + token.get() + "'");
        }
        String feedbackId = ref.get().feedbackId();
        int step = ref.get().step();
        Optional<FeedbackRecord> record = repository.findRecord(feedbackId);
        Optional<Escalation> escalation = record.flatMap(r -> r.escalation(step));
        if (escalation.isEmpty()) {
            return review(received, mailId, rawLocation, "reply token names escalation " + feedbackId + "-" + step
                    + ", which does not exist");
        }
        Owner asked = config.requireOwner(escalation.get().owner());
        if (!asked.answersFrom(received.from()) && !escalation.get().ownerEmail().equalsIgnoreCase(String.valueOf(received.from()))) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id() + " from "
                    + received.from() + ", who was not asked (" + asked.email() + " was)");
        }
        String answer = ReplyText.newText(received.text());
        if (answer.isBlank()) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id() + " has no text");
        }
        Instant now = clock.instant();
        FeedbackRepository.AnswerOutcome recorded = repository.recordAnswer(feedbackId, step, answer,
                received.from(), mailId, now, new TimelineEvent(now, "answered",
                        asked.name() + " <" + received.from() + "> answered"));
        if (recorded == FeedbackRepository.AnswerOutcome.NOT_OPEN) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id()
                    + ", which is not open (answered before)");
        }
        tellFounder(feedbackId, step, asked);
        return new Outcome(recorded == FeedbackRepository.AnswerOutcome.RECORDED
                ? Outcome.Kind.ANSWERED : Outcome.Kind.ALREADY_ANSWERED, feedbackId, "answered by " + received.from());
    }

    private void tellFounder(String feedbackId, int step, Owner answeredBy) {
        switch (repository.claimNotice(feedbackId, step, FOUNDER_NOTICE, clock.instant(), NOTICE_LEASE)) {
            case ALREADY_SENT -> {
                return;
            }
            case BUSY -> throw new TryAgainLater("the founder's notice for " + feedbackId + "-" + step + " is being sent");
            case CLAIMED -> {
                // go on below
            }
        }
        FeedbackRecord record = repository.findRecord(feedbackId).orElseThrow();
        Escalation answered = record.escalation(step).orElseThrow();
        mail.send(answerMail.compose(record.feedback(), answered, answeredBy));
        Instant now = clock.instant();
        repository.markNoticeSent(feedbackId, step, FOUNDER_NOTICE, now,
                new TimelineEvent(now, "founder-told", "answer sent to " + config.founder().name()));
    }

    /** The reply token: envelope recipients first (what SES delivered to), then To and Cc. */
    private Optional<String> replyToken(InboundMail received, List<String> envelopeRecipients) {
        List<String> candidates = new ArrayList<>(envelopeRecipients);
        candidates.addAll(received.to());
        candidates.addAll(received.cc());
        return candidates.stream()
                .map(address -> ReplyTokens.tokenOf(address, config.inboundDomain()))
                .flatMap(Optional::stream)
                .findFirst();
    }

    private Outcome review(InboundMail received, String mailId, String rawLocation, String reason) {
        repository.keepForReview(new ReviewItem(mailId, rawLocation, received.from(), received.subject(), reason,
                clock.instant()));
        return new Outcome(Outcome.Kind.KEPT_FOR_REVIEW, null, reason);
    }
}
