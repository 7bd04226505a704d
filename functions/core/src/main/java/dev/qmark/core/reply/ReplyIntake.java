package dev.qmark.core.reply;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.asking.AnswerMail;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.StoppedClocks;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.asking.Triage;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.mail.OutOfOffice;
import dev.qmark.core.asking.QuestionsPassedOn;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.mail.ReplyText;
import dev.qmark.mail.WrittenText;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.ReviewQueue.ReviewItem;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import dev.qmark.core.text.Hashes;
import dev.qmark.core.text.StoredText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * Reads a received mail as an answer to a "?": the reply address names the escalation and
 * carries an HMAC; only the person asked (or an address configured for them) may answer. The
 * new text above the quoted "?" becomes the answer, the escalation closes, and the founder is
 * told. Anything else changes nothing and is kept for a person to review.
 *
 * <p>A reply whose first line is {@code ? @alias} or {@code ? address} ({@link HandOnCommand})
 * hands the question on instead: the escalation becomes HANDED_ON (off the sweeper's list, the
 * item not answered), the next step asks that owner with a fresh deadline through the
 * {@link Escalator} (which sends each "?" once), and the person who handed it on is told. On the
 * founder's triage step ({@link Triage}) a bare {@code ?} sends it to the route's owner. A hand-on
 * that names nobody, or the sender, changes nothing: the mail is kept and its sender told why, once.
 * The founder's commands count only when SES's SPF or DKIM verdict passed.
 *
 * <p>The founder replying {@code ?} (a note below it goes along) to the "Answered" mail, whose
 * reply address names the answered escalation, sends the answer back: the same owner is asked
 * again as the next step, with a fresh deadline and the founder's note on top ({@link #sendBack}).
 */
public final class ReplyIntake {

    private static final String FOUNDER_NOTICE = "founder";
    private static final String HANDED_ON_NOTICE = "handed-on";
    /** The writer told that their answer or note was cut to what an item holds. */
    private static final String CUT_NOTICE = "cut";

    private final QmarkConfig config;
    private final FeedbackRepository feedbackItems;
    private final Escalations escalations;
    private final ReviewQueue review;
    private final SendOnce sendOnce;
    private final MailClaims claims;
    private final ReplyTokens tokens;
    private final AnswerMail answerMail;
    private final HandOnMails handOnMails;
    private final CutNoticeMail cutNoticeMail;
    private final Escalator escalator;
    private final SentMailTexts sentTexts;
    private final CustomerLetters letters;
    private final QuestionsPassedOn passedOn;
    private final Metrics metrics;
    private final Clock clock;

    /**
     * An answer is cut where it starts to copy a mail Qmark sent about the item ({@code sentTexts}: WrittenText,
     * under the marker rules), and the hand-on's "?" is kept for the next reply. With {@code letters}, the
     * founder's "Answered" mail says whether the customer was written to (null leaves that out). Each answer
     * counts in {@code metrics}, late or not, with its time from arrival; hand-ons count their "?".
     */
    public ReplyIntake(QmarkConfig config, FeedbackRepository feedbackItems, Escalations escalations, ReviewQueue review,
                       MailClaims claims, MailSender mail, ReplyTokens tokens, SentMailTexts sentTexts,
                       CustomerLetters letters, Metrics metrics, Clock clock) {
        this.letters = letters;
        this.metrics = metrics;
        this.sentTexts = sentTexts;
        this.config = config;
        this.feedbackItems = feedbackItems;
        this.escalations = escalations;
        this.review = review;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.claims = claims;
        this.tokens = tokens;
        this.answerMail = new AnswerMail(config);
        this.handOnMails = new HandOnMails(config);
        this.cutNoticeMail = new CutNoticeMail(config);
        this.escalator = new Escalator(config, feedbackItems, escalations, claims, mail, tokens, sentTexts, letters, metrics,
                clock);
        this.passedOn = new QuestionsPassedOn(config, feedbackItems, escalations, escalator, clock);
        this.clock = clock;
    }

