package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FlowedTextTest {

    @Test
    void softBreaksAreJoined() {
        assertEquals("On Mon, Nov 23, 2026 at 10:00 AM, Jeff wrote:\n> a quoted paragraph\n\nmy answer",
                FlowedText.unflow("On Mon, Nov 23, 2026 at 10:00 AM, \nJeff wrote:\n> a quoted \n> paragraph\n\nmy answer", false));
    }

    @Test
    void delSpRemovesTheBreakSpaceAndStuffingIsUndone() {
        assertEquals("日本語の文章です\n From here", FlowedText.unflow("日本語の \n文章です\n  From here", true));
    }

    @Test
    void signatureDelimiterIsNotASoftBreak() {
        assertEquals("text\n-- \nDana", FlowedText.unflow("text\n-- \nDana", false));
    }
}
