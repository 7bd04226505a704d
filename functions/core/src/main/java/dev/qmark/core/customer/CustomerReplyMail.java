package dev.qmark.core.customer;

import dev.qmark.core.asking.MailFormat;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import java.util.List;
import java.util.Map;

/** The customer's reply, passed on to whoever wrote to them, answerable the same two ways. */
public final class CustomerReplyMail {

    private final QmarkConfig config;

    public CustomerReplyMail(QmarkConfig config) {
        this.config = config;
    }

    /**
     * @param replyAddress    the internal answer address of the step the writer wrote about
     * @param customerAddress the address that writes to the customer again
     */
    public OutgoingMail compose(Feedback feedback, String writerEmail, String reply, String replyAddress,
                                String customerAddress) {
        String founder = config.founder().name();
        String name = TwoWays.customerName(feedback);
        String text = name + " replied to what you wrote:\n\n" + MailFormat.quote(reply) + "\n\n"
                + TwoWays.text(feedback, customerAddress, founder) + "\nReference: " + feedback.id() + "\n";
        String html = "<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">"
                + "<p style=\"margin:0 0 12px\">" + dev.qmark.core.text.Html.escape(name) + " replied to what you wrote:</p>"
                + "<blockquote style=\"margin:0 0 16px;padding:8px 16px;border-left:4px solid #d0d7de\">"
                + MailFormat.paragraphs(reply) + "</blockquote>" + TwoWays.html(feedback, customerAddress, founder)
                + "<p style=\"color:#656d76;font-size:13px;margin:0\">Reference: " + feedback.id() + "</p></div>";
        return new OutgoingMail(config.sender(), founder + " (via Qmark)", List.of(writerEmail), List.of(),
                List.of(replyAddress), name + " replied: " + feedback.title(), text, html,
                Map.of("X-Qmark-Feedback", feedback.id()));
    }
}
