package dev.qmark.core.reports;

import dev.qmark.core.asking.QuestionMail;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.figures.Reference;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.text.Hashes;
import dev.qmark.core.text.Html;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.mail.ReplyText;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The founder's reply to the digest: each line {@code ? Q-<id> [note]} at the top sends that
 * item's "?" to the person asked now, again, as the founder would (their name on it, the note
 * above the customer's words, the same reply address so a plain reply answers it). Only the
 * founder, and only when SES's SPF or DKIM verdict passed (the founder's rule for commands);
 * anything else is kept for review. Each re-ask is sent once per digest reply (by its mail id).
 */
public final class DigestReply {

    private static final Pattern COMMAND = Pattern.compile("^\\?\\s+\\[?(Q-[0-9a-zA-Z]{16})]?\\s*(.*)$");

    /** What became of the reply: the items asked again, or why nothing was done. */
    public record Outcome(String kind, List<String> reasked, String reason) {
    }

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final ReviewQueue review;
    private final SendOnce sendOnce;
    private final ReplyTokens tokens;
    private final Clock clock;

    public DigestReply(QmarkConfig config, FeedbackRepository repository, ReviewQueue review, MailClaims claims, MailSender mail,
                       ReplyTokens tokens, Clock clock) {
        this.review = review;
        this.config = config;
        this.repository = repository;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.tokens = tokens;
        this.clock = clock;
    }

    /** Mail to the digest's Reply-To address ({@code digest@<inboundDomain>}). */
    public static boolean addressedTo(List<String> recipients, InboundMail mail, String inboundDomain) {
        String address = (DigestMail.REPLY_LOCAL_PART + "@" + inboundDomain).toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>(recipients == null ? List.of() : recipients);
        if (all.isEmpty() && mail.to() != null) {
            all.addAll(mail.to());
        }
        return all.stream().anyMatch(a -> a != null && a.strip().toLowerCase(Locale.ROOT).equals(address));
    }

    public Outcome accept(InboundMail mail, String mailId, String rawLocation, SenderAuthentication authentication) {
        if (!config.founder().answersFrom(mail.from())) {
            return keep(mail, mailId, rawLocation, "a reply to the digest from " + mail.from() + ", who is not the founder");
        }
        if (authentication == null || !authentication.passes()) {
            return keep(mail, mailId, rawLocation, "a reply to the digest from the founder's address, but neither SPF nor DKIM passes ("
                    + (authentication == null ? "unknown" : authentication.describe()) + ")");
        }
        List<String> reasked = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (String line : ReplyText.newText(mail.text()).lines().map(String::strip).toList()) {
            Matcher m = COMMAND.matcher(line);
            if (!m.matches()) {
                continue;
            }
            Optional<String> id = Reference.itemId(m.group(1));
            Optional<FeedbackRecord> record = id.flatMap(repository::findRecord);
            if (record.isEmpty()) {
                skipped.add(m.group(1) + ": no such item");
                continue;
            }
            Optional<Escalation> asked = record.get().escalations().stream()
                    .filter(e -> e.status() == EscalationStatus.OPEN || e.status() == EscalationStatus.LATE)
                    .max(Comparator.comparingInt(Escalation::step));
            if (asked.isEmpty()) {
                skipped.add(m.group(1) + ": nobody is waiting to answer it");
                continue;
            }
            reask(record.get(), asked.get(), m.group(2).strip(), mailId);
            reasked.add(record.get().feedback().id());
        }
        if (reasked.isEmpty()) {
            return keep(mail, mailId, rawLocation, "a reply to the digest without a \"? Q-…\" line Qmark could act on"
                    + (skipped.isEmpty() ? "" : " (" + String.join("; ", skipped) + ")"));
        }
        return new Outcome("reasked", reasked, skipped.isEmpty() ? null : String.join("; ", skipped));
    }

    private void reask(FeedbackRecord record, Escalation asked, String note, String mailId) {
        Owner owner = config.requireOwner(asked.owner());
        String founder = config.founder().name();
        String id = record.feedback().id();
        List<Escalation> before = record.escalations().stream().filter(e -> e.step() < asked.step()).toList();
        sendOnce.send(new Notice.OfItem(id, "reasked#" + Hashes.sha256(mailId).substring(0, 16)), () -> {
            OutgoingMail question = new QuestionMail(config).compose(record.feedback(), asked, owner,
                    config.replyAddress(tokens.issue(id, asked.step())), List.of(), before);
            String asks = founder + " asks again" + (note.isEmpty() ? "." : ": " + note);
            String text = question.text().startsWith("?\n") ? "?\n\n" + asks + "\n" + question.text().substring(1)
                    : asks + "\n\n" + question.text();
            String html = question.html() == null ? null
                    : "<p><b>" + Html.escape(asks) + "</b></p>" + question.html();
            return new OutgoingMail(question.from(), question.fromName(), question.to(), question.cc(), question.replyTo(),
                    question.subject(), text, html, question.headers());
        }, at -> new TimelineEvent(at, "re-asked", founder + " asked " + owner.name() + " again from the digest"));
    }

    private Outcome keep(InboundMail mail, String mailId, String rawLocation, String reason) {
        review.keepForReview(new ReviewQueue.ReviewItem(mailId, rawLocation, mail.from(), mail.subject(), reason,
                clock.instant()));
        return new Outcome("kept_for_review", List.of(), reason);
    }
}
