package dev.qmark.core.customer;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import java.util.List;
import java.util.Map;

/** Tells a writer their mail to the customer was not sent, and why (it would have carried internal text). */
public final class HeldLetterMail {

    private final QmarkConfig config;

    public HeldLetterMail(QmarkConfig config) {
        this.config = config;
    }

    public OutgoingMail compose(Feedback feedback, String writerEmail, String why) {
        String name = TwoWays.customerName(feedback);
        String text = "Not sent to " + name + ": " + why + "\n\n"
                + "Nothing reached the customer. Write again to the same address with only what " + name
                + " should read (no quoted \"?\", no forwarded internal mail); it is kept for review meanwhile.\n\n"
                + "Reference: " + feedback.id() + "\n";
        return new OutgoingMail(config.sender(), config.founder().name() + " (via Qmark)", List.of(writerEmail), List.of(),
                List.of(), "Not sent to " + name + ": " + feedback.title(), text, null, Map.of("X-Qmark-Feedback", feedback.id()));
    }
}
