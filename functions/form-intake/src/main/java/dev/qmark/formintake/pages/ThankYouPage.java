package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

/** What a customer sees after the form was accepted. */
public final class ThankYouPage {

    private static final String CHECK = """
            <svg viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false"><path \
            d="M5 12.5l4.5 4.5L19 7.5" fill="none" stroke="currentColor" stroke-width="2.6" stroke-linecap="round" \
            stroke-linejoin="round"/></svg>""";

    private ThankYouPage() {
    }

    /** @param feedbackId the reference the customer can quote; may be {@code null}, then no reference is shown */
    public static String render(Language lang, String feedbackId) {
        StringBuilder b = new StringBuilder(2048);
        b.append("<div class=\"notice-icon\">").append(CHECK).append("</div>\n")
                .append("<h1>").append(lang.pick("의견을 잘 받았어요", "Thank you \u2014 we received your message"))
                .append("</h1>\n<p class=\"lead\">")
                .append(lang.pick("소중한 의견 감사해요. 이 일을 맡은 담당자가 직접 읽고, 남겨 주신 이메일 주소로 답장을 드릴게요.",
                        "The person who owns this topic will read it and answer you by email, "
                                + "at the address you gave us."))
                .append("</p>\n");
        if (feedbackId != null && !feedbackId.isBlank()) {
            b.append("<div class=\"ref\"><span class=\"ref-label\">").append(lang.pick("접수 번호", "Reference"))
                    .append("</span><code>").append(Html.escape(feedbackId)).append("</code></div>\n")
                    .append("<p>").append(lang.pick("이 건으로 다시 연락하실 때 접수 번호를 함께 알려 주세요.",
                            "If you write to us about this again, please mention this reference."))
                    .append("</p>\n");
        }
        b.append("<div class=\"actions\">\n<a class=\"button secondary\" href=\"./?lang=").append(lang.code())
                .append("\">").append(lang.pick("다른 의견 보내기", "Send another message")).append("</a>\n</div>\n");
        return Layout.page(lang, lang.pick("의견을 잘 받았어요", "Thank you"), null, b.toString());
    }
}
