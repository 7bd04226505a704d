package dev.qmark.core.customer;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.intake.AcknowledgementMail;
import dev.qmark.core.ports.CustomerLetters.Letter;
import dev.qmark.core.text.Html;
import dev.qmark.mail.OutgoingMail;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The mail a customer gets when someone writes to them: from the company's sender as
 * "Dana at {company}" (never the writer's address), the writer's words, signed off by name, then
 * "How did we do?" with five rating links. Threaded under the customer's first mail when they
 * wrote by mail; its reference threads their reply back to the item.
 */
public final class LetterMail {

    private final QmarkConfig config;

    public LetterMail(QmarkConfig config) {
        this.config = config;
    }

    /**
     * @param ratingUrl the rating page for this letter without the score ({@code ...?score=} follows)
     * @param inReplyTo the customer's first mail's Message-ID (without brackets), or null
     */
    public OutgoingMail compose(Feedback feedback, Letter letter, String ratingUrl, String inReplyTo) {
        boolean korean = CustomerLanguage.korean(feedback);
        String company = config.customerLoop().company();
        String name = feedback.customer().name() == null || feedback.customer().name().isBlank()
                ? null : feedback.customer().name().strip();
        String greeting = korean ? (name == null ? "안녕하세요." : name + "님, 안녕하세요.")
                : (name == null ? "Hello," : "Hello " + name + ",");
        // signed off once, by name, with the company under it (the writer's own closing name moves down)
        String body = withoutClosingName(letter.text().strip(), letter.writerName());
        String signature = letter.writerName() + "\n" + company;
        String ask = korean ? "저희 답변은 어떠셨나요? 점수를 눌러 주세요 (1 = 매우 불만족, 5 = 매우 만족):"
                : "How did we do? Pick a number (1 = poor, 5 = excellent):";
        String reference = (korean ? "참조 번호: " : "Reference: ") + AcknowledgementMail.reference(feedback.id());

        StringBuilder text = new StringBuilder();
        text.append(greeting).append("\n\n").append(body).append("\n\n").append(signature).append("\n\n");
        text.append("-- \n").append(ask).append('\n');
        for (int score = 1; score <= 5; score++) {
            text.append("  ").append(score).append(": ").append(ratingUrl).append(score).append('\n');
        }
        text.append('\n').append(reference).append('\n');

        StringBuilder html = new StringBuilder();
        html.append("<div style=\"font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif;font-size:15px;line-height:1.5;color:#1f2328\">");
        html.append("<p style=\"margin:0 0 12px\">").append(Html.escape(greeting)).append("</p>");
        html.append("<p style=\"white-space:pre-wrap;margin:0 0 12px\">").append(Html.escape(body)).append("</p>");
        html.append("<p style=\"white-space:pre-wrap;margin:0 0 20px\">").append(Html.escape(signature)).append("</p>");
        html.append("<p style=\"margin:0 0 8px;color:#656d76\">").append(Html.escape(ask)).append("</p><p style=\"margin:0 0 16px\">");
        for (int score = 1; score <= 5; score++) {
            html.append("<a href=\"").append(Html.escape(ratingUrl + score)).append("\" style=\"display:inline-block;"
                    + "padding:6px 14px;margin-right:6px;border:1px solid #d0d7de;border-radius:6px;text-decoration:none\">")
                    .append(score).append("</a>");
        }
        html.append("</p><p style=\"color:#656d76;font-size:13px;margin:0\">").append(Html.escape(reference)).append("</p></div>");

        String subject = (feedback.subject() == null || feedback.subject().isBlank() ? (korean ? "문의에 대한 답변" : "Your message")
                : "Re: " + feedback.subject().strip().replaceFirst("(?i)^(re|fwd?|aw|답장|회신):\\s*", ""))
                + " " + AcknowledgementMail.reference(feedback.id());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Qmark-Feedback", feedback.id());
        if (inReplyTo != null && !inReplyTo.isBlank()) {
            headers.put("In-Reply-To", "<" + inReplyTo + ">");
            headers.put("References", "<" + inReplyTo + ">");
        }
        return new OutgoingMail(config.sender(), letter.writerName() + " at " + company,
                List.of(feedback.customer().email()), List.of(), List.of("feedback@" + config.inboundDomain()),
                subject, text.toString(), html.toString(), headers);
    }

    /** The text without its last line when that line is the writer's first name (they signed already). */
    static String withoutClosingName(String body, String writerName) {
        List<String> lines = body.lines().toList();
        int last = lines.size() - 1;
        if (last > 0 && lines.get(last).strip().equalsIgnoreCase(writerName)) {
            return String.join("\n", lines.subList(0, last)).strip();
        }
        return body;
    }
}
