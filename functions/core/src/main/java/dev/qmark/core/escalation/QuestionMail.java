package dev.qmark.core.escalation;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.mail.OutgoingMail;
import dev.qmark.core.text.Html;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The founder-style "?" mail: one character on top, then the customer's words verbatim, who
 * they are, when it arrived, the deadline in the owner's own time zone, and how to answer.
 */
public final class QuestionMail {

    private final QmarkConfig config;

    public QuestionMail(QmarkConfig config) {
        this.config = config;
    }

    /**
     * @param earlier     this customer's earlier feedback, newest first (may be empty)
     * @param askedBefore the escalations of this item before this one: who was asked when
     */
    public OutgoingMail compose(Feedback feedback, Escalation escalation, Owner owner, String replyAddress,
                                List<Feedback> earlier, List<Escalation> askedBefore) {
        String founder = config.founder().name();
        String customer = MailFormat.customer(feedback);
        String arrived = MailFormat.when(feedback.receivedAt(), owner.timeZone());
        String due = MailFormat.when(escalation.dueAt(), owner.timeZone());
        String within = MailFormat.duration(Duration.between(feedback.receivedAt(), escalation.dueAt()));

        StringBuilder text = new StringBuilder();
        text.append("?\n\n");
        text.append(MailFormat.quote(feedback.message())).append("\n\n");
        text.append("From:      ").append(customer).append('\n');
        if (feedback.rating() != null) {
            text.append("Rating:    ").append(feedback.rating()).append(" of 5\n");
        }
        text.append("Channel:   ").append(channelName(feedback)).append('\n');
        text.append("Arrived:   ").append(arrived).append('\n');
        text.append("Answer by: ").append(due).append(" (within ").append(within).append(")\n");
        if (!askedBefore.isEmpty()) {
            text.append("\nAsked before you:\n");
            for (String line : history(askedBefore, owner)) {
                text.append("  - ").append(line).append('\n');
            }
        }
        if (!earlier.isEmpty()) {
            text.append("\nEarlier from this customer:\n");
            for (Feedback past : earlier) {
                text.append("  - ").append(MailFormat.when(past.receivedAt(), owner.timeZone())).append(": ")
                        .append(past.title()).append(" (").append(past.status().wireName()).append(")\n");
            }
        }
        text.append("\nFind out what happened, why, and what changes so it never happens again.\n");
        text.append("Just reply to this mail: your answer goes to ").append(founder)
                .append(" and into the customer's record.\n\n");
        text.append("Reference: ").append(feedback.id()).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">");
        html.append("<p style=\"font-size:28px;font-weight:700;margin:0 0 12px\">?</p>");
        html.append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de;color:#1f2328\">")
                .append(MailFormat.paragraphs(feedback.message())).append("</blockquote>");
        html.append("<table style=\"border-collapse:collapse;margin:0 0 16px\">");
        row(html, "From", customer);
        if (feedback.rating() != null) {
            row(html, "Rating", feedback.rating() + " of 5");
        }
        row(html, "Channel", channelName(feedback));
        row(html, "Arrived", arrived);
        row(html, "Answer by", due + " (within " + within + ")");
        html.append("</table>");
        if (!askedBefore.isEmpty()) {
            html.append("<p style=\"margin:0 0 4px\">Asked before you:</p><ul style=\"margin:0 0 16px\">");
            for (String line : history(askedBefore, owner)) {
                html.append("<li>").append(Html.escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
        if (!earlier.isEmpty()) {
            html.append("<p style=\"margin:0 0 4px\">Earlier from this customer:</p><ul style=\"margin:0 0 16px\">");
            for (Feedback past : earlier) {
                html.append("<li>").append(Html.escape(MailFormat.when(past.receivedAt(), owner.timeZone())))
                        .append(": ").append(Html.escape(past.title())).append(" (")
                        .append(past.status().wireName()).append(")</li>");
            }
            html.append("</ul>");
        }
        html.append("<p style=\"margin:0 0 12px\">Find out what happened, why, and what changes so it never happens again. ")
                .append("Just reply to this mail: your answer goes to ").append(Html.escape(founder))
                .append(" and into the customer's record.</p>");
        html.append("<p style=\"color:#656d76;font-size:13px;margin:0\">Reference: ").append(feedback.id()).append("</p></div>");

        return new OutgoingMail(config.sender(), founder + " (via Qmark)", List.of(owner.email()), List.of(),
                List.of(replyAddress), "? " + feedback.title(), text.toString(), html.toString(),
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }


    /** "Dana (delivery), asked Mon 23 Nov 2026, 10:05 (Asia/Seoul), due ..., late": the chain so far. */
    private List<String> history(List<Escalation> askedBefore, Owner reader) {
        return askedBefore.stream().map(e -> {
            String name = config.owner(e.owner()).map(Owner::name).orElse(e.owner());
            return name + " (" + e.owner() + "), asked "
                    + (e.askedAt() == null ? "-" : MailFormat.when(e.askedAt(), reader.timeZone()))
                    + ", due " + MailFormat.when(e.dueAt(), reader.timeZone()) + ": " + e.status().wireName();
        }).toList();
    }

    private static String channelName(Feedback feedback) {
        return switch (feedback.channel()) {
            case WEB -> "web form";
            case EMAIL -> "email";
        };
    }

    private static void row(StringBuilder html, String label, String value) {
        html.append("<tr><td style=\"padding:2px 16px 2px 0;color:#656d76\">").append(label)
                .append("</td><td style=\"padding:2px 0\">").append(Html.escape(value)).append("</td></tr>");
    }
}
