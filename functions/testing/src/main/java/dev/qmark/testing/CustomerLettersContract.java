package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.CustomerLetters.Letter;
import dev.qmark.core.ports.CustomerLetters.Rating;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What every {@link CustomerLetters} must do, against the in-memory one and DynamoDB alike. */
public abstract class CustomerLettersContract {

    private static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");

    protected abstract CustomerLetters letters();

    @Test
    void aLetterIsRecordedOnceAndListedOldestFirst() {
        CustomerLetters letters = letters();
        String id = FeedbackIds.newId();
        assertFalse(letters.writtenTo(id));
        Letter second = new Letter(id, "00000000000000bb", 1, "dana@example.com", "Dana", T0.plusSeconds(60), "Later words.");
        Letter first = new Letter(id, "00000000000000aa", 1, "dana@example.com", "Dana", T0, "First words.");
        assertTrue(letters.recordLetter(second, new TimelineEvent(second.at(), "written-to-customer", "Dana wrote")));
        assertTrue(letters.recordLetter(first, new TimelineEvent(first.at(), "written-to-customer", "Dana wrote")));
        assertFalse(letters.recordLetter(new Letter(id, "00000000000000aa", 1, "dana@example.com", "Dana", T0, "Other"),
                new TimelineEvent(T0, "written-to-customer", "again")), "the same mail twice is one letter");
        assertEquals(List.of(first, second), letters.letters(id));
        assertTrue(letters.writtenTo(id));
        assertFalse(letters.writtenTo(FeedbackIds.newId()));
        assertEquals(Optional.of(first), letters.letter(id, "00000000000000aa"));
        assertEquals(Optional.empty(), letters.letter(id, "00000000000000cc"));
    }

    @Test
    void theLastRatingStandsAndTheFounderIsAskedOnOneStep() {
        CustomerLetters letters = letters();
        String id = FeedbackIds.newId();
        letters.rate(new Rating(id, "00000000000000aa", 1, "Too slow.", T0), new TimelineEvent(T0, "rated", "1"));
        assertEquals(2, letters.founderStepFor(id, "00000000000000aa", 2));
        letters.rate(new Rating(id, "00000000000000aa", 2, "", T0.plusSeconds(5)), new TimelineEvent(T0.plusSeconds(5), "rated", "2"));
        assertEquals(2, letters.founderStepFor(id, "00000000000000aa", 3), "a changed low rating asks the same step");
        assertEquals(Optional.of(new Rating(id, "00000000000000aa", 2, "", T0.plusSeconds(5))), letters.rating(id, "00000000000000aa"));
        assertEquals(1, letters.ratings(id).size());
    }

    @Test
    void theCustomersFirstMessageIdIsKeptOnce() {
        CustomerLetters letters = letters();
        String id = FeedbackIds.newId();
        assertEquals(Optional.empty(), letters.customerMessage(id));
        letters.rememberCustomerMessage(id, "first@example.org");
        letters.rememberCustomerMessage(id, "second@example.org");
        assertEquals(Optional.of("first@example.org"), letters.customerMessage(id));
    }
}
