package dev.qmark.core.asking;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.mail.OutgoingMail;
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
    void aHandedOnQuestionSaysWhoHandedItOnWithTheirNote() {
        Feedback feedback = new Feedback("0123456789abcdef", Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "My delivery is late", "Where is my parcel?", 2, ARRIVED, FeedbackStatus.ASKED,
                new dev.qmark.core.feedback.RouteDecision("late-delivery", "delivery", java.time.Duration.ofHours(4),
                        ARRIVED.plusSeconds(4 * 3600), ARRIVED));
        Instant handedAt = ARRIVED.plusSeconds(3600);
        Escalation dana = new Escalation(feedback.id(), 1, "delivery", "dana@example.com", EscalationStatus.HANDED_ON,
                ARRIVED, ARRIVED.plusSeconds(4 * 3600), null, null, null, List.of(), 0, null,
                new HandOn("ops", 2, handedAt.plusSeconds(4 * 3600), handedAt, "dana@example.com",
                        "The depot is yours, <b>Olivia</b>.\n창고 확인 부탁해요.", "mail-1"));
        Escalation olivia = new Escalation(feedback.id(), 2, "ops", "olivia@example.com", EscalationStatus.ASKING,
                null, handedAt.plusSeconds(4 * 3600), null, null, null);

        OutgoingMail mail = new QuestionMail(CONFIG).compose(feedback, olivia, CONFIG.requireOwner("ops"),
                "answer+tok@feedback.example.com", List.of(), List.of(dana));

        String text = mail.text();
        assertTrue(text.contains("Dana handed this on to you with a note:\n> The depot is yours, <b>Olivia</b>.\n"
                + "> 창고 확인 부탁해요.\n"), text);
        assertTrue(text.contains("Asked before you:\n  - Dana (delivery), asked Mon 23 Nov 2026, 01:05 (UTC), due Mon 23 Nov 2026, "
                + "05:05 (UTC): handed on to you Mon 23 Nov 2026, 02:05 (UTC)\n"), text);
        assertTrue(text.contains("Not yours to answer? Reply with ? @alias"), text);
        assertTrue(mail.html().contains("The depot is yours, &lt;b&gt;Olivia&lt;/b&gt;."), mail.html());
        assertFalse(text.contains("Triage"));
    }

    @Test
    void theFoundersTriageQuestionSaysHowToSendItOn() {
        QmarkConfig config = dev.qmark.core.config.ConfigLoader.parse(dev.qmark.core.config.ConfigLoaderTest.VALID
                .replace("answerWithin: PT4H }", "answerWithin: PT4H, triage: founder }"), "test");
        Feedback feedback = new Feedback("0123456789abcdef", Channel.WEB, new Customer("Minsu Kim", "minsu@example.org"),
                "My delivery is late", "Where is my parcel?", 2, ARRIVED, FeedbackStatus.ROUTED,
                new dev.qmark.core.feedback.RouteDecision("late-delivery", "delivery", java.time.Duration.ofHours(4),
                        ARRIVED.plusSeconds(4 * 3600), ARRIVED));
        Escalation jeff = new Escalation(feedback.id(), 1, "founder", "jeff@example.com", EscalationStatus.ASKING,
                null, ARRIVED.plusSeconds(4 * 3600), null, null, null);

        OutgoingMail mail = new QuestionMail(config).compose(feedback, jeff, config.founder(),
                "answer+tok@feedback.example.com", List.of(), List.of());

        assertEquals(List.of("jeff@example.com"), mail.to());
        assertEquals(List.of("answer+tok@feedback.example.com"), mail.replyTo());
        assertTrue(mail.text().startsWith("?\n\n> Where is my parcel?\n"), mail.text());
        assertTrue(mail.text().contains("Triage: reply with just ? to send it to Dana, or ? @alias to pick another owner "
                + "(delivery, ops)."), mail.text());
        assertTrue(mail.html().contains("Triage: reply with just ? to send it to Dana"), mail.html());
        // a later step of the same item (the founder asked again at the top of the chain) is no triage
        Escalation again = new Escalation(feedback.id(), 3, "founder", "jeff@example.com", EscalationStatus.ASKING,
                null, ARRIVED.plusSeconds(4 * 3600), null, null, null);
        assertFalse(new QuestionMail(config).compose(feedback, again, config.founder(), "answer+tok@feedback.example.com",
                List.of(), List.of()).text().contains("Triage"));
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
