package dev.qmark.core.ports;

import dev.qmark.core.feedback.TimelineEvent;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What was written to a customer about an item (issue 9): the mails relayed from
 * {@code customer+<token>@}, the customer's rating of each, and the customer's first mail's
 * Message-ID (to thread what is written to them under it). Each change is conditional and carries
 * its timeline event in the same write.
 */
public interface CustomerLetters {

    /**
     * A mail relayed to the customer.
     *
     * @param key        16 hex characters named by the writer's mail (its receiving id): the same mail twice is one letter
     * @param step       the escalation whose customer address it was written to
     * @param writerName the first name the customer sees ("Dana at ...")
     * @param text       what the customer was told (the writer's text, as relayed)
     */
    record Letter(String feedbackId, String key, int step, String writerEmail, String writerName, Instant at,
                  String text) {
    }

    /** A customer's rating (1-5) of one letter, with their comment (may be blank). */
    record Rating(String feedbackId, String letterKey, int score, String comment, Instant at) {
    }

    /** Records a letter once; false when a letter with its key was recorded before (a redelivery). */
    boolean recordLetter(Letter letter, TimelineEvent event);

    Optional<Letter> letter(String feedbackId, String key);

    /**
     * Whether anything was ever relayed to the item's customer: one small read (no letter's text),
     * for the digest's "answered internally, customer never written to".
     */
    boolean writtenTo(String feedbackId);

    /** The item's letters, oldest first. */
    List<Letter> letters(String feedbackId);

    /**
     * Records (or changes) the rating of a letter; the last one stands. Whether it may still change
     * is core's to say (the letter's time is fixed), so the write has no condition.
     */
    void rate(Rating rating, TimelineEvent event);

    Optional<Rating> rating(String feedbackId, String letterKey);

    /** The item's ratings, by letter. */
    List<Rating> ratings(String feedbackId);

    /**
     * The escalation step that asks the founder about a low rating of this letter: {@code proposed}
     * when none was taken yet, else the one taken first (so a rating changed from 1 to 2 asks once).
     */
    int founderStepFor(String feedbackId, String letterKey, int proposed);

    /** Keeps the Message-ID of the customer's first mail (once; later calls change nothing). */
    void rememberCustomerMessage(String feedbackId, String messageId);

    /** The Message-ID of the customer's first mail, when they wrote by mail. */
    Optional<String> customerMessage(String feedbackId);
}
