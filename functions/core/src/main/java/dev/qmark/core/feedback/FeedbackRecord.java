package dev.qmark.core.feedback;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.ports.CustomerLetters;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A feedback item with everything that happened to it. {@code sentTexts} are the kept texts of the
 * mails sent about it ({@code SentMailTexts#texts}, oldest step first) and {@code written} what was
 * written to its customer ({@link CustomerLetters}), each when the read that made this record
 * brought them along (on the table they share the item's partition, so one query reads them all);
 * null when it did not. {@code answersTold} are the steps whose answer the founder's "Answered" mail
 * went out for: its mark rides on the item's ANSWERED write, made after the send.
 */
public record FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline,
                             List<String> sentTexts, Written written, Set<Integer> answersTold) {

    /** The item's letters to its customer, oldest first, and their ratings, as {@link CustomerLetters} gives them. */
    public record Written(List<CustomerLetters.Letter> letters, List<CustomerLetters.Rating> ratings) {

        public Written {
            letters = List.copyOf(letters);
            ratings = List.copyOf(ratings);
        }

        public Optional<CustomerLetters.Rating> rating(String letterKey) {
            return ratings.stream().filter(r -> r.letterKey().equals(letterKey)).findFirst();
        }
    }

    public FeedbackRecord {
        escalations = List.copyOf(escalations);
        timeline = List.copyOf(timeline);
        sentTexts = sentTexts == null ? null : List.copyOf(sentTexts);
        answersTold = answersTold == null ? Set.of() : Set.copyOf(answersTold);
    }

    /** A record whose item carries no founder's mark (nothing answered yet, or read without it). */
    public FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline,
                          List<String> sentTexts, Written written) {
        this(feedback, escalations, timeline, sentTexts, written, Set.of());
    }

    /** A record read without the kept texts and the letters. */
    public FeedbackRecord(Feedback feedback, List<Escalation> escalations, List<TimelineEvent> timeline) {
        this(feedback, escalations, timeline, null, null);
    }

    /** Whether the founder's "Answered" mail for the answer of step {@code step} is marked sent on the item. */
    public boolean answerTold(int step) {
        return answersTold.contains(step);
    }

    /** The same record with the item as {@code item} (its route decided, say). */
    public FeedbackRecord withFeedback(Feedback item) {
        return new FeedbackRecord(item, escalations, timeline, sentTexts, written, answersTold);
    }

    public Optional<Escalation> escalation(int step) {
        return escalations.stream().filter(e -> e.step() == step).findFirst();
    }

    /** The kept texts, when this record's read brought them. */
    public Optional<List<String>> keptTexts() {
        return Optional.ofNullable(sentTexts);
    }

    /** What was written to the customer, when this record's read brought it. */
    public Optional<Written> customerLetters() {
        return Optional.ofNullable(written);
    }
}
