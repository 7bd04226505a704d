package dev.qmark.core.escalation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.mail.OutgoingMail;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class QuestionMailTest {

    static final QmarkConfig CONFIG = dev.qmark.core.config.ConfigLoader.parse(
            dev.qmark.core.config.ConfigLoaderTest.VALID, "test");
    static final Instant ARRIVED = Instant.parse("2026-11-23T01:05:00Z");

    @Test
    void isTheFounderStyleQuestion() {
        Feedback feedback = new Feedback("0123456789abcdef", Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "My delivery is late", "Where is my parcel?\nIt has been a week.", 2, ARRIVED, FeedbackStatus.ROUTED, null);
        Escalation escalation = new Escalation(feedback.id(), 1, "delivery", "dana@example.com", EscalationStatus.ASKING,
                null, ARRIVED.plusSeconds(4 * 3600), null, null, null);
        Feedback earlier = new Feedback("fedcba9876543210", Channel.WEB, feedback.customer(), null, "Wrong size sent",
                null, ARRIVED.minusSeconds(86400 * 30), FeedbackStatus.ANSWERED, null);

        OutgoingMail mail = new QuestionMail(CONFIG).compose(feedback, escalation, CONFIG.requireOwner("delivery"),
                "answer+tok@feedback.example.com", List.of(earlier), List.of());

        assertEquals("qmark@example.com", mail.from());
        assertEquals("Jeff (via Qmark)", mail.fromName());
        assertEquals(List.of("dana@example.com"), mail.to());
        assertEquals(List.of("answer+tok@feedback.example.com"), mail.replyTo());
        assertEquals("? My delivery is late", mail.subject());
        assertTrue(mail.text().startsWith("?\n\n> Where is my parcel?\n> It has been a week.\n"), mail.text());
        assertTrue(mail.text().contains("Minsu Kim <minsu@example.org>"));
        assertTrue(mail.text().contains("Rating:    2 of 5"));
        // the deadline in the owner's own time zone (Dana is in Seoul, UTC+9)
        assertTrue(mail.text().contains("Answer by: Mon 23 Nov 2026, 14:05 (Asia/Seoul) (within 4 hours)"), mail.text());
        assertTrue(mail.text().contains("Wrong size sent (answered)"));
        assertTrue(mail.text().contains("Just reply to this mail"));
        assertTrue(mail.html().contains(">?</p>"));
    }

    @Test
    void subjectFallsBackToTheFirstWordsAndHtmlIsEscaped() {
        Feedback feedback = new Feedback("0123456789abcdef", Channel.WEB, new Customer("<b>Eve</b>", "eve@example.org"),
                null, "<script>alert(1)</script> the app crashes every single time I open the settings page on my phone",
                null, ARRIVED, FeedbackStatus.ROUTED, null);
        Escalation escalation = new Escalation(feedback.id(), 1, "ops", "olivia@example.com", EscalationStatus.ASKING,
                null, ARRIVED.plusSeconds(3600), null, null, null);
        OutgoingMail mail = new QuestionMail(CONFIG).compose(feedback, escalation, CONFIG.requireOwner("ops"),
                "answer+tok@feedback.example.com", List.of(), List.of());
        assertTrue(mail.subject().startsWith("? <script>alert(1)</script> the app crashes"), mail.subject());
        assertTrue(mail.subject().length() < 70, mail.subject());
        assertFalse(mail.html().contains("<script>"));
        assertFalse(mail.html().contains("<b>Eve"));
        assertFalse(mail.text().contains("Earlier from this customer"));
    }
}
