package dev.qmark.core.intake;

import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.mail.AutomaticMail;
import dev.qmark.core.mail.OutOfOffice;
import dev.qmark.core.mail.OwnAddresses;
import dev.qmark.core.mail.ReceiptVerdicts;
import dev.qmark.core.mail.ReceiptVerdicts.Verdict;
import dev.qmark.core.mail.SenderAuthentication;
import dev.qmark.core.reports.DigestReply;
import dev.qmark.mail.InboundMail;
import java.util.List;
import java.util.Optional;

/**
 * What a received mail is, decided in one place from the mail, who it was delivered to and the
 * receiving system's verdicts (plain values): quarantined, a robot's, Qmark's own, an answer to a
 * "?", a staff forward with "?", or a customer's mail. The services then do what the decision says
 * and check only what needs the table (a token's escalation, a customer's thread).
 *
 * <p>The order matters and each step says why it comes where it does. To add a kind of mail (an
 * address of its own, a reply to a digest), add a {@link Decision} record and one step.
 */
public final class InboundMailDecision {

    private final QmarkConfig config;
    private final OwnAddresses own;

    public InboundMailDecision(QmarkConfig config) {
        this.config = config;
        this.own = new OwnAddresses(config.inboundDomain(), config.sender());
    }

    /** What to do with a received mail. */
    public sealed interface Decision {
    }

    /** SES flagged it (virus, spam) or could not authenticate its sender: kept for review, never applied. */
    public record Quarantined(String reason) implements Decision {
    }

    /** Nothing to apply (no sender to answer, Qmark's own mail, an unauthenticated staff command): kept for review. */
    public record KeepForReview(String reason) implements Decision {
    }

    /**
     * A robot wrote it (auto-reply, bounce, list mail): never an answer, never answered.
     *
     * @param toReplyAddress it came to a reply address (an auto-reply to a "?"), not to the feedback address
     */
    public record Robot(String reason, boolean toReplyAddress) implements Decision {
    }

    /** An owner's out-of-office reply to a "?" (a robot with a meaning): the question goes to their deputy at once. */
    public record OwnerAway(String replyToken) implements Decision {
    }

    /** Mail to a reply address: the answer (or hand-on) to the "?" its token names; the token is checked by the reply intake. */
    public record Answer(String replyToken) implements Decision {
    }

    /**
     * Mail to a {@code customer+<token>@} address: someone asked about an item writes to its customer, SPF or
     * DKIM passing. The relay checks the token, the writer and the text; nothing else ever reaches a customer.
     */
    public record ToCustomer(String customerToken) implements Decision {
    }

    /** Mail to the digest's reply address ({@code digest@}): the founder's "? Q-..." asks again; checked by DigestReply. */
    public record ToDigest() implements Decision {
    }

    /** Staff (founder, owner, {@code forwarders:}) forwarded someone's mail with "?" on top, SPF or DKIM passing. */
    public record StaffForward(ForwardCommand command) implements Decision {
    }

    /** A person's mail to the feedback address: new feedback, or more words in their thread. */
    public record CustomerMail() implements Decision {
    }

    /**
     * @param recipients the envelope recipients (SMTP RCPT TO), which Bcc and forwarding do not hide
     */
    public Decision decide(InboundMail mail, List<String> recipients, ReceiptVerdicts verdicts) {
        ReceiptVerdicts v = verdicts == null ? ReceiptVerdicts.NONE : verdicts;
        // SES's verdicts first: nothing in a flagged mail is read as a command or as anyone's words
        Optional<String> quarantine = quarantine(v);
        if (quarantine.isPresent()) {
            return new Quarantined(quarantine.get());
        }
        Optional<String> token = ReplyTokens.tokenIn(mail, recipients, config.inboundDomain());
        Optional<String> customerToken = ReplyTokens.customerTokenIn(mail, recipients, config.inboundDomain());
        boolean toDigest = DigestReply.addressedTo(recipients, mail, config.inboundDomain());
        // robots before addresses: an out-of-office reply to a "?" is not an answer (nor a letter to a customer),
        // and a bounce has no person to answer
        if (token.isPresent() && OutOfOffice.is(mail)) {
            // an absence is a signal, not noise: the one robot's mail to a "?" that is applied (issue 11)
            return new OwnerAway(token.get());
        }
        Optional<String> automatic = AutomaticMail.reason(mail, config.sender());
        if (automatic.isPresent()) {
            return new Robot(automatic.get(), token.isPresent() || customerToken.isPresent() || toDigest);
        }
        if (mail.from() == null) {
            return new KeepForReview(token.isPresent() ? "no sender address, so nobody who was asked"
                    : "no sender address that can be answered");
        }
        Optional<String> ours = own.why(mail.from());
        if (ours.isPresent()) {
            return new KeepForReview("sent from " + mail.from() + ", " + ours.get() + (token.isPresent()
                    ? ": Qmark's own mail is never applied, or Qmark would answer itself"
                    : ": Qmark's own mail never becomes feedback, or Qmark would mail itself"));
        }
        if (toDigest) {
            return new ToDigest();
        }
        if (customerToken.isPresent()) {
            SenderAuthentication authentication = v.authentication();
            // a letter to a customer goes out under the company's name: a From header alone is anyone's to write
            return authentication.passes() ? new ToCustomer(customerToken.get())
                    : new KeepForReview("mail to a customer address is relayed only when SPF or DKIM passes ("
                    + authentication.describe() + ")");
        }
        if (token.isPresent()) {
            return new Answer(token.get());
        }
        Optional<ForwardCommand> forward = config.mayForward(mail.from()) ? ForwardCommand.parse(mail) : Optional.empty();
        if (forward.isPresent()) {
            SenderAuthentication authentication = v.authentication();
            // like the founder's other commands: a From header alone is anyone's to write
            return authentication.passes() ? new StaffForward(forward.get())
                    : new KeepForReview("a \"?\" forward from " + mail.from() + " counts only when SPF or DKIM passes ("
                    + authentication.describe() + ")");
        }
        return new CustomerMail();
    }

    /**
     * Why SES's verdicts keep a mail from being applied, or empty: a virus or spam verdict FAIL, or a
     * sender SES could not authenticate (DMARC failed, or both SPF and DKIM failed): its From could be
     * anyone's.
     */
    public static Optional<String> quarantine(ReceiptVerdicts verdicts) {
        if (verdicts.virus() == Verdict.FAIL) {
            return Optional.of("quarantined: SES virus verdict FAIL");
        }
        if (verdicts.spam() == Verdict.FAIL) {
            return Optional.of("quarantined: SES spam verdict FAIL");
        }
        if (verdicts.dmarc() == Verdict.FAIL) {
            return Optional.of("sender not authenticated: SES DMARC verdict FAIL");
        }
        if (verdicts.spf() == Verdict.FAIL && verdicts.dkim() == Verdict.FAIL) {
            return Optional.of("sender not authenticated: SES SPF and DKIM verdicts FAIL");
        }
        return Optional.empty();
    }
}
