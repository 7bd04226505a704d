package dev.qmark.formintake.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class FeedbackFormPageTest {

    /** The start tag of the element with this id. */
    private static String tagWithId(String html, String id) {
        Matcher m = Pattern.compile("<[a-z]+[^>]*\\sid=\"" + Pattern.quote(id) + "\"[^>]*>").matcher(html);
        assertTrue(m.find(), "no element with id " + id);
        return m.group();
    }

    private static int count(String haystack, String needle) {
        int n = 0;
        for (int i = haystack.indexOf(needle); i >= 0; i = haystack.indexOf(needle, i + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void isAWholeDocumentInTheRightLanguage() {
        String en = FeedbackFormPage.render(Language.EN, null, null);
        assertTrue(en.startsWith("<!DOCTYPE html>"));
        assertTrue(en.contains("<html lang=\"en\">"));
        assertTrue(en.contains("<meta name=\"viewport\""));
        assertTrue(en.contains("<meta charset=\"utf-8\">"));
        assertTrue(en.contains("Send feedback"));
        assertTrue(en.trim().endsWith("</html>"));

        String ko = FeedbackFormPage.render(Language.KO, Map.of(), Map.of());
        assertTrue(ko.contains("<html lang=\"ko\">"));
        assertTrue(ko.contains("의견을 들려주세요"));
        assertTrue(ko.contains(">이름<"));
        assertTrue(ko.contains("보내기"));
        assertFalse(ko.contains("Send feedback"));
    }

    @Test
    void formPostsToFeedbackRelatively() {
        String html = FeedbackFormPage.render(Language.EN, null, null);
        assertTrue(html.contains("<form method=\"post\" action=\"feedback\" "
                + "enctype=\"application/x-www-form-urlencoded\" accept-charset=\"UTF-8\">"));
        assertEquals(1, count(html, "<form"));
        assertTrue(html.contains("<input type=\"hidden\" name=\"lang\" value=\"en\">"));
        assertTrue(FeedbackFormPage.render(Language.KO, null, null)
                .contains("<input type=\"hidden\" name=\"lang\" value=\"ko\">"));
    }

    @Test
    void hasTheFieldsWithLabels() {
        String html = FeedbackFormPage.render(Language.EN, null, null);
        for (String id : new String[] {"name", "email", "subject", "message", "website"}) {
            assertTrue(html.contains("<label for=\"" + id + "\">"), "label for " + id);
            assertTrue(tagWithId(html, id).contains("name=\"" + id + "\""), id);
        }
        assertTrue(tagWithId(html, "name").contains(" required"));
        assertTrue(tagWithId(html, "email").contains("type=\"email\""));
        assertTrue(tagWithId(html, "email").contains(" required"));
        assertFalse(tagWithId(html, "subject").contains(" required"));
        String message = tagWithId(html, "message");
        assertTrue(message.startsWith("<textarea"));
        assertTrue(message.contains("maxlength=\"10000\""));
        assertTrue(message.contains(" required"));
    }

    @Test
    void ratingIsRadiosOneToFiveWithNoRatingChosenByDefault() {
        String html = FeedbackFormPage.render(Language.EN, null, null);
        String none = tagWithId(html, "rating-none");
        assertTrue(none.contains("type=\"radio\"") && none.contains("name=\"rating\"") && none.contains("value=\"\""));
        assertTrue(none.contains(" checked"));
        for (int i = 1; i <= 5; i++) {
            String star = tagWithId(html, "rating-" + i);
            assertTrue(star.contains("type=\"radio\"") && star.contains("name=\"rating\"")
                    && star.contains("value=\"" + i + "\""), star);
            assertFalse(star.contains(" checked"));
            assertTrue(html.contains("<label for=\"rating-" + i + "\""));
        }
        assertTrue(html.contains("<fieldset") && html.contains("<legend>"));
    }

    @Test
    void chosenRatingIsKept() {
        String html = FeedbackFormPage.render(Language.EN, Map.of("rating", "4"), null);
        assertTrue(tagWithId(html, "rating-4").contains(" checked"));
        assertFalse(tagWithId(html, "rating-none").contains(" checked"));
        assertEquals(1, count(html, " checked"));

        String bogus = FeedbackFormPage.render(Language.EN, Map.of("rating", "9\"><script>"), null);
        assertTrue(tagWithId(bogus, "rating-none").contains(" checked"));
        assertFalse(bogus.contains("<script>"));
    }

    @Test
    void honeypotIsPresentAndHiddenFromPeople() {
        String html = FeedbackFormPage.render(Language.EN, Map.of("website", "http://spam.example"), null);
        String input = tagWithId(html, "website");
        assertTrue(input.contains("name=\"website\""));
        assertTrue(input.contains("tabindex=\"-1\""));
        assertTrue(input.contains("autocomplete=\"off\""));
        assertTrue(input.contains("value=\"\""), "the honeypot is never filled in again");
        assertFalse(html.contains("spam.example"));
        int at = html.indexOf(input);
        int wrapper = html.lastIndexOf("<div class=\"hp\" aria-hidden=\"true\">", at);
        assertTrue(wrapper >= 0 && html.indexOf("</div>", wrapper) > at, "inside the hidden wrapper");
        assertTrue(html.matches("(?s).*\\.hp\\{position:absolute;left:-10000px;.*"), "moved off-screen");
    }

    @Test
    void userValuesAreEscapedEverywhere() {
        Map<String, String> values = Map.of(
                "name", "<script>alert(1)</script>",
                "email", "\"><img src=x onerror=alert(1)>@x.com",
                "subject", "a & b ' c",
                "message", "</textarea><script>alert(2)</script>");
        Map<String, String> errors = Map.of("name", "<script>bad()</script>", "form", "<b>oops</b>");
        String html = FeedbackFormPage.render(Language.EN, values, errors);
        assertFalse(html.contains("<script"), "no raw script tag");
        assertFalse(html.contains("<img"));
        assertFalse(html.contains("<b>oops"));
        assertFalse(html.contains("</textarea><script"));
        assertTrue(html.contains("value=\"&lt;script&gt;alert(1)&lt;/script&gt;\""));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;img src=x onerror=alert(1)&gt;@x.com\""));
        assertTrue(html.contains("value=\"a &amp; b &#39; c\""));
        assertTrue(html.contains("&lt;/textarea&gt;&lt;script&gt;alert(2)&lt;/script&gt;</textarea>"));
        assertTrue(html.contains("&lt;b&gt;oops&lt;/b&gt;"));
    }

    @Test
    void valuesAreFilledInAgain() {
        String html = FeedbackFormPage.render(Language.KO,
                Map.of("name", "김민지", "email", "minji@example.com", "subject", "배송", "message", "안녕하세요\n둘째 줄"),
                Map.of("email", FeedbackFormPage.INVALID));
        assertTrue(tagWithId(html, "name").contains("value=\"김민지\""));
        assertTrue(tagWithId(html, "email").contains("value=\"minji@example.com\""));
        assertTrue(tagWithId(html, "subject").contains("value=\"배송\""));
        assertTrue(html.contains(">\n안녕하세요\n둘째 줄</textarea>"));
    }

    @Test
    void errorsAreShownNextToTheirFieldsAndInASummary() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("message", FeedbackFormPage.REQUIRED);
        errors.put("email", FeedbackFormPage.INVALID);
        String html = FeedbackFormPage.render(Language.EN, Map.of("email", "nope"), errors);

        assertTrue(html.contains("<title>Error: "));
        int summary = html.indexOf("role=\"alert\"");
        assertTrue(summary > 0);
        int form = html.indexOf("<form");
        assertTrue(summary < form, "summary above the form");
        String summaryHtml = html.substring(summary, form);
        // in the order of the form, linking to the fields
        int emailLink = summaryHtml.indexOf("<a href=\"#email\">Please enter a valid email address");
        int messageLink = summaryHtml.indexOf("<a href=\"#message\">Please write your message.</a>");
        assertTrue(emailLink > 0 && messageLink > emailLink, summaryHtml);

        // next to the field: the error sits inside the field's block, before its control, and is described by it
        String email = tagWithId(html, "email");
        assertTrue(email.contains("aria-invalid=\"true\""));
        assertTrue(email.contains("aria-describedby=\"email-hint email-error\""));
        int emailError = html.indexOf("id=\"email-error\"");
        assertTrue(emailError > html.indexOf("<label for=\"email\">") && emailError < html.indexOf(email));
        assertTrue(html.substring(emailError).startsWith("id=\"email-error\">"));
        assertTrue(html.contains("Please enter a valid email address, like name@example.com.</span></p>"));

        String message = tagWithId(html, "message");
        assertTrue(message.contains("aria-invalid=\"true\""));
        int messageError = html.indexOf("id=\"message-error\"");
        assertTrue(messageError > html.indexOf("<label for=\"message\">") && messageError < html.indexOf(message));

        String name = tagWithId(html, "name");
        assertFalse(name.contains("aria-invalid"));
        assertFalse(html.contains("id=\"name-error\""));
        assertEquals(2, count(html, "class=\"field has-error\""));
    }

    @Test
    void errorCodesAreTranslatedAndFreeTextIsKept() {
        Map<String, String> errors = new LinkedHashMap<>();
        errors.put("name", FeedbackFormPage.REQUIRED);
        errors.put("message", FeedbackFormPage.TOO_LONG);
        errors.put("rating", FeedbackFormPage.INVALID);
        errors.put("subject", "제목에 쓸 수 없는 글자가 있어요.");
        String ko = FeedbackFormPage.render(Language.KO, null, errors);
        assertTrue(ko.contains("<title>오류: "));
        assertTrue(ko.contains("이름을 입력해 주세요."));
        assertTrue(ko.contains("내용이 10,000자를 넘었어요."));
        assertTrue(ko.contains("별점은 1점에서 5점 사이로 골라 주세요."));
        assertTrue(ko.contains("<a href=\"#subject\">제목에 쓸 수 없는 글자가 있어요.</a>"));
        assertTrue(ko.contains("<a href=\"#rating-none\">"));
        assertFalse(ko.contains(">required<") || ko.contains(">too_long<"));
    }

    @Test
    void noErrorsNoSummary() {
        String html = FeedbackFormPage.render(Language.EN, Map.of("name", "x"), Map.of());
        assertFalse(html.contains("role=\"alert\""));
        assertFalse(html.contains("aria-invalid"));
        assertFalse(html.contains("<title>Error"));
    }

    @Test
    void offersTheOtherLanguage() {
        assertTrue(FeedbackFormPage.render(Language.EN, null, null).contains("href=\"./?lang=ko\""));
        assertTrue(FeedbackFormPage.render(Language.KO, null, null).contains("href=\"./?lang=en\""));
    }

    @Test
    void usesNothingFromElsewhereAndNoScript() {
        for (Language lang : Language.values()) {
            String html = FeedbackFormPage.render(lang, null, Map.of("email", "invalid"));
            assertFalse(html.contains("<script"));
            assertFalse(html.contains("http://") || html.contains("https://"), "no external resource");
            assertFalse(html.contains("<link"));
            assertFalse(html.matches("(?s).*\\son[a-z]+=.*"), "no event handler");
        }
    }
}
