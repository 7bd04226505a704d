package dev.qmark.core.feedback;

import dev.qmark.core.escalation.Escalation;
import java.util.List;
import java.util.Optional;

/**
 * A feedback item with everything that happened to it. {@code sentTexts} are the kept texts of the
 * mails sent about it ({@code SentMailTexts#texts}, oldest step first) when the read that made this
 * record brought them along (on the table they share the item's partition, so one query reads both);
 * null when it did not.
 */
public record FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline,
                             List<String> sentTexts) {

    public FeedbackRecord {
        escalations = List.copyOf(escalations);
        timeline = List.copyOf(timeline);
        sentTexts = sentTexts == null ? null : List.copyOf(sentTexts);
    }

    /** A record read without the kept texts. */
    public FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline) {
        this(feedback, escalations, timeline, null);
    }

    public Optional<Escalation> escalation(int step) {
        return escalations.stream().filter(e -> e.step() == step).findFirst();
    }

    /** The kept texts, when this record's read brought them. */
    public Optional<List<String>> keptTexts() {
        return Optional.ofNullable(sentTexts);
    }
}
