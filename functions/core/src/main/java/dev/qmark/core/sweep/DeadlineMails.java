package dev.qmark.core.sweep;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.asking.MailFormat;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The mails the clock sends: a reminder before the deadline, and the notice that it passed. */
final class DeadlineMails {

    private final QmarkConfig config;

    DeadlineMails(QmarkConfig config) {
        this.config = config;
    }

    /** Reminds the person asked; a reply to it answers, like a reply to the "?" itself. */
    OutgoingMail reminder(Feedback feedback, Escalation escalation, Owner owner, String replyAddress,
                          String customerAddress, Instant now) {
        String text = "? still open: the answer is due " + MailFormat.when(escalation.dueAt(), owner.timeZone())
                + " (in " + MailFormat.duration(Duration.between(now, escalation.dueAt())) + ").\n\n"
                + MailFormat.quote(feedback.message()) + "\n\n"
                + "From: " + MailFormat.customer(feedback) + "\n\n"
                + dev.qmark.core.customer.TwoWays.text(feedback, customerAddress, config.founder().name())
                + "\nReference: " + feedback.id() + "\n";
        return new OutgoingMail(config.sender(), config.founder().name() + " (via Qmark)", List.of(owner.email()),
                List.of(), List.of(replyAddress), "Reminder: ? " + feedback.title(), text,
                "<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5\">"
                        + MailFormat.paragraphs(text.substring(0, text.indexOf("Two ways to answer:")))
                        + dev.qmark.core.customer.TwoWays.html(feedback, customerAddress, config.founder().name())
                        + "<p style=\"color:#656d76;font-size:13px\">Reference: " + feedback.id() + "</p></div>",
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }

    /**
     * Tells the person asked that the deadline passed; when someone is next in the chain, that the
     * question went to them. They can still answer: any answer stops every clock.
     */
    OutgoingMail late(Feedback feedback, Escalation escalation, Owner owner, String replyAddress, Owner next, Instant now) {
        String what = next == null
                ? "Nobody has answered yet, and nobody is above you in the chain: this needs you now."
                : "The question has gone to " + next.name() + " (" + next.alias() + ").";
        String text = "The answer to this feedback was due " + MailFormat.when(escalation.dueAt(), owner.timeZone())
                + " and is now " + MailFormat.duration(Duration.between(escalation.dueAt(), now)) + " late.\n"
                + what + "\n\nYou can still answer by replying to this mail; any answer stops every clock.\n\n"
                + MailFormat.quote(feedback.message()) + "\n\n"
                + "From: " + MailFormat.customer(feedback) + "\nReference: " + feedback.id() + "\n";
        return new OutgoingMail(config.sender(), config.founder().name() + " (via Qmark)", List.of(owner.email()),
                List.of(), List.of(replyAddress), "Late: ? " + feedback.title(), text, null,
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }
}
