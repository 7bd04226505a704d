package dev.qmark.core.feedback;

import dev.qmark.core.escalation.Escalation;
import java.util.List;
import java.util.Optional;

/** A feedback item with everything that happened to it. */
public record FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline) {

    public FeedbackRecord {
        escalations = List.copyOf(escalations);
        timeline = List.copyOf(timeline);
    }

    public Optional<Escalation> escalation(int step) {
        return escalations.stream().filter(e -> e.step() == step).findFirst();
    }
}
