package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

/**
 * The page a rating link opens: the score preselected, an optional comment, one button. Opening it
 * records nothing (mail scanners follow links); only its POST does. Also the pages after the POST,
 * for a rating whose time is over, and for a link that is not one of ours.
 */
public final class RatingPage {

    public static final String SCORE = "score";
    public static final String COMMENT = "comment";

    private RatingPage() {
    }

    /**
     * @param action  where the form posts (the token, relative to {@code /rate/})
     * @param score   the score to preselect (from the link, or the one given before), or null
     * @param saved   whether this page answers a POST that recorded the rating
     */
    public static String form(Language lang, String action, String writer, Integer score, String comment, boolean saved) {
        String[] words = lang == Language.KO
                ? new String[] {"별로예요", "아쉬워요", "보통이에요", "좋아요", "최고예요"}
                : new String[] {"Poor", "Fair", "Okay", "Good", "Excellent"};
        String title = lang.pick("답변은 어떠셨나요?", "How did we do?");
        StringBuilder b = new StringBuilder(4096);
        b.append("<h1>").append(title).append("</h1>\n");
        if (saved) {
            b.append("<p class=\"lead\" role=\"status\">").append(lang.pick("고맙습니다. 평가를 받았어요. 14일 동안 바꾸실 수 있어요.",
                    "Thank you: your rating is saved. You can change it for 14 days.")).append("</p>\n");
        } else {
            b.append("<p class=\"lead\">").append(Html.escape(lang.pick(writer + "의 답변을 평가해 주세요.",
                    "Please rate the answer " + writer + " sent you."))).append("</p>\n");
        }
        b.append("<form method=\"post\" action=\"").append(Html.escape(action)).append("\">\n<fieldset class=\"field\">\n<legend>")
                .append(lang.pick("점수 (1 = 매우 불만족, 5 = 매우 만족)", "Your rating (1 = poor, 5 = excellent)")).append("</legend>\n");
        for (int i = 1; i <= 5; i++) {
            b.append("<label><input type=\"radio\" name=\"").append(SCORE).append("\" value=\"").append(i).append("\"")
                    .append(score != null && score == i ? " checked" : "").append(" required> ").append(i).append(" - ")
                    .append(words[i - 1]).append("</label><br>\n");
        }
        b.append("</fieldset>\n<div class=\"field\"><label for=\"comment\">").append(lang.pick("하고 싶은 말 (선택)", "Anything to add? (optional)"))
                .append("</label>\n<textarea id=\"comment\" name=\"").append(COMMENT).append("\" maxlength=\"2000\" rows=\"4\">\n")
                .append(Html.escape(comment == null ? "" : comment)).append("</textarea></div>\n")
                .append("<input type=\"hidden\" name=\"lang\" value=\"").append(lang.code()).append("\">\n")
                .append("<div class=\"actions\"><button class=\"button\" type=\"submit\">")
                .append(lang.pick("평가 보내기", saved ? "Change my rating" : "Send my rating")).append("</button></div>\n</form>\n");
        return Layout.page(lang, title, null, b.toString());
    }

    /** The rating's 14 days are over. */
    public static String closed(Language lang) {
        String title = lang.pick("평가 기간이 끝났어요", "Rating is closed");
        return Layout.page(lang, title, null, "<h1>" + title + "</h1>\n<p class=\"lead\">"
                + lang.pick("이 답변은 보낸 지 14일이 지나 더 이상 평가할 수 없어요. 하실 말씀이 있으면 받으신 메일에 답장해 주세요.",
                "This answer was sent more than 14 days ago and can no longer be rated. If there is anything to add, "
                        + "just reply to the mail you got.") + "</p>\n");
    }

    /** A link that is not one of ours, or was damaged on the way (a mail client cut it). */
    public static String unknown(Language lang) {
        String title = lang.pick("링크를 확인할 수 없어요", "This link does not work");
        return Layout.page(lang, title, null, "<h1>" + title + "</h1>\n<p class=\"lead\">"
                + lang.pick("링크가 잘렸거나 잘못되었어요. 받으신 메일의 링크를 다시 눌러 주세요.",
                "The link is incomplete or wrong. Please open it again from the mail you got.") + "</p>\n");
    }
}
