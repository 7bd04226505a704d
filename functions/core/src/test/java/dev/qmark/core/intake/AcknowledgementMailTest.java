package dev.qmark.core.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.mail.OutgoingMail;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acknowledgement's words are the product: pinned for mail and for the form, in both languages. */
class AcknowledgementMailTest {

    static final QmarkConfig CONFIG = dev.qmark.core.config.ConfigLoader.parse(
            dev.qmark.core.config.ConfigLoaderTest.VALID, "test");
    static final Instant ARRIVED = Instant.parse("2026-11-23T01:05:00Z");

    private final AcknowledgementMail mail = new AcknowledgementMail(CONFIG);

    private static Feedback feedback(Channel channel, String name, String subject, String message) {
        return new Feedback("0123456789abcdef", channel, new Customer(name, "minsu@example.org"), subject, message, null,
                ARRIVED, FeedbackStatus.RECEIVED, null);
    }

    @Test
    void aKoreanMailIsAnsweredInKoreanByNameAndThreaded() {
        OutgoingMail ack = mail.compose(feedback(Channel.EMAIL, "김민수", "RE: 배송 문의", "언제 와요?"), "abc@mail.example");
        assertEquals("김민수님, 안녕하세요.\n\n"
                + "보내 주신 메일을 잘 받았습니다. 이 일을 맡은 담당자가 직접 읽고 답장을 드리겠습니다.\n"
                + "추가로 알려 주실 내용이 있으면 이 메일에 그대로 답장해 주세요.\n\n"
                + "참조 번호: [Q-0123456789abcdef]\n\n" + CONFIG.founder().name() + " 드림\n", ack.text());
        assertEquals("Re: 배송 문의 [Q-0123456789abcdef]", ack.subject());
        assertEquals(List.of("minsu@example.org"), ack.to());
        assertEquals(List.of("feedback@" + CONFIG.inboundDomain()), ack.replyTo());
        assertEquals(Map.of("Auto-Submitted", "auto-replied", "X-Qmark-Feedback", "0123456789abcdef",
                "In-Reply-To", "<abc@mail.example>", "References", "<abc@mail.example>"), ack.headers());
    }

    @Test
    void anEnglishMailWithoutNameOrSubjectSaysHello() {
        OutgoingMail ack = mail.compose(feedback(Channel.EMAIL, " ", null, "Where is it?"), null);
        assertEquals("Hello,\n\n"
                + "Thank you for writing. Your message has reached the person who owns it, and they will answer you personally.\n"
                + "If there is anything to add, just reply to this mail.\n\n"
                + "Reference: [Q-0123456789abcdef]\n\n" + CONFIG.founder().name() + "\n", ack.text());
        assertEquals("Your message [Q-0123456789abcdef]", ack.subject());
        assertEquals(Map.of("Auto-Submitted", "auto-replied", "X-Qmark-Feedback", "0123456789abcdef"), ack.headers());
    }

    @Test
    void theFormsAcknowledgementSaysOpinionAndKeepsItsOwnSubject() {
        OutgoingMail ko = mail.composeForForm(feedback(Channel.WEB, "민수", "무엇이든 http://x.example", "배송"), true);
        assertEquals("민수님, 안녕하세요.\n\n"
                + "보내 주신 의견을 잘 받았습니다. 이 일을 맡은 담당자가 직접 읽고 답장을 드리겠습니다.\n"
                + "추가로 알려 주실 내용이 있으면 이 메일에 그대로 답장해 주세요.\n\n"
                + "참조 번호: [Q-0123456789abcdef]\n\n" + CONFIG.founder().name() + " 드림\n", ko.text());
        assertEquals("의견을 잘 받았습니다 [Q-0123456789abcdef]", ko.subject());
        OutgoingMail en = mail.composeForForm(feedback(Channel.WEB, "Minsu", "Late", "Where?"), false);
        assertEquals("We received your message [Q-0123456789abcdef]", en.subject());
        assertEquals("Hello Minsu,\n\n"
                + "Thank you for writing. Your message has reached the person who owns it, and they will answer you personally.\n"
                + "If there is anything to add, just reply to this mail.\n\n"
                + "Reference: [Q-0123456789abcdef]\n\n" + CONFIG.founder().name() + "\n", en.text());
        assertEquals(Map.of("Auto-Submitted", "auto-replied", "X-Qmark-Feedback", "0123456789abcdef"), en.headers());
    }
}
