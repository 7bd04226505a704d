package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The public feedback form ({@code GET /}, and again after a {@code POST /feedback} that had errors).
 *
 * <p>Field names are the constants below. An error value is either one of the codes {@link #REQUIRED},
 * {@link #INVALID}, {@link #TOO_LONG} (turned into a sentence in the page's language) or a sentence of the
 * caller's own, shown as given (escaped). An error under a key that is not a field (say {@code "form"}) is shown
 * in the summary only.
 */
public final class FeedbackFormPage {

    public static final String NAME = "name";
    public static final String EMAIL = "email";
    public static final String SUBJECT = "subject";
    public static final String MESSAGE = "message";
    public static final String RATING = "rating";
    public static final String LANG = "lang";
    /** The honeypot: people never see it, a filled one means a bot. */
    public static final String HONEYPOT = "website";

    /** Error code: the field is empty. */
    public static final String REQUIRED = "required";
    /** Error code: the value is not acceptable (not an email address, rating not 1-5). */
    public static final String INVALID = "invalid";
    /** Error code: the value is longer than allowed. */
    public static final String TOO_LONG = "too_long";

    public static final int MESSAGE_MAX_LENGTH = 10_000;

    private static final List<String> FIELDS = List.of(NAME, EMAIL, SUBJECT, MESSAGE, RATING);

    static final String ERROR_ICON = """
            <svg viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">\
            <circle cx="8" cy="8" r="7.2" fill="currentColor"/><path d="M8 4.2v4.6" stroke="#fff" \
            stroke-width="1.8" stroke-linecap="round"/><circle cx="8" cy="11.5" r="1.05" fill="#fff"/></svg>""";

    private static final String STAR_SYMBOL = """
            <svg width="0" height="0" style="position:absolute" aria-hidden="true" focusable="false"><symbol \
            id="star" viewBox="0 0 24 24"><path d="M12 2.6l2.83 5.92 6.5.83-4.78 4.5 1.2 6.45L12 17.14l-5.75 \
            3.16 1.2-6.45-4.78-4.5 6.5-.83z" fill="currentColor" stroke="currentColor" stroke-width="1.2" \
            stroke-linejoin="round"/></symbol></svg>""";

    private FeedbackFormPage() {
    }

    /**
     * @param values what the customer sent, to fill the fields in again; {@code null} for an empty form
     * @param errors field name to error code or sentence; {@code null} or empty for none
     */
    public static String render(Language lang, Map<String, String> values, Map<String, String> errors) {
        Map<String, String> v = values == null ? Map.of() : values;
        Map<String, String> e = errors == null ? Map.of() : errors;
        Map<String, String> shown = orderedErrors(lang, e);

        StringBuilder b = new StringBuilder(12_288);
        b.append("<h1>").append(lang.pick("의견을 들려주세요", "Tell us what you think")).append("</h1>\n")
                .append("<p class=\"lead\">")
                .append(lang.pick("궁금한 점, 좋았던 점, 불편했던 점 무엇이든 괜찮아요. "
                                + "담당자가 직접 읽고 이메일로 답장을 드려요.",
                        "Questions, ideas, or something that didn\u2019t work \u2014 anything is welcome. "
                                + "The person responsible reads every message and replies by email."))
                .append("</p>\n");

        if (!shown.isEmpty()) {
            b.append("<div class=\"error-summary\" role=\"alert\" aria-labelledby=\"error-summary-title\" ")
                    .append("tabindex=\"-1\" id=\"error-summary\">\n<h2 id=\"error-summary-title\">")
                    .append(lang.pick("보내기 전에 아래 항목을 확인해 주세요.", "Please check the following before sending:"))
                    .append("</h2>\n<ul>\n");
            for (Map.Entry<String, String> err : shown.entrySet()) {
                b.append("<li>");
                if (FIELDS.contains(err.getKey())) {
                    String target = RATING.equals(err.getKey()) ? "rating-none" : err.getKey();
                    b.append("<a href=\"#").append(target).append("\">").append(Html.escape(err.getValue()))
                            .append("</a>");
                } else {
                    b.append(Html.escape(err.getValue()));
                }
                b.append("</li>\n");
            }
            b.append("</ul>\n</div>\n");
        }

        b.append("<form method=\"post\" action=\"feedback\" enctype=\"application/x-www-form-urlencoded\" ")
                .append("accept-charset=\"UTF-8\">\n")
                .append("<input type=\"hidden\" name=\"").append(LANG).append("\" value=\"").append(lang.code())
                .append("\">\n");

        textField(b, lang, NAME, lang.pick("이름", "Name"), null, "text", "name", true, v, shown);
        textField(b, lang, EMAIL, lang.pick("이메일", "Email"),
                lang.pick("답장은 이 주소로 보내 드려요.", "We\u2019ll reply to this address."),
                "email", "email", true, v, shown);
        textField(b, lang, SUBJECT, lang.pick("제목", "Subject"), null, "text", "off", false, v, shown);
        messageField(b, lang, v, shown);
        ratingField(b, lang, v.get(RATING), shown.get(RATING));

        // The honeypot: off-screen, out of the tab order, hidden from assistive technology, never refilled.
        b.append("<div class=\"hp\" aria-hidden=\"true\">\n<label for=\"").append(HONEYPOT)
                .append("\">").append(lang.pick("웹사이트 (비워 두세요)", "Website (leave empty)"))
                .append("</label>\n<input type=\"text\" id=\"").append(HONEYPOT).append("\" name=\"").append(HONEYPOT)
                .append("\" value=\"\" tabindex=\"-1\" autocomplete=\"off\">\n</div>\n");

        b.append("<div class=\"actions\">\n<button type=\"submit\" class=\"button\">")
                .append(lang.pick("보내기", "Send feedback"))
                .append("</button>\n</div>\n</form>\n");

        String title = lang.pick("의견 보내기", "Send feedback");
        if (!shown.isEmpty()) {
            title = lang.pick("오류: ", "Error: ") + title;
        }
        return Layout.page(lang, title, Layout.switchHref(lang), b.toString());
    }

    /** Field errors in the order of the form, then the others in the caller's order; codes made into sentences. */
    private static Map<String, String> orderedErrors(Language lang, Map<String, String> errors) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String f : FIELDS) {
            String err = errors.get(f);
            if (err != null && !err.isBlank()) {
                out.put(f, sentence(lang, f, err));
            }
        }
        for (Map.Entry<String, String> err : errors.entrySet()) {
            if (err.getKey() != null && !FIELDS.contains(err.getKey()) && err.getValue() != null
                    && !err.getValue().isBlank()) {
                out.put(err.getKey(), sentence(lang, err.getKey(), err.getValue()));
            }
        }
        return out;
    }

    static String sentence(Language lang, String field, String codeOrText) {
        return switch (codeOrText) {
            case REQUIRED -> switch (field) {
                case NAME -> lang.pick("이름을 입력해 주세요.", "Please enter your name.");
                case EMAIL -> lang.pick("이메일 주소를 입력해 주세요.", "Please enter your email address.");
                case MESSAGE -> lang.pick("내용을 입력해 주세요.", "Please write your message.");
                default -> lang.pick("이 항목을 입력해 주세요.", "Please fill in this field.");
            };
            case INVALID -> switch (field) {
                case EMAIL -> lang.pick("올바른 이메일 주소를 입력해 주세요. 예: name@example.com",
                        "Please enter a valid email address, like name@example.com.");
                case RATING -> lang.pick("별점은 1점에서 5점 사이로 골라 주세요.",
                        "Please choose a rating from 1 to 5 stars.");
                default -> lang.pick("입력한 내용을 다시 확인해 주세요.", "Please check what you entered here.");
            };
            case TOO_LONG -> switch (field) {
                case MESSAGE -> lang.pick("내용이 10,000자를 넘었어요. 조금 줄여 주세요.",
                        "Your message is longer than 10,000 characters. Please shorten it.");
                default -> lang.pick("입력한 내용이 너무 길어요. 조금 줄여 주세요.",
                        "This is too long. Please shorten it.");
            };
            default -> codeOrText;
        };
    }

    private static void label(StringBuilder b, Language lang, String id, String label, boolean required) {
        b.append("<label for=\"").append(id).append("\">").append(label);
        if (!required) {
            b.append("<span class=\"opt\">").append(lang.pick("(선택)", "(optional)")).append("</span>");
        }
        b.append("</label>\n");
    }

    /** The hint and the error above the control, and the aria-describedby that points at them. */
    private static String describe(StringBuilder b, String id, String hint, String error) {
        StringBuilder ids = new StringBuilder();
        if (hint != null) {
            b.append("<p class=\"hint\" id=\"").append(id).append("-hint\">").append(hint).append("</p>\n");
            ids.append(id).append("-hint");
        }
        if (error != null) {
            b.append("<p class=\"field-error\" id=\"").append(id).append("-error\">").append(ERROR_ICON)
                    .append("<span>").append(Html.escape(error)).append("</span></p>\n");
            ids.append(ids.isEmpty() ? "" : " ").append(id).append("-error");
        }
        return ids.toString();
    }

    private static void openField(StringBuilder b, String error) {
        b.append(error == null ? "<div class=\"field\">\n" : "<div class=\"field has-error\">\n");
    }

    private static void commonAttributes(StringBuilder b, boolean required, String describedBy, String error) {
        if (required) {
            b.append(" required");
        }
        if (error != null) {
            b.append(" aria-invalid=\"true\"");
        }
        if (!describedBy.isEmpty()) {
            b.append(" aria-describedby=\"").append(describedBy).append("\"");
        }
    }

    private static void textField(StringBuilder b, Language lang, String id, String label, String hint, String type,
            String autocomplete, boolean required, Map<String, String> values, Map<String, String> errors) {
        String error = errors.get(id);
        openField(b, error);
        label(b, lang, id, label, required);
        String describedBy = describe(b, id, hint, error);
        b.append("<input type=\"").append(type).append("\" id=\"").append(id).append("\" name=\"").append(id)
                .append("\" value=\"").append(Html.escape(values.get(id))).append("\" autocomplete=\"")
                .append(autocomplete).append("\"");
        if (EMAIL.equals(id)) {
            b.append(" spellcheck=\"false\" autocapitalize=\"off\"");
        }
        commonAttributes(b, required, describedBy, error);
        b.append(">\n</div>\n");
    }

    private static void messageField(StringBuilder b, Language lang, Map<String, String> values,
            Map<String, String> errors) {
        String error = errors.get(MESSAGE);
        openField(b, error);
        label(b, lang, MESSAGE, lang.pick("내용", "Message"), true);
        String describedBy = describe(b, MESSAGE,
                lang.pick("최대 10,000자까지 쓸 수 있어요.", "Up to 10,000 characters."), error);
        b.append("<textarea id=\"").append(MESSAGE).append("\" name=\"").append(MESSAGE)
                .append("\" rows=\"8\" maxlength=\"").append(MESSAGE_MAX_LENGTH).append("\"");
        commonAttributes(b, true, describedBy, error);
        // A newline right after <textarea> is eaten by the parser: add one so a value's own first newline stays.
        b.append(">\n").append(Html.escape(values.get(MESSAGE))).append("</textarea>\n</div>\n");
    }

    private static void ratingField(StringBuilder b, Language lang, String value, String error) {
        int chosen = 0;
        if (value != null && value.trim().matches("[1-5]")) {
            chosen = Integer.parseInt(value.trim());
        }
        String[] words = lang == Language.KO
                ? new String[] {"별로예요", "아쉬워요", "보통이에요", "좋아요", "최고예요"}
                : new String[] {"Poor", "Fair", "Okay", "Good", "Excellent"};

        b.append(STAR_SYMBOL).append('\n');
        b.append(error == null ? "<fieldset class=\"field\"" : "<fieldset class=\"field has-error\"");
        if (error != null) {
            b.append(" aria-describedby=\"rating-error\"");
        }
        b.append(">\n<legend>").append(lang.pick("전반적으로 얼마나 만족하셨나요?", "How was your experience overall?"))
                .append("<span class=\"opt\">").append(lang.pick("(선택)", "(optional)")).append("</span></legend>\n");
        if (error != null) {
            b.append("<p class=\"field-error\" id=\"rating-error\">").append(ERROR_ICON).append("<span>")
                    .append(Html.escape(error)).append("</span></p>\n");
        }
        b.append("<div class=\"rating\">\n");
        b.append("<input type=\"radio\" id=\"rating-none\" name=\"").append(RATING).append("\" value=\"\"")
                .append(chosen == 0 ? " checked" : "").append(">")
                .append("<label for=\"rating-none\" class=\"none\">").append(lang.pick("선택 안 함", "No rating"))
                .append("</label><span class=\"break\"></span>\n");
        for (int i = 1; i <= 5; i++) {
            String text = lang == Language.KO
                    ? "5점 만점에 " + i + "점, " + words[i - 1]
                    : i + (i == 1 ? " star" : " stars") + " out of 5, " + words[i - 1];
            b.append("<input type=\"radio\" class=\"s\" id=\"rating-").append(i).append("\" name=\"").append(RATING)
                    .append("\" value=\"").append(i).append("\"").append(chosen == i ? " checked" : "").append(">")
                    .append("<label for=\"rating-").append(i).append("\" class=\"star\" title=\"")
                    .append(words[i - 1]).append("\"><svg aria-hidden=\"true\" focusable=\"false\">")
                    .append("<use href=\"#star\"/></svg><span class=\"sr\">").append(text)
                    .append("</span></label>\n");
        }
        for (int i = 1; i <= 5; i++) {
            b.append("<span class=\"rating-desc d").append(i).append("\" aria-hidden=\"true\">")
                    .append(words[i - 1]).append("</span>");
        }
        b.append("\n</div>\n</fieldset>\n");
    }
}
