package dev.qmark.core.asking;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.core.text.Html;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The founder-style "?" mail: one character on top, then the customer's words verbatim, who
 * they are, when it arrived, the deadline in the owner's own time zone, and how to answer.
 */
public final class QuestionMail {

    /** On top of the "?" when the founder sent an answer back. */
    static final String NOT_GOOD_ENOUGH = "Not good enough yet: what happened, why, what changes?";

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
        return compose(feedback, escalation, owner, replyAddress, earlier, askedBefore, null, List.of());
    }

    /**
     * @param customerAddress {@code customer+<token>@}: the second way to answer, writing to the customer (null: none)
     * @param afterward       what happened with the customer since (what they were told, their rating and
     *                        comment), for a "?" a low rating asks; empty otherwise
     */
    public OutgoingMail compose(Feedback feedback, Escalation escalation, Owner owner, String replyAddress,
                                List<Feedback> earlier, List<Escalation> askedBefore, String customerAddress,
                                List<String> afterward) {
        String founder = config.founder().name();
        String customer = MailFormat.customer(feedback);
        String arrived = MailFormat.when(feedback.receivedAt(), owner.timeZone());
        String due = MailFormat.when(escalation.dueAt(), owner.timeZone());
        String within = MailFormat.duration(Duration.between(feedback.receivedAt(), escalation.dueAt()));

        Escalation handedBy = handedToThis(escalation, askedBefore);
        Escalation sentBack = handedBy != null && sentBack(handedBy) ? handedBy : null;
        if (sentBack != null) {
            handedBy = null;
        }

        StringBuilder text = new StringBuilder();
        text.append("?\n\n");
        if (sentBack != null) {
            // the founder's word first: this is why the same person is asked again
            text.append(NOT_GOOD_ENOUGH).append('\n').append(sentBackLine(sentBack)).append('\n');
            if (!sentBack.handedOn().note().isBlank()) {
                text.append(MailFormat.quote(sentBack.handedOn().note())).append('\n');
            }
            text.append("\nThe answer sent back:\n").append(MailFormat.quote(sentBack.answer())).append("\n\n");
            text.append("The customer wrote:\n");
        }
        text.append(MailFormat.quote(feedback.message())).append("\n\n");
        text.append("From:      ").append(customer).append('\n');
        if (feedback.rating() != null) {
            text.append("Rating:    ").append(feedback.rating()).append(" of 5\n");
        }
        text.append("Channel:   ").append(channelName(feedback)).append('\n');
        text.append("Arrived:   ").append(arrived).append('\n');
        text.append("Answer by: ").append(due).append(" (within ").append(within).append(")\n");
        if (handedBy != null) {
            text.append('\n').append(handedLine(handedBy)).append('\n');
            if (!handedBy.handedOn().note().isBlank()) {
                text.append(MailFormat.quote(handedBy.handedOn().note())).append('\n');
            }
        }
        if (!afterward.isEmpty()) {
            text.append("\nSince then:\n");
            for (String line : afterward) {
                text.append(line.lines().map(l -> "  " + l).reduce((a, b) -> a + "\n" + b).orElse("")).append('\n');
            }
        }
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
        boolean triage = Triage.isTriageStep(config, feedback, escalation);
        if (triage) {
            text.append('\n').append(triageLine(feedback)).append('\n');
            text.append("Any other reply is your answer and goes into the customer's record.\n\n");
        } else {
            text.append("\nFind out what happened, why, and what changes so it never happens again.\n");
            text.append("Just reply to this mail: your answer goes to ").append(founder)
                    .append(" and into the customer's record.\n");
            text.append(handOnLine(owner)).append("\n\n");
        }
        if (customerAddress != null) {
            text.append(dev.qmark.core.customer.TwoWays.text(feedback, customerAddress, founder)).append('\n');
        }
        text.append("Reference: ").append(feedback.id()).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">");
        html.append("<p style=\"font-size:28px;font-weight:700;margin:0 0 12px\">?</p>");
        if (sentBack != null) {
            html.append("<p style=\"margin:0 0 4px\"><b>").append(Html.escape(NOT_GOOD_ENOUGH)).append("</b> ")
                    .append(Html.escape(sentBackLine(sentBack))).append("</p>");
            if (!sentBack.handedOn().note().isBlank()) {
                html.append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #cf222e\">")
                        .append(MailFormat.paragraphs(sentBack.handedOn().note())).append("</blockquote>");
            }
            html.append("<p style=\"margin:0 0 4px;color:#656d76\">The answer sent back:</p>")
                    .append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de\">")
                    .append(MailFormat.paragraphs(sentBack.answer())).append("</blockquote>")
                    .append("<p style=\"margin:0 0 4px;color:#656d76\">The customer wrote:</p>");
        }
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
        if (handedBy != null) {
            html.append("<p style=\"margin:0 0 4px\">").append(Html.escape(handedLine(handedBy))).append("</p>");
            if (!handedBy.handedOn().note().isBlank()) {
                html.append("<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de\">")
                        .append(MailFormat.paragraphs(handedBy.handedOn().note())).append("</blockquote>");
            }
        }
        if (!afterward.isEmpty()) {
            html.append("<p style=\"margin:0 0 4px\">Since then:</p><ul style=\"margin:0 0 16px\">");
            for (String line : afterward) {
                html.append("<li style=\"white-space:pre-wrap\">").append(Html.escape(line)).append("</li>");
            }
            html.append("</ul>");
        }
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
        if (triage) {
            html.append("<p style=\"margin:0 0 12px\"><b>").append(Html.escape(triageLine(feedback))).append("</b> ")
                    .append("Any other reply is your answer and goes into the customer's record.</p>");
        } else {
            html.append("<p style=\"margin:0 0 12px\">Find out what happened, why, and what changes so it never happens again. ")
                    .append("Just reply to this mail: your answer goes to ").append(Html.escape(founder))
                    .append(" and into the customer's record. ").append(Html.escape(handOnLine(owner))).append("</p>");
        }
        if (customerAddress != null) {
            html.append(dev.qmark.core.customer.TwoWays.html(feedback, customerAddress, founder));
        }
        html.append("<p style=\"color:#656d76;font-size:13px;margin:0\">Reference: ").append(feedback.id()).append("</p></div>");

        return new OutgoingMail(config.sender(), founder + " (via Qmark)", List.of(owner.email()), List.of(),
                List.of(replyAddress), "? " + feedback.title(), text.toString(), html.toString(),
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }


    /**
     * "Dana (delivery), asked Mon 23 Nov 2026, 10:05 (Asia/Seoul), due ..., late": the chain so far;
     * "...: handed on to Olivia (ops) Mon 23 Nov 2026, 11:00 (UTC)" for a hand-on.
     */
    private List<String> history(List<Escalation> askedBefore, Owner reader) {
        return askedBefore.stream().map(e -> {
            String line = nameOf(e.owner()) + " (" + e.owner() + "), asked "
                    + (e.askedAt() == null ? "-" : MailFormat.when(e.askedAt(), reader.timeZone()))
                    + ", due " + MailFormat.when(e.dueAt(), reader.timeZone()) + ": ";
            HandOn handOn = e.handedOn();
            if (e.status() == EscalationStatus.ORPHANED && handOn != null) {
                return line + "no longer in the configuration, so it went to " + (handOn.to().equals(reader.alias())
                        ? "you" : nameOf(handOn.to()) + " (" + handOn.to() + ")") + " "
                        + MailFormat.when(handOn.at(), reader.timeZone());
            }
            if ((e.status() == EscalationStatus.UNDELIVERABLE || e.status() == EscalationStatus.AWAY) && handOn != null) {
                return line + (e.status() == EscalationStatus.AWAY ? "away" : "mail to them bounced")
                        + ", so it went to " + (handOn.to().equals(reader.alias()) ? "you" : nameOf(handOn.to())
                        + " (" + handOn.to() + ")") + " " + MailFormat.when(handOn.at(), reader.timeZone());
            }
            if (sentBack(e)) {
                return line + e.status().wireName() + ", sent back by " + config.founder().name() + " "
                        + MailFormat.when(handOn.at(), reader.timeZone());
            }
            if (e.status() == EscalationStatus.HANDED_ON && handOn != null) {
                return line + "handed on to " + (handOn.to().equals(reader.alias()) ? "you" : nameOf(handOn.to())
                        + " (" + handOn.to() + ")") + " " + MailFormat.when(handOn.at(), reader.timeZone());
            }
            return line + e.status().wireName();
        }).toList();
    }

    /** An answer the founder sent back: the escalation stays answered and its hand-on names the step asked again. */
    private static boolean sentBack(Escalation e) {
        return e.handedOn() != null
                && (e.status() == EscalationStatus.ANSWERED || e.status() == EscalationStatus.ANSWERED_LATE);
    }

    private String sentBackLine(Escalation sentBack) {
        String who = sentBack.answeredBy() != null && sentBack.owner() != null
                && config.owner(sentBack.owner()).map(o -> o.answersFrom(sentBack.answeredBy())).orElse(false)
                ? "your answer" : "the answer";
        return config.founder().name() + " sent " + who + " back"
                + (sentBack.handedOn().note().isBlank() ? "." : " with a note:");
    }

    /** The escalation whose hand-on asks this one, if it was asked so. */
    private static Escalation handedToThis(Escalation escalation, List<Escalation> askedBefore) {
        return askedBefore.stream()
                .filter(e -> e.handedOn() != null && e.handedOn().toStep() == escalation.step())
                .findFirst().orElse(null);
    }

    private String handedLine(Escalation handedBy) {
        if (handedBy.status() == EscalationStatus.ORPHANED || handedBy.status() == EscalationStatus.UNDELIVERABLE
                || handedBy.status() == EscalationStatus.AWAY) {
            // Qmark sent it on, not a person: the note says who is gone and why it comes to this reader
            return "Sent on to you by Qmark:";
        }
        return nameOf(handedBy.owner()) + " handed this on to you"
                + (handedBy.handedOn().note().isBlank() ? "." : " with a note:");
    }

    /** "Triage: reply with just ? to send it to Dana, or ? @alias to pick another owner (billing, ops)." */
    private String triageLine(Feedback feedback) {
        String owner = Triage.routeOwner(feedback);
        return "Triage: reply with just ? to send it to " + nameOf(owner) + ", or ? @alias to pick another owner ("
                + String.join(", ", config.owners().keySet()) + ").";
    }

    private String handOnLine(Owner reader) {
        List<String> others = new java.util.ArrayList<>(config.owners().keySet());
        others.add(QmarkConfig.FOUNDER);
        others.remove(reader.alias());
        return "Not yours to answer? Reply with ? @alias on the first line to hand it on ("
                + String.join(", ", others) + "); a note below it goes along.";
    }

    private String nameOf(String alias) {
        return config.owner(alias).map(Owner::name).orElse(alias);
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
