package dev.qmark.core.figures;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.ReportsConfig.Topic;
import java.util.List;
import org.junit.jupiter.api.Test;

class TopicTaggerTest {

    private final TopicTagger tagger = new TopicTagger(List.of(
            new Topic("delivery", List.of("delivery", "shipping", "배송", "택배")),
            new Topic("refund", List.of("refund", "환불")),
            new Topic("app", List.of("app crash", "앱"))));

    @Test
    void koreanParticlesAttachedToTheKeywordStillMatch() {
        assertEquals(List.of("delivery"), tagger.tag("배송이 너무 늦어요"));
        assertEquals(List.of("delivery"), tagger.tag("배송은 언제 오나요?"));
        assertEquals(List.of("delivery"), tagger.tag("배송도 느리고"));
        assertEquals(List.of("delivery"), tagger.tag("배송에서 문제가"));
        assertEquals(List.of("delivery"), tagger.tag("택배를 못 받았어요"));
        assertEquals(List.of("refund"), tagger.tag("환불은요?"));
    }

    @Test
    void aLongerWordThatMerelyStartsWithTheKeywordIsAnotherWord() {
        // 배송지 (delivery address) is its own word, not 배송 + particle; 앱스토어 is not 앱
        assertFalse(tagger.tag("배송지 변경").contains("delivery"));
        assertTrue(tagger.tag("앱스토어 리뷰").isEmpty());
        assertEquals(List.of("app"), tagger.tag("앱이 자꾸 꺼져요"));
    }

    @Test
    void englishPluralsAndPhrases() {
        assertEquals(List.of("delivery", "refund"), tagger.tag("Two deliverys late, I want a Refund"));
        assertEquals(List.of("refund"), tagger.tag("refunds please"));
        assertEquals(List.of("app"), tagger.tag("Another app crash today"));
        assertTrue(tagger.tag("the application crashed").isEmpty());
        assertTrue(tagger.tag("").isEmpty());
    }

    @Test
    void stemsDropKoreanParticlesForCountingWords() {
        assertEquals("배송", TopicTagger.stem("배송이"));
        assertEquals("포장", TopicTagger.stem("포장이"));
        assertEquals("포장", TopicTagger.stem("포장에서"));
        assertEquals("late", TopicTagger.stem("late"));
    }
}
