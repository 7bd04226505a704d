package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

/** What a customer sees when the form could not be taken: too large (413), a bad request, or a failure. */
public final class ErrorPage {

    private ErrorPage() {
    }

    /**
     * @param status  the HTTP status being answered; picks the title and the advice
     * @param message an extra sentence to show (escaped), or {@code null}
     */
    public static String render(Language lang, int status, String message) {
        String title;
        String advice;
        switch (status) {
            case 413 -> {
                title = lang.pick("보내신 내용이 너무 커요", "Your message is too large");
                advice = lang.pick("내용을 조금 줄여서 다시 보내 주세요. 브라우저의 ‘뒤로 가기’를 누르면 "
                                + "작성하신 내용을 그대로 고칠 수 있어요.",
                        "Please shorten it and send it again. Use your browser\u2019s Back button to return to "
                                + "the form with what you wrote.");
            }
            case 400, 415, 422 -> {
                title = lang.pick("요청을 처리하지 못했어요", "We couldn\u2019t read that request");
                advice = lang.pick("양식을 처음부터 다시 작성해서 보내 주세요.",
                        "Please fill in the form again and send it.");
            }
            case 404, 405 -> {
                title = lang.pick("페이지를 찾을 수 없어요", "Page not found");
                advice = lang.pick("의견 보내기 양식으로 돌아가 주세요.", "Please go back to the feedback form.");
            }
            case 429 -> {
                title = lang.pick("요청이 너무 많아요", "Too many requests");
                advice = lang.pick("잠시 기다렸다가 다시 시도해 주세요.", "Please wait a moment and try again.");
            }
            default -> {
                title = lang.pick("저희 쪽에 문제가 생겼어요", "Something went wrong on our side");
                advice = lang.pick("보내신 의견이 저장되지 않았어요. 잠시 후 다시 시도해 주세요. "
                                + "브라우저의 ‘뒤로 가기’를 누르면 작성하신 내용이 남아 있을 수 있어요.",
                        "Your message was not saved. Please try again in a moment \u2014 your browser\u2019s "
                                + "Back button may still have what you wrote.");
            }
        }
        StringBuilder b = new StringBuilder(2048);
        b.append("<div class=\"notice-icon bad\">")
                .append(FeedbackFormPage.ERROR_ICON.replace("width=\"16\" height=\"16\"", "width=\"28\" height=\"28\""))
                .append("</div>\n<h1>").append(title).append("</h1>\n<p class=\"lead\">").append(advice).append("</p>\n");
        if (message != null && !message.isBlank()) {
            b.append("<p class=\"detail\">").append(Html.escape(message)).append("</p>\n");
        }
        b.append("<div class=\"actions\">\n<a class=\"button secondary\" href=\"./?lang=").append(lang.code())
                .append("\">").append(lang.pick("의견 보내기 양식으로", "Back to the feedback form"))
                .append("</a>\n</div>\n");
        return Layout.page(lang, title + " (" + status + ")", null, b.toString());
    }
}
