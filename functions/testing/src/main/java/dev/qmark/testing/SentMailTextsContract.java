package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.text.StoredText;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The texts of mails sent, in memory and on DynamoDB alike: one per item, step and kind (kept
 * again, it is overwritten), read back by step, bounded to what an item holds, never another item's.
 */
public abstract class SentMailTextsContract {

    protected abstract SentMailTexts sentMailTexts();

    @Test
    void keptOncePerMailAndReadByStep() {
        SentMailTexts texts = sentMailTexts();
        String id = FeedbackIds.newId();
        String other = FeedbackIds.newId();
        texts.keep(id, 2, "question", "the second ?");
        texts.keep(id, 1, "reminder-1", "a reminder");
        texts.keep(id, 1, "question", "the first ?");
        texts.keep(id, 1, "question", "the first ?");
        texts.keep(other, 1, "question", "another item's ?");
        assertEquals(List.of("the first ?", "a reminder", "the second ?"), texts.texts(id));
        assertEquals(List.of(), texts.texts(FeedbackIds.newId()));
    }

    @Test
    void aLongTextIsKeptToWhatAnItemHolds() {
        SentMailTexts texts = sentMailTexts();
        String id = FeedbackIds.newId();
        texts.keep(id, 1, "question", "x".repeat(StoredText.DETAIL_BYTES + 5_000));
        String kept = texts.texts(id).get(0);
        assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= StoredText.DETAIL_BYTES, "bounded");
        assertTrue(kept.startsWith("xxxx"), "from the top, where a copy starts");
    }
}
