package dev.qmark.testing;

import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link CustomerLetters} in memory, under {@code DynamoCustomerLetters}'s conditions: a letter is
 * put only while its key is free, a rating is overwritten (the founder's step it took stays), the
 * founder's step is set only while unset, the customer's first Message-ID only once. Timeline
 * events are collected, as the table writes them beside each change.
 */
public final class InMemoryCustomerLetters implements CustomerLetters {

    private final Map<String, Letter> letters = new LinkedHashMap<>();
    private final Map<String, Rating> ratings = new LinkedHashMap<>();
    private final Map<String, Integer> founderSteps = new HashMap<>();
    private final Map<String, String> customerMessages = new HashMap<>();
    private final List<TimelineEvent> events = new ArrayList<>();

    private static String key(String feedbackId, String key) {
        return feedbackId + "#" + key;
    }

    @Override
    public synchronized boolean recordLetter(Letter letter, TimelineEvent event) {
        if (letters.putIfAbsent(key(letter.feedbackId(), letter.key()), letter) != null) {
            return false;
        }
        events.add(event);
        return true;
    }

    @Override
    public synchronized Optional<Letter> letter(String feedbackId, String key) {
        return Optional.ofNullable(letters.get(key(feedbackId, key)));
    }

    @Override
    public synchronized boolean writtenTo(String feedbackId) {
        return letters.values().stream().anyMatch(l -> l.feedbackId().equals(feedbackId));
    }

    @Override
    public synchronized List<Letter> letters(String feedbackId) {
        return letters.values().stream().filter(l -> l.feedbackId().equals(feedbackId))
                .sorted(Comparator.comparing(Letter::at)).toList();
    }

    @Override
    public synchronized void rate(Rating rating, TimelineEvent event) {
        ratings.put(key(rating.feedbackId(), rating.letterKey()), rating);
        events.add(event);
    }

    @Override
    public synchronized Optional<Rating> rating(String feedbackId, String letterKey) {
        return Optional.ofNullable(ratings.get(key(feedbackId, letterKey)));
    }

    @Override
    public synchronized List<Rating> ratings(String feedbackId) {
        return ratings.values().stream().filter(r -> r.feedbackId().equals(feedbackId)).toList();
    }

    @Override
    public synchronized int founderStepFor(String feedbackId, String letterKey, int proposed) {
        return founderSteps.computeIfAbsent(key(feedbackId, letterKey), k -> proposed);
    }

    @Override
    public synchronized void rememberCustomerMessage(String feedbackId, String messageId) {
        customerMessages.putIfAbsent(feedbackId, messageId);
    }

    @Override
    public synchronized Optional<String> customerMessage(String feedbackId) {
        return Optional.ofNullable(customerMessages.get(feedbackId));
    }

    /** The timeline events written with each change, oldest first. */
    public synchronized List<TimelineEvent> events() {
        return List.copyOf(events);
    }
}
