package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Intake on the in-memory repository: store first, then enqueue; a retry or a double click is one item. */
class FeedbackIntakeTest {

    private final SettableClock clock = new SettableClock(Instant.parse("2026-03-02T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final RecordingQueue queue = new RecordingQueue();
    private final FeedbackIntake intake = new FeedbackIntake(repository, queue, FormAcknowledgements.NONE, Metrics.NONE, clock);

    private static Submission submission(String message, String key) {
        return new Submission("Minsu", "minsu@example.com", "Late", message, 2, key);
    }

    @Test
    void aSubmissionIsStoredThenEnqueued() {
        FeedbackIntake.Receipt receipt = intake.submit(submission("Where is it?", null), Channel.WEB);
        assertFalse(receipt.duplicate());
        assertEquals(FeedbackStatus.RECEIVED, repository.find(receipt.feedbackId()).orElseThrow().status());
        assertEquals(List.of(receipt.feedbackId()), queue.messages());
        assertEquals(1, repository.findRecord(receipt.feedbackId()).orElseThrow().timeline().size());
    }

    @Test
    void theSameContentWithinTheWindowIsOneItem() {
        FeedbackIntake.Receipt first = intake.submit(submission("Where is it?", null), Channel.WEB);
        clock.advance(Duration.ofMinutes(1));
        FeedbackIntake.Receipt again = intake.submit(submission("Where is it?", null), Channel.WEB);
        assertTrue(again.duplicate());
        assertEquals(first.feedbackId(), again.feedbackId());
    }

    @Test
    void theSameContentAfterTheWindowIsNewFeedback() {
        FeedbackIntake.Receipt first = intake.submit(submission("Where is it?", null), Channel.WEB);
        clock.advance(FeedbackIntake.SAME_CONTENT_WINDOW.plusSeconds(1));
        FeedbackIntake.Receipt later = intake.submit(submission("Where is it?", null), Channel.WEB);
        assertFalse(later.duplicate());
        assertNotEquals(first.feedbackId(), later.feedbackId());
    }

    @Test
    void aRetryWithItsKeyIsOneItemAndAReusedKeyIsRefused() {
        FeedbackIntake.Receipt first = intake.submit(submission("Where is it?", "k-1"), Channel.WEB);
        clock.advance(Duration.ofHours(1));
        assertEquals(first.feedbackId(), intake.submit(submission("Where is it?", "k-1"), Channel.WEB).feedbackId());
        assertThrows(FeedbackIntake.IdempotencyKeyReused.class,
                () -> intake.submit(submission("Something else", "k-1"), Channel.WEB));
    }
}