    /** What became of a mail, and why. */
    public record Outcome(Kind kind, String feedbackId, String reason) {
        public enum Kind {
            ANSWERED, ALREADY_ANSWERED, HANDED_ON, ALREADY_HANDED_ON, SENT_BACK, ALREADY_SENT_BACK, KEPT_FOR_REVIEW
        }
    }

    /** A mail without SES verdicts (an S3 notification): the founder's commands do not count. */
    public Outcome accept(InboundMail received, String mailId, String rawLocation, List<String> envelopeRecipients) {
        return accept(received, mailId, rawLocation, envelopeRecipients, SenderAuthentication.UNKNOWN);
    }

    /**
     * An answer ({@link dev.qmark.core.intake.InboundMailDecision.Answer}): what is left to check
     * needs the table (the token's escalation, who was asked).
     *
     * @param mailId             the receiving system's id of this mail (SES message id): the same mail
     *                           delivered twice has the same id
     * @param rawLocation        where the raw MIME lies, for the review list
     * @param envelopeRecipients the SMTP recipients, which Bcc and forwarding do not hide
     * @param authentication     SES's SPF and DKIM verdicts on the mail
     */
    public Outcome accept(InboundMail received, String mailId, String rawLocation, List<String> envelopeRecipients,
                          SenderAuthentication authentication) {
        authentication = authentication == null ? SenderAuthentication.UNKNOWN : authentication;
        // robots, Qmark's own mail and quarantined mail never get here: InboundMailDecision says what a mail is
        Optional<String> token = ReplyTokens.tokenIn(received, envelopeRecipients, config.inboundDomain());
        if (token.isEmpty()) {
            return review(received, mailId, rawLocation, "not addressed to a reply address");
        }
        Optional<ReplyTokens.EscalationRef> ref = tokens.verify(token.get());
        if (ref.isEmpty()) {
            return review(received, mailId, rawLocation, "forged or damaged reply token '" + token.get() + "'");
        }
        String feedbackId = ref.get().feedbackId();
        int step = ref.get().step();
        Optional<FeedbackRecord> record = feedbackItems.findRecord(feedbackId);
        Optional<Escalation> escalation = record.flatMap(r -> r.escalation(step));
        if (escalation.isEmpty()) {
            return review(received, mailId, rawLocation, "reply token names escalation " + feedbackId + "-" + step
                    + ", which does not exist");
        }
        if (answeredToFounder(escalation.get(), received.from())) {
            return sendBack(received, mailId, rawLocation, record.get(), escalation.get(), authentication);
        }
        Owner asked = config.requireOwner(escalation.get().owner());
        if (!asked.answersFrom(received.from()) && !escalation.get().ownerEmail().equalsIgnoreCase(String.valueOf(received.from()))) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id() + " from "
                    + received.from() + ", who was not asked (" + asked.email() + " was)");
        }
        String answer = WrittenText.cut(ReplyText.newText(received.text()), keptTexts(record.get()));
        if (answer.isBlank()) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id() + " has no text");
        }
        Optional<HandOnCommand> command = HandOnCommand.parse(answer);
        if (command.isPresent()) {
            return handOn(received, mailId, rawLocation, record.get(), escalation.get(), asked, command.get(),
                    authentication);
        }
        Instant now = clock.instant();
        // an item holds 400 KB: what fits is the answer on record, the whole mail stays in S3
        StoredText.Kept kept = StoredText.keepBytes(answer, StoredText.LONG_TEXT_BYTES);
        // the clocks it stops, decided on the record read above (a change meanwhile makes the repository read again)
        Optional<Escalation> answered = StoppedClocks.byAnswer(record.get().escalations(), step, now)
                .flatMap(stops -> stops.stream().filter(StoppedClocks.Stop::answering).findFirst())
                .map(stop -> answeredAs(stop, kept.text(), received.from(), now));
        // the answer's write claims the founder's "Answered" mail too (one write instead of two); a
        // redelivery claims it on its own in tellFounder, and finds this lease, the mark, or a lapsed lease
        Escalations.AnswerOutcome recorded = escalations.recordAnswer(record.get(), step, kept.text(),
                received.from(), mailId, now, new TimelineEvent(now, "answered",
                        asked.name() + " <" + received.from() + "> answered" + cutNote("answer", kept, rawLocation)),
                FOUNDER_NOTICE, now.plus(SendOnce.LEASE));
        if (recorded == Escalations.AnswerOutcome.NOT_OPEN) {
            return review(received, mailId, rawLocation, "reply to " + escalation.get().id()
                    + ", which is not open (" + (escalation.get().status() == EscalationStatus.HANDED_ON
                    ? "handed on" : "answered before") + ")");
        }
        if (recorded == Escalations.AnswerOutcome.RECORDED) {
            Escalation asked0 = escalation.get();
            metrics.answered(Duration.between(record.get().feedback().receivedAt(), now),
                    asked0.dueAt() != null && now.isAfter(asked0.dueAt()));
        }
        // just recorded: the founder's mail is made of what was read and written here, not read again
        tellFounder(record.get(), step, asked, recorded == Escalations.AnswerOutcome.RECORDED ? now : null,
                recorded == Escalations.AnswerOutcome.RECORDED
                ? answered.map(a -> new FeedbackRecord(record.get().feedback(), List.of(a), List.of(), null,
                        record.get().written())) : Optional.empty());
        tellWriterOfCut(feedbackId, step, received.from(), CutNoticeMail.What.ANSWER, kept, rawLocation);
        return new Outcome(recorded == Escalations.AnswerOutcome.RECORDED
                ? Outcome.Kind.ANSWERED : Outcome.Kind.ALREADY_ANSWERED, feedbackId, "answered by " + received.from());
    }

    /**
     * An out-of-office reply to a "?" (InboundMailDecision.OwnerAway): the question goes to the owner's deputy,
     * else their manager, at once; anything else about it (not the asked owner, not open) is kept for review.
     */
    public Outcome away(InboundMail received, String mailId, String rawLocation, List<String> envelopeRecipients) {
        return outOfOffice(received, mailId, envelopeRecipients).orElseGet(() ->
                review(received, mailId, rawLocation, "automatic mail (out-of-office reply), not an answer"));
    }

    private Optional<Outcome> outOfOffice(InboundMail received, String mailId, List<String> envelopeRecipients) {
        if (!OutOfOffice.is(received)) {
            return Optional.empty();
        }
        Optional<ReplyTokens.EscalationRef> ref = ReplyTokens.tokenIn(received, envelopeRecipients, config.inboundDomain())
                .flatMap(tokens::verify);
        Optional<Escalation> escalation = ref.flatMap(r -> feedbackItems.findRecord(r.feedbackId()))
                .flatMap(r -> r.escalation(ref.get().step()));
        Optional<Owner> asked = escalation.flatMap(e -> config.owner(e.owner()));
        if (escalation.isPresent() && escalation.get().status() == EscalationStatus.ASKING) {
            // the auto-reply outran the "?"'s own bookkeeping: the invocation is retried
            throw new dev.qmark.core.sending.TryAgainLater(escalation.get().id() + " is still being asked");
        }
        if (asked.isEmpty() || escalation.get().status() != EscalationStatus.OPEN
                || !(asked.get().answersFrom(received.from()) || escalation.get().ownerEmail().equalsIgnoreCase(String.valueOf(received.from())))) {
            return Optional.empty();
        }
        Instant back = OutOfOffice.returnsAt(received.subject() + "\n" + received.text(), clock.instant(), asked.get().timeZone())
                .orElse(null);
        QuestionsPassedOn.Outcome outcome = passedOn.away(escalation.get().feedbackId(), escalation.get().step(), mailId,
                received.text(), back);
        if (outcome != QuestionsPassedOn.Outcome.PASSED_ON) {
            return Optional.empty();
        }
        return Optional.of(new Outcome(Outcome.Kind.HANDED_ON, escalation.get().feedbackId(),
                "out-of-office reply from " + received.from() + ": passed on"));
    }

    /** The texts a reply may copy: from the record's own read when it brought them (one read of the item), else read now. */
    private List<String> keptTexts(FeedbackRecord record) {
        return record.keptTexts().orElseGet(() -> sentTexts.texts(record.feedback().id()));
    }

    /** The escalation as an answer leaves it: {@code stop}'s status, the answer, who and when. */
    private static Escalation answeredAs(StoppedClocks.Stop stop, String answer, String by, Instant at) {
        Escalation e = stop.escalation();
        return new Escalation(e.feedbackId(), e.step(), e.owner(), e.ownerEmail(), stop.after(), e.askedAt(), e.dueAt(),
                at, answer, by, e.reminderTimes(), e.remindersSent(), e.breachedAt(), e.handedOn(), e.sweep());
    }

    /**
     * The founder's "answered" mail, once; composed from {@code known} when given, else from the item read
     * now. {@code answeredNow}: this attempt's answer write, at that time, claimed it; null (a redelivery):
     * it is claimed here, unless {@code seen} shows it marked.
     *
     * <p>Its mark is the item's ANSWERED write ({@link Escalations#markAnswerTold}), made after the send:
     * the escalation already says answered (the sweeper and the figures go by it), and the item follows
     * once the founder has the answer. A retry finds the mark (nothing to do), the claim's lease running
     * (busy: try later) or lapsed (the attempt died: this one sends, and writes the item).
     */
    private void tellFounder(FeedbackRecord seen, int step, Owner answeredBy, Instant answeredNow,
                             Optional<FeedbackRecord> known) {
        String feedbackId = seen.feedback().id();
        Notice notice = new Notice.OfEscalation(feedbackId, step, FOUNDER_NOTICE);
        // a redelivery's claim reads the item again: the mail is then composed from that read
        AtomicReference<FeedbackRecord> fresh = new AtomicReference<>(known.orElse(null));
        Supplier<OutgoingMail> compose = () -> {
            FeedbackRecord record = fresh.get() != null ? fresh.get() : feedbackItems.findRecord(feedbackId).orElseThrow();
            // its reply address names the answered escalation: the founder's "?" to it sends the answer back
            OutgoingMail told = answerMail.compose(record.feedback(), record.escalation(step).orElseThrow(), answeredBy,
                    config.replyAddress(tokens.issue(feedbackId, step)),
                    letters == null ? null : writtenBy(record, feedbackId));
            sentTexts.keep(feedbackId, step, "answered", told.text());
            return told;
        };
        SendOnce.ClaimStep claim = answeredNow != null ? (now, lease) -> MailClaims.Claim.CLAIMED
                : (now, lease) -> claimForRedelivery(seen, step, notice, now, lease, fresh);
        sendOnce.send(notice.describe(), claim, compose, (messageId, at) -> {
            Instant answeredAt = answeredNow != null ? answeredNow : fresh.get().escalation(step).orElseThrow().answeredAt();
            escalations.markAnswerTold(feedbackId, step, answeredAt, new TimelineEvent(at, "founder-told",
                    "answer sent to " + config.founder().name()));
        });
    }

    /**
     * A redelivered answer's claim on the founder's mail: sent when {@code seen} carries its mark; else the
     * escalation's claim (its lease), and when won, the item read again into {@code fresh}: the attempt whose
     * lease lapsed may have sent and marked it since {@code seen} was read (a read only on this path).
     */
    private MailClaims.Claim claimForRedelivery(FeedbackRecord seen, int step, Notice notice, Instant now,
                                                Duration lease, AtomicReference<FeedbackRecord> fresh) {
        if (toldBefore(seen, step)) {
            return MailClaims.Claim.ALREADY_SENT;
        }
        // ALREADY_SENT here: an answer recorded before the mark moved to the item, marked on its escalation
        MailClaims.Claim claim = claims.claim(notice, now, lease);
        if (claim != MailClaims.Claim.CLAIMED) {
            return claim;
        }
        FeedbackRecord record = feedbackItems.findRecord(seen.feedback().id()).orElseThrow();
        if (toldBefore(record, step)) {
            return MailClaims.Claim.ALREADY_SENT;
        }
        fresh.set(record);
        return MailClaims.Claim.CLAIMED;
    }

    /**
     * The founder has step {@code step}'s "Answered" mail: marked on the item, or sent back from it (a send-back
     * is a reply to that mail; the item is ASKED again then, and must stay so).
     */
    private static boolean toldBefore(FeedbackRecord record, int step) {
        return record.answerTold(step) || record.escalation(step).map(e -> e.handedOn() != null).orElse(false);
    }

    /** Who wrote to the customer: from the record's own read when it brought the letters, else read now. */
    private List<String> writtenBy(FeedbackRecord record, String feedbackId) {
        List<CustomerLetters.Letter> written = record.customerLetters().map(FeedbackRecord.Written::letters)
                .orElseGet(() -> letters.letters(feedbackId));
        return written.stream().map(CustomerLetters.Letter::writerName).toList();
    }

    /**
     * A mail from the founder to the reply address of an escalation that holds the item's answer:
     * the founder replying to the "Answered" mail (the owner asked never reaches this: their late
     * replies to an answered "?" are kept for review as before, unless they are the founder).
     */
    private boolean answeredToFounder(Escalation escalation, String from) {
        boolean answered = escalation.status() == EscalationStatus.ANSWERED
                || escalation.status() == EscalationStatus.ANSWERED_LATE;
        return answered && config.founder().answersFrom(from);
    }

    /**
     * The founder's "?" on an answer: not good enough yet. Records the send-back on the answered
     * escalation (conditional on it holding the item's standing answer, keyed by this mail's id),
     * then asks the same owner again as the next step, once (the escalator's claim). A redelivered
     * mail finds its send-back recorded and finishes that one. Anything but a bare "?" from an
     * authenticated founder changes nothing and is kept for review.
     */
    private Outcome sendBack(InboundMail received, String mailId, String rawLocation, FeedbackRecord record,
                             Escalation answered, SenderAuthentication authentication) {
        Feedback feedback = record.feedback();
        String text = WrittenText.cut(ReplyText.newText(received.text()), keptTexts(record));
        Optional<HandOnCommand> command = HandOnCommand.parse(text);
        if (command.isEmpty() || command.get().target() != HandOnCommand.Target.ROUTE_OWNER) {
            return review(received, mailId, rawLocation, "the founder's reply to the answer of " + answered.id()
                    + " changes nothing: only \"?\" on the first line (a note below it goes along) sends an answer back");
        }
        if (!authentication.passes()) {
            return review(received, mailId, rawLocation, "\"?\" from " + received.from() + " on the answer of "
                    + answered.id() + ": the founder's \"?\" counts only when SES's SPF or DKIM verdict passes ("
                    + authentication.describe() + ")");
        }
        StoredText.Kept note = StoredText.keepBytes(command.get().note(), StoredText.LONG_TEXT_BYTES);
        HandOn before = answered.handedOn();
        if (before != null && mailId.equals(before.mailId())) {
            return finishSendBack(feedback.id(), answered.step(), true, note, rawLocation);
        }
        if (answered.answer() == null) {
            return review(received, mailId, rawLocation, "\"?\" on " + answered.id()
                    + ", which holds no answer: the item was answered on another step");
        }
        if (record.feedback().status() != FeedbackStatus.ANSWERED && answered.handedOn() == null
                && !record.answerTold(answered.step())) {
            // the answer's attempt sent the founder's mail and died before the item's write (its mark), which
            // the send-back needs: its retry writes it within minutes; this mail comes back after it
            throw new TryAgainLater("the answer of " + answered.id() + " is still being recorded");
        }
        Optional<Owner> owner = config.owner(answered.owner());
        if (owner.isEmpty()) {
            return review(received, mailId, rawLocation, "\"?\" on the answer of " + answered.id() + ": its owner '"
                    + answered.owner() + "' is no longer in the configuration; hand it to someone with a new \"?\"");
        }
        Instant now = clock.instant();
        Route route = Triage.routeOf(config, feedback).orElse(null);
        Duration within = feedback.route() != null ? feedback.route().answerWithin()
                : Duration.between(answered.askedAt(), answered.dueAt());
        Instant due = config.calendarFor(route, owner.get().alias()).plusWorkingTime(now, within)
                .truncatedTo(ChronoUnit.SECONDS);
        int nextStep = record.escalations().stream().mapToInt(Escalation::step).max().orElse(0) + 1;
        HandOn sentBack = new HandOn(owner.get().alias(), nextStep, due, now, received.from(), note.text(), mailId);
        TimelineEvent event = new TimelineEvent(now, "sent-back", config.founder().name() + " <" + received.from()
                + "> sent the answer of " + answered.id() + " back to " + owner.get().name() + " ("
                + owner.get().alias() + "), due " + due + (note.text().isBlank() ? "" : ", with a note")
                + cutNote("note", note, rawLocation));
        return switch (escalations.recordSendBack(feedback.id(), answered.step(), sentBack, event)) {
            case RECORDED -> finishSendBack(feedback.id(), answered.step(), false, note, rawLocation);
            case ALREADY_RECORDED -> finishSendBack(feedback.id(), answered.step(), true, note, rawLocation);
            case NOT_ANSWERED -> review(received, mailId, rawLocation, "\"?\" on the answer of " + answered.id()
                    + " changed nothing: it was sent back before, or the item is being asked again");
        };
    }

    /** Asks the owner again (once: the escalator's claim), and tells the founder when the note was cut (once). */
    private Outcome finishSendBack(String feedbackId, int step, boolean redelivered, StoredText.Kept note,
                                   String rawLocation) {
        HandOn sentBack = feedbackItems.findRecord(feedbackId).flatMap(r -> r.escalation(step)).orElseThrow().handedOn();
        escalator.ask(new EscalationRequest(feedbackId, sentBack.toStep(), sentBack.to(), sentBack.dueAt()));
        tellWriterOfCut(feedbackId, step, sentBack.by(), CutNoticeMail.What.NOTE, note, rawLocation);
        return new Outcome(redelivered ? Outcome.Kind.ALREADY_SENT_BACK : Outcome.Kind.SENT_BACK, feedbackId,
                "sent back by " + sentBack.by() + " to " + sentBack.to() + " (" + feedbackId + "-" + sentBack.toStep()
                        + ")");
    }

    /** For a timeline event: "; the answer was cut to the first N of M characters (the full mail is at ...)". */
    private static String cutNote(String what, StoredText.Kept kept, String rawLocation) {
        return kept.cut() ? "; the " + what + " was cut to " + kept.howMuch() + " (the full mail is at " + rawLocation + ")"
                : "";
    }

    /** Tells whoever wrote an answer or note that was cut what is on record, once (a claimed notice). */
    private void tellWriterOfCut(String feedbackId, int step, String writer, CutNoticeMail.What what,
                                 StoredText.Kept kept, String rawLocation) {
        if (!kept.cut()) {
            return;
        }
        sendOnce.send(new Notice.OfEscalation(feedbackId, step, CUT_NOTICE), () -> {
            FeedbackRecord record = feedbackItems.findRecord(feedbackId).orElseThrow();
            return cutNoticeMail.compose(record.feedback(), record.escalation(step).orElseThrow(), writer, what, kept,
                    rawLocation);
        }, at -> new TimelineEvent(at, "writer-told-cut",
                writer + " told that the " + (what == CutNoticeMail.What.ANSWER ? "answer" : "note") + " was cut"));
    }

    /**
     * "? @alias": records the hand-on (conditional on the escalation being OPEN, keyed by this
     * mail's id), then finishes it. A redelivered mail finds its own hand-on recorded and finishes
     * that one (the escalator asks the next step once, the confirmation is claimed), so a crash
     * mid-way is repaired by the retry and nothing happens twice.
     */
    private Outcome handOn(InboundMail received, String mailId, String rawLocation, FeedbackRecord record,
                           Escalation escalation, Owner asked, HandOnCommand command,
                           SenderAuthentication authentication) {
        Feedback feedback = record.feedback();
        if (QmarkConfig.FOUNDER.equals(asked.alias()) && !authentication.passes()) {
            // no mail back: whoever sent this may not be the founder
            return review(received, mailId, rawLocation, "\"" + command.written() + "\" from " + received.from()
                    + " on " + escalation.id() + ": the founder's \"?\" counts only when SES's SPF or DKIM verdict"
                    + " passes (" + authentication.describe() + ")");
        }
        HandOn before = escalation.handedOn();
        StoredText.Kept note = StoredText.keepBytes(command.note(), StoredText.LONG_TEXT_BYTES);
        if (escalation.status() == EscalationStatus.HANDED_ON && before != null && mailId.equals(before.mailId())) {
            return finishHandOn(feedback.id(), escalation.step(), asked, true, note, rawLocation);
        }
        Optional<Owner> target = switch (command.target()) {
            case ROUTE_OWNER -> Triage.isTriageStep(config, feedback, escalation)
                    ? config.owner(Triage.routeOwner(feedback)) : Optional.empty();
            case ALIAS -> config.owner(command.name());
            case ADDRESS -> config.ownerByAddress(command.name());
        };
        if (target.isEmpty()) {
            return refuse(received, mailId, rawLocation, feedback, escalation, asked, command, switch (command.target()) {
                case ROUTE_OWNER -> "a bare ? sends on only the founder's triage; name the next person with ? @alias";
                case ALIAS -> "nobody has the alias '" + command.name() + "'";
                case ADDRESS -> "no owner has the address " + command.name();
            });
        }
        Owner next = target.get();
        if (next.alias().equals(asked.alias())) {
            return refuse(received, mailId, rawLocation, feedback, escalation, asked, command,
                    (command.target() == HandOnCommand.Target.ADDRESS ? command.name() : "@" + next.alias())
                            + " is you: it cannot be handed to the person it was handed to");
        }
        if (escalation.status() != EscalationStatus.OPEN) {
            return refuse(received, mailId, rawLocation, feedback, escalation, asked, command, notOpen(escalation));
        }
        Instant now = clock.instant();
        Route route = Triage.routeOf(config, feedback).orElse(null);
        Duration within = feedback.route() != null ? feedback.route().answerWithin()
                : Duration.between(escalation.askedAt(), escalation.dueAt());
        Instant due = config.calendarFor(route, next.alias()).plusWorkingTime(now, within).truncatedTo(ChronoUnit.SECONDS);
        int nextStep = record.escalations().stream().mapToInt(Escalation::step).max().orElse(0) + 1;
        HandOn handOn = new HandOn(next.alias(), nextStep, due, now, received.from(), note.text(), mailId);
        TimelineEvent event = new TimelineEvent(now, "handed-on", asked.name() + " <" + received.from()
                + "> handed it on to " + next.name() + " (" + next.alias() + "), due " + due
                + (command.note().isBlank() ? "" : ", with a note") + cutNote("note", note, rawLocation));
        return switch (escalations.recordHandOn(feedback.id(), escalation.step(), handOn, event)) {
            case RECORDED -> finishHandOn(feedback.id(), escalation.step(), asked, false, note, rawLocation);
            case ALREADY_RECORDED -> finishHandOn(feedback.id(), escalation.step(), asked, true, note, rawLocation);
            case NOT_OPEN -> refuse(received, mailId, rawLocation, feedback, escalation, asked, command,
                    notOpen(feedbackItems.findRecord(feedback.id()).flatMap(r -> r.escalation(escalation.step()))
                            .orElse(escalation)));
        };
    }

    /**
     * Asks the next person (once: the escalator's claim) and tells the one who handed it on (once: a
     * claim), and when their note was cut, that too (once).
     */
    private Outcome finishHandOn(String feedbackId, int step, Owner asked, boolean redelivered, StoredText.Kept note,
                                 String rawLocation) {
        Escalation handed = feedbackItems.findRecord(feedbackId).flatMap(r -> r.escalation(step)).orElseThrow();
        HandOn handOn = handed.handedOn();
        escalator.ask(new EscalationRequest(feedbackId, handOn.toStep(), handOn.to(), handOn.dueAt()));
        sendOnce.send(new Notice.OfEscalation(feedbackId, step, HANDED_ON_NOTICE),
                () -> handOnMails.handedOn(feedbackItems.find(feedbackId).orElseThrow(), handed, asked, handOn.by()),
                at -> new TimelineEvent(at, "hand-on-confirmed", asked.name() + " told it went to " + handOn.to()));
        tellWriterOfCut(feedbackId, step, handOn.by(), CutNoticeMail.What.NOTE, note, rawLocation);
        return new Outcome(redelivered ? Outcome.Kind.ALREADY_HANDED_ON : Outcome.Kind.HANDED_ON, feedbackId,
                "handed on by " + handOn.by() + " to " + handOn.to() + " (" + feedbackId + "-" + handOn.toStep() + ")");
    }

    /**
     * A hand-on that cannot be done: nothing changes, the mail is kept, and its sender is told why
     * once per question and reason — ten replies naming the same alias nobody has get one mail.
     */
    private Outcome refuse(InboundMail received, String mailId, String rawLocation, Feedback feedback,
                           Escalation escalation, Owner asked, HandOnCommand command, String why) {
        Outcome kept = review(received, mailId, rawLocation, "\"" + command.written() + "\" from " + received.from()
                + " on " + escalation.id() + " did not hand it on: " + why);
        String notice = "not-handed-on#" + escalation.step() + "#" + Hashes.sha256(why).substring(0, 16);
        String replyAddress = escalation.status() == EscalationStatus.OPEN
                ? config.replyAddress(tokens.issue(feedback.id(), escalation.step())) : null;
        sendOnce.send(new Notice.OfItem(feedback.id(), notice),
                () -> {
                    // it carries the reply address: a reply to it is an answer, so its text is kept too
                    OutgoingMail told = handOnMails.notHandedOn(feedback, escalation, asked, received.from(), command, why,
                            replyAddress);
                    sentTexts.keep(feedback.id(), escalation.step(), "not-handed-on", told.text());
                    return told;
                },
                at -> new TimelineEvent(at, "not-handed-on", received.from() + " told why \"" + command.written()
                        + "\" on " + escalation.id() + " changed nothing: " + why));
        return kept;
    }

    private static String notOpen(Escalation escalation) {
        return switch (escalation.status()) {
            case ANSWERED, ANSWERED_LATE -> "the question is answered already";
            case LATE -> "its deadline passed and it went up the chain";
            case HANDED_ON -> "it was handed on already";
            case ORPHANED -> "its owner left the configuration and it went to someone else";
            case UNDELIVERABLE -> "mail to its owner bounced and it went to someone else";
            case AWAY -> "its owner was away and it went to someone else";
            case ASKING, OPEN -> "it changed meanwhile; try again";
        };
    }

    private Outcome review(InboundMail received, String mailId, String rawLocation, String reason) {
        review.keepForReview(new ReviewItem(mailId, rawLocation, received.from(), received.subject(), reason,
                clock.instant()));
        return new Outcome(Outcome.Kind.KEPT_FOR_REVIEW, null, reason);
    }
}
