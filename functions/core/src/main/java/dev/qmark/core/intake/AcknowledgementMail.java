package dev.qmark.core.intake;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.mail.OutgoingMail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The short, personal reply a customer gets when their mail becomes feedback: by name, in
 * Korean when they wrote Korean, with the reference that threads their next mail to the same item.
 */
public final class AcknowledgementMail {

    /** "[Q-0123456789abcdef]" in a subject: the item a customer's reply belongs to. */
    static final Pattern REFERENCE = Pattern.compile("\\[Q-([0-9a-z]{16})]", Pattern.CASE_INSENSITIVE);

    private final QmarkConfig config;

    public AcknowledgementMail(QmarkConfig config) {
        this.config = config;
    }

    public static String reference(String feedbackId) {
        return "[Q-" + feedbackId + "]";
    }

    /** The item a subject refers to, if it carries a reference. */
    public static java.util.Optional<String> referenceIn(String subject) {
        Matcher m = REFERENCE.matcher(subject == null ? "" : subject);
        return m.find() ? java.util.Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : java.util.Optional.empty();
    }

    /**
     * @param inReplyTo the customer mail's Message-ID (without brackets), or null
     */
    public OutgoingMail compose(Feedback feedback, String inReplyTo) {
        boolean korean = Hangul.in(feedback.customer().name()) || Hangul.in(feedback.subject()) || Hangul.in(feedback.message());
        String name = feedback.customer().name() == null || feedback.customer().name().isBlank()
                ? null : feedback.customer().name().strip();
        String subject = (feedback.subject() == null || feedback.subject().isBlank() ? (korean ? "문의" : "Your message")
                : "Re: " + feedback.subject().replaceFirst("(?i)^(re|fwd?|aw|답장|회신):\\s*", "")) + " " + reference(feedback.id());
        Map<String, String> headers = headers(feedback);
        if (inReplyTo != null) {
            headers.put("In-Reply-To", "<" + inReplyTo + ">");
            headers.put("References", "<" + inReplyTo + ">");
        }
        return mail(feedback, subject, text(feedback, korean, name, "메일"), headers);
    }

    /**
     * The acknowledgement of a web-form submission. Whoever posts the form chooses the address, so
     * the only text of theirs in it is the name ({@link CustomerName}: short, no links); the subject
     * is Qmark's own, never the one they typed. Plain text only: nothing in it is a link.
     *
     * @param korean the customer's language: the form's, or Korean in their name or message
     */
    public OutgoingMail composeForForm(Feedback feedback, boolean korean) {
        String name = CustomerName.forMail(feedback.customer().name());
        String subject = (korean ? "의견을 잘 받았습니다" : "We received your message") + " " + reference(feedback.id());
        return mail(feedback, subject, text(feedback, korean, name, "의견"), headers(feedback));
    }

    /** The words both acknowledgements say; in Korean, what was received is a mail (메일) or an opinion (의견). */
    private String text(Feedback feedback, boolean korean, String name, String receivedKo) {
        String founder = config.founder().name();
        return korean
                ? (name == null ? "안녕하세요." : name + "님, 안녕하세요.") + "\n\n"
                        + "보내 주신 " + receivedKo + "을 잘 받았습니다. 이 일을 맡은 담당자가 직접 읽고 답장을 드리겠습니다.\n"
                        + "추가로 알려 주실 내용이 있으면 이 메일에 그대로 답장해 주세요.\n\n"
                        + "참조 번호: " + reference(feedback.id()) + "\n\n" + founder + " 드림\n"
                : (name == null ? "Hello," : "Hello " + name + ",") + "\n\n"
                        + "Thank you for writing. Your message has reached the person who owns it, and they will answer you personally.\n"
                        + "If there is anything to add, just reply to this mail.\n\n"
                        + "Reference: " + reference(feedback.id()) + "\n\n" + founder + "\n";
    }

    private static Map<String, String> headers(Feedback feedback) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Auto-Submitted", "auto-replied");
        headers.put("X-Qmark-Feedback", feedback.id());
        return headers;
    }

    /** From the founder through the verified sender; the customer's reply comes back to Qmark. */
    private OutgoingMail mail(Feedback feedback, String subject, String text, Map<String, String> headers) {
        return new OutgoingMail(config.sender(), config.founder().name(), List.of(feedback.customer().email()), List.of(),
                List.of("feedback@" + config.inboundDomain()), subject, text, null, headers);
    }

    /** Whether a text is (partly) Korean. */
    static final class Hangul {
        private Hangul() {
        }

        static boolean in(String text) {
            return text != null && text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HANGUL);
        }
    }
}
