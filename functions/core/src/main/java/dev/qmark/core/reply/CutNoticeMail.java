package dev.qmark.core.reply;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.mail.OutgoingMail;
import dev.qmark.core.text.StoredText;
import java.util.List;
import java.util.Map;

/**
 * The short mail to someone whose answer or hand-on note was longer than an item holds: what was
 * recorded, how much of it, and where the whole mail is kept. Sent once (a claimed notice).
 */
final class CutNoticeMail {

    /** What was cut. */
    enum What { ANSWER, NOTE }

    private final QmarkConfig config;

    CutNoticeMail(QmarkConfig config) {
        this.config = config;
    }

    OutgoingMail compose(Feedback feedback, Escalation escalation, String writer, What what, StoredText.Kept kept,
                         String rawLocation) {
        StringBuilder text = new StringBuilder();
        if (what == What.ANSWER) {
            text.append("Your answer was recorded; it was longer than Qmark keeps: ").append(kept.howMuch())
                    .append(" are on record");
        } else {
            text.append("Your note was handed on with the question; it was longer than Qmark keeps: ")
                    .append(kept.howMuch()).append(" went with it and are on record");
        }
        text.append(", and the full mail is kept at ").append(rawLocation).append(".\n\n");
        text.append("If what was cut matters, tell ").append(config.founder().name()).append(" directly.\n\n");
        text.append("Reference: ").append(escalation.id()).append('\n');
        return new OutgoingMail(config.sender(), "Qmark", List.of(writer), List.of(), List.of(),
                "Cut: " + feedback.title(), text.toString(), null,
                Map.of("X-Qmark-Feedback", feedback.id(), "X-Qmark-Escalation", escalation.id()));
    }
}
