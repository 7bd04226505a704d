package dev.qmark.core.reply;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.asking.MailFormat;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import java.util.List;
import java.util.Map;

/** The short mails to someone who handed a question on: it worked, or why it did not. */
final class HandOnMails {

    private final QmarkConfig config;

    HandOnMails(QmarkConfig config) {
        this.config = config;
    }

    /** "Handed to Olivia (ops); Olivia's deadline: ..." to the person who handed it on. */
    OutgoingMail handedOn(Feedback feedback, Escalation handed, Owner asker, String address) {
        HandOn handOn = handed.handedOn();
        Owner next = config.requireOwner(handOn.to());
        StringBuilder text = new StringBuilder();
        text.append("Handed to ").append(next.name()).append(" (").append(next.alias()).append("); ")
                .append(next.name()).append("'s deadline: ").append(MailFormat.when(handOn.dueAt(), asker.timeZone()))
                .append(".\n\n");
        if (!handOn.note().isBlank()) {
            text.append("Your note went with it:\n").append(MailFormat.quote(handOn.note())).append("\n\n");
        }
        text.append("The question is ").append(next.name()).append("'s now: you will not be reminded about it.\n\n");
        text.append(MailFormat.quote(feedback.message())).append("\n\n");
        text.append("From: ").append(MailFormat.customer(feedback)).append('\n');
        text.append("Reference: ").append(feedback.id()).append('\n');
        return new OutgoingMail(config.sender(), "Qmark", List.of(address), List.of(), List.of(),
                "Handed to " + next.name() + ": " + feedback.title(), text.toString(), null,
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", handed.id()));
    }

    /**
     * Why "? @alias" did not hand the question on. When the question is still open, a reply to this
     * mail goes where a reply to the "?" goes ({@code replyAddress}), so a corrected "? @alias" or
     * an answer works from here.
     */
    OutgoingMail notHandedOn(Feedback feedback, Escalation escalation, Owner asker, String address,
                             HandOnCommand command, String why, String replyAddress) {
        StringBuilder text = new StringBuilder();
        text.append("Your reply \"").append(command.written()).append("\" did not hand the question on: ")
                .append(why).append(".\n\n");
        if (replyAddress != null) {
            text.append("Nothing changed: the question is still yours, due ")
                    .append(MailFormat.when(escalation.dueAt(), asker.timeZone())).append(".\n");
            text.append("Reply to this mail with ? @alias on the first line (")
                    .append(String.join(", ", aliases())).append("), or with your answer.\n\n");
        } else {
            text.append("Nothing changed.\n\n");
        }
        text.append(MailFormat.quote(feedback.message())).append("\n\n");
        text.append("From: ").append(MailFormat.customer(feedback)).append('\n');
        text.append("Reference: ").append(feedback.id()).append('\n');
        return new OutgoingMail(config.sender(), "Qmark", List.of(address), List.of(),
                replyAddress == null ? List.of() : List.of(replyAddress),
                "Not handed on: ? " + feedback.title(), text.toString(), null,
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }

    private List<String> aliases() {
        List<String> all = new java.util.ArrayList<>(config.owners().keySet());
        all.add(QmarkConfig.FOUNDER);
        return all;
    }
}
