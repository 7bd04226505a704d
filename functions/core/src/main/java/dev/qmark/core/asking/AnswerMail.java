package dev.qmark.core.asking;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.core.text.Html;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Tells the founder how a "?" was answered: the answer, how fast, and the customer's own words.
 * Its reply address names the answered escalation: the founder replying "?" sends the answer back
 * to the same owner (see {@code reply.ReplyIntake}).
 */
public final class AnswerMail {

    private final QmarkConfig config;

    public AnswerMail(QmarkConfig config) {
        this.config = config;
    }

    /**
     * @param replyAddress the answered escalation's reply address (the founder's "?" to it sends the answer back)
     * @param writtenToCustomer who wrote to the customer so far (first names), empty when nobody
     *                          did; null when unknown (the line is left out)
     */
    public OutgoingMail compose(Feedback feedback, Escalation answered, Owner answeredBy, String replyAddress,
                                List<String> writtenToCustomer) {
        String customerLine = writtenToCustomer == null ? null : writtenToCustomer.isEmpty()
                ? "Nobody has written to the customer yet."
                : "The customer has been written to by " + String.join(", ", writtenToCustomer.stream().distinct().toList()) + ".";
        Owner founder = config.founder();
        Duration took = Duration.between(answered.askedAt(), answered.answeredAt());
        boolean late = answered.answeredAt().isAfter(answered.dueAt());
        String speed = answeredBy.name() + " answered in " + MailFormat.duration(took)
                + (late ? ", " + MailFormat.duration(Duration.between(answered.dueAt(), answered.answeredAt())) + " late"
                        : ", within the deadline");

        StringBuilder text = new StringBuilder();
        text.append(speed).append(".\n\n");
        text.append(answered.answer()).append("\n\n");
        if (customerLine != null) {
            text.append(customerLine).append("\n\n");
        }
        text.append("The customer, ").append(MailFormat.customer(feedback)).append(", wrote on ")
                .append(MailFormat.when(feedback.receivedAt(), founder.timeZone())).append(":\n\n");
        text.append(MailFormat.quote(feedback.message())).append("\n\n");
        text.append(sendBackLine(answeredBy)).append("\n\n");
        text.append("Reference: ").append(feedback.id()).append('\n');

        String html = "<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">"
                + "<p style=\"margin:0 0 12px;color:#656d76\">" + Html.escape(speed) + ".</p>"
                + MailFormat.paragraphs(answered.answer())
                + (customerLine == null ? "" : "<p style=\"margin:0 0 12px\"><b>" + Html.escape(customerLine) + "</b></p>")
                + "<p style=\"margin:16px 0 4px;color:#656d76\">The customer, " + Html.escape(MailFormat.customer(feedback))
                + ", wrote on " + Html.escape(MailFormat.when(feedback.receivedAt(), founder.timeZone())) + ":</p>"
                + "<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de\">"
                + MailFormat.paragraphs(feedback.message()) + "</blockquote>"
                + "<p style=\"margin:0 0 12px\">" + Html.escape(sendBackLine(answeredBy)) + "</p>"
                + "<p style=\"color:#656d76;font-size:13px;margin:0\">Reference: " + feedback.id() + "</p></div>";

        return new OutgoingMail(config.sender(), "Qmark", List.of(founder.email()), List.of(), List.of(replyAddress),
                "Answered: " + feedback.title(), text.toString(), html,
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", answered.id()));
    }

    private static String sendBackLine(Owner answeredBy) {
        return "Not good enough yet? Reply with ? on the first line to send it back to " + answeredBy.name()
                + "; a note below it goes along.";
    }
}
