package dev.qmark.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The truncation rule: what fits is kept whole, what does not is cut with a marker inside the budget. */
class StoredTextTest {

    @Test
    void aTextThatFitsIsKeptAsItIs() {
        String text = "Found it at the depot; it ships today.";
        StoredText.Kept kept = StoredText.keepBytes(text, StoredText.LONG_TEXT_BYTES);
        assertSame(text, kept.text());
        assertFalse(kept.cut());
        assertEquals(text.length(), kept.keptChars());
        assertEquals(text.length(), kept.totalChars());
    }

    @Test
    void aMegabyteAnswerIsCutToTheBudgetInUtf8BytesWithAMarker() {
        String text = "a".repeat(1024 * 1024);
        StoredText.Kept kept = StoredText.keepBytes(text, StoredText.LONG_TEXT_BYTES);
        assertTrue(kept.cut());
        int bytes = kept.text().getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= StoredText.LONG_TEXT_BYTES, bytes + " bytes");
        assertTrue(bytes > StoredText.LONG_TEXT_BYTES - 100, "as much as fits is kept: " + bytes);
        assertTrue(kept.text().endsWith(" […cut by Qmark: " + String.format("%,d", kept.keptChars())
                + " of 1,048,576 characters kept]"), kept.text().substring(kept.text().length() - 80));
        assertEquals("a".repeat(kept.keptChars()), kept.text().substring(0, kept.keptChars()), "a prefix of the original");
        assertEquals("the first " + String.format("%,d", kept.keptChars()) + " of 1,048,576 characters", kept.howMuch());
    }

    @Test
    void koreanCountsThreeBytesACharacter() {
        String text = "배".repeat(200_000);   // 600,000 bytes in UTF-8, 200,000 characters
        StoredText.Kept kept = StoredText.keepBytes(text, StoredText.LONG_TEXT_BYTES);
        assertTrue(kept.cut());
        assertTrue(kept.text().getBytes(StandardCharsets.UTF_8).length <= StoredText.LONG_TEXT_BYTES);
        assertTrue(kept.keptChars() < StoredText.LONG_TEXT_BYTES / 3 && kept.keptChars() > StoredText.LONG_TEXT_BYTES / 3 - 40,
                "counted in bytes, not chars: " + kept.keptChars());
        assertEquals(200_000, kept.totalChars());
    }

    @Test
    void aCutNeverSplitsASurrogatePair() {
        String text = "x" + "😀".repeat(100);   // each emoji: 2 chars in Java, 1 code point, 4 bytes
        for (int budget = 60; budget < 120; budget++) {
            String kept = StoredText.keepBytes(text, budget).text();
            String body = kept.substring(0, kept.indexOf(" […cut"));
            assertFalse(Character.isHighSurrogate(body.charAt(body.length() - 1)), "budget " + budget + ": " + body);
            assertTrue(kept.getBytes(StandardCharsets.UTF_8).length <= budget, "budget " + budget);
            assertEquals(StoredText.utf8Length(kept), kept.getBytes(StandardCharsets.UTF_8).length);
        }
    }

    @Test
    void aCharacterLimitCountsTheMarkerToo() {
        String text = "b".repeat(10_500);
        StoredText.Kept kept = StoredText.keep(text, 10_000, StoredText.LONG_TEXT_BYTES);
        assertTrue(kept.cut());
        assertTrue(kept.text().codePointCount(0, kept.text().length()) <= 10_000);
        assertEquals(10_500, kept.totalChars());
        assertEquals(text, StoredText.keep(text, 10_500, StoredText.LONG_TEXT_BYTES).text(), "exactly at the limit fits");
    }

    @Test
    void boundedLeavesShortTextsAndNullAlone() {
        assertNull(StoredText.bounded(null, 10));
        assertEquals("Re: ? late", StoredText.bounded("Re: ? late", StoredText.LINE_BYTES));
        String subject = StoredText.bounded("s".repeat(100_000), StoredText.LINE_BYTES);
        assertTrue(subject.getBytes(StandardCharsets.UTF_8).length <= StoredText.LINE_BYTES);
        assertTrue(subject.endsWith("of 100,000 characters kept]"), subject);
    }
}
