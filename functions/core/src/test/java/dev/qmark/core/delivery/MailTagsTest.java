package dev.qmark.core.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.mail.OutgoingMail;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What a mail is about travels as SES message tags, in SES's alphabet, and comes back from its events. */
class MailTagsTest {

    /** SES: ASCII letters, digits, underscores and dashes, at most 256 characters (MessageTag). */
    private static final Pattern SES_TAG = Pattern.compile("[A-Za-z0-9_-]{0,256}");

    private static OutgoingMail mail(Map<String, String> headers) {
        return new OutgoingMail("qmark@example.com", "Jeff", List.of("dana@example.com"), List.of(), List.of(), "? Late",
                "?", null, headers);
    }

    /** As SES returns them in an event's mail.tags, with its own tags beside ours. */
    private static Map<String, List<String>> returned(Map<String, String> sent) {
        Map<String, List<String>> tags = new java.util.LinkedHashMap<>();
        tags.put("ses:configuration-set", List.of("qmark-MailConfigurationSet-1ABC"));
        sent.forEach((name, value) -> tags.put(name, List.of(value)));
        return tags;
    }

    @Test
    void aQuestionCarriesItsItemAndStep() {
        Map<String, String> tags = MailTags.of(mail(Map.of("X-Qmark-Feedback", "8gnyfh9xt8mmz4hz",
                "X-Qmark-Escalation", "8gnyfh9xt8mmz4hz-12")));
        assertEquals(Map.of("qmark-feedback", "8gnyfh9xt8mmz4hz", "qmark-step", "12"), tags);
        assertEquals(Optional.of(new MailTags.About("8gnyfh9xt8mmz4hz", 12)), MailTags.about(returned(tags)));
    }

    @Test
    void aMailAboutAnItemButNoStepIsStepZero() {
        Map<String, String> tags = MailTags.of(mail(Map.of("X-Qmark-Feedback", "8gnyfh9xt8mmz4hz")));
        assertEquals(Optional.of(new MailTags.About("8gnyfh9xt8mmz4hz", 0)), MailTags.about(returned(tags)));
    }

    @Test
    void aNoticeIsAboutNoItem() {
        Map<String, String> tags = MailTags.of(mail(Map.of("X-Qmark-Notice", "town-hall")));
        assertEquals(Optional.empty(), MailTags.about(returned(tags)));
        assertEquals(Optional.of("town-hall"), MailTags.notice(returned(tags)));
    }

    @Test
    void aMailSentWithoutTagsIsAboutNothing() {
        assertEquals(Optional.empty(), MailTags.about(Map.of()));
        assertEquals(Optional.empty(), MailTags.about(Map.of("qmark-feedback", List.of())));
    }

    @Test
    void anythingOutsideSesAlphabetIsEncodedAndComesBack() {
        String odd = "ä b_c/d@e.f";
        String encoded = MailTags.encode(odd);
        assertTrue(SES_TAG.matcher(encoded).matches(), encoded);
        assertEquals(odd, MailTags.decode(encoded));
        assertEquals("8gnyfh9xt8mmz4hz", MailTags.encode("8gnyfh9xt8mmz4hz"), "Qmark's ids go as they are");
        Map<String, String> tags = MailTags.of(mail(Map.of("X-Qmark-Feedback", odd, "X-Qmark-Escalation", odd + "-3")));
        tags.forEach((name, value) -> assertTrue(SES_TAG.matcher(name).matches() && SES_TAG.matcher(value).matches(), name));
        assertEquals(Optional.of(new MailTags.About(odd, 3)), MailTags.about(returned(tags)));
    }

    @Test
    void aValueTooLongForSesIsLeftOutAndTheMailStillGoes() {
        Map<String, String> tags = MailTags.of(mail(Map.of("X-Qmark-Feedback", "x".repeat(257), "X-Qmark-Notice", "digest")));
        assertEquals(Map.of("qmark-notice", "digest"), tags);
        assertEquals(Map.of(), MailTags.of(mail(Map.of("X-Qmark-Feedback", "é".repeat(50)))), "50 characters, 300 encoded");
    }

    @Test
    void aMalformedStepIsNoStep() {
        assertEquals(Optional.of(new MailTags.About("a", 0)),
                MailTags.about(Map.of("qmark-feedback", List.of("a"), "qmark-step", List.of("x"))));
    }
}
