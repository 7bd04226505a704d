package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** ThankYouPage and ErrorPage. */
class ResultPageTest {

    @Test
    void thankYouShowsTheReferenceInBothLanguages() {
        String en = ThankYouPage.render(Language.EN, "fb_123");
        assertTrue(en.contains("<html lang=\"en\">"));
        assertTrue(en.contains("we received your message"));
        assertTrue(en.contains("answer you by email"));
        assertTrue(en.contains("<code>fb_123</code>"));
        assertTrue(en.contains("href=\"./?lang=en\""));

        String ko = ThankYouPage.render(Language.KO, "fb_123");
        assertTrue(ko.contains("<html lang=\"ko\">"));
        assertTrue(ko.contains("의견을 잘 받았어요"));
        assertTrue(ko.contains("이메일 주소로 답장을 드릴게요"));
        assertTrue(ko.contains("접수 번호"));
        assertTrue(ko.contains("<code>fb_123</code>"));
    }

    @Test
    void thankYouEscapesTheReference() {
        String html = ThankYouPage.render(Language.EN, "<script>x</script>");
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("&lt;script&gt;x&lt;/script&gt;"));
        assertFalse(ThankYouPage.render(Language.EN, null).contains("<code>"));
    }

    @Test
    void tooLargeSaysSo() {
        String en = ErrorPage.render(Language.EN, 413, null);
        assertTrue(en.contains("too large"));
        assertTrue(en.contains("(413)</title>"));
        assertTrue(ErrorPage.render(Language.KO, 413, null).contains("너무 커요"));
    }

    @Test
    void genericFailureAndEscapedDetail() {
        String en = ErrorPage.render(Language.EN, 500, "<img src=x onerror=alert(1)>");
        assertTrue(en.contains("Something went wrong"));
        assertFalse(en.contains("<img"));
        assertTrue(en.contains("&lt;img src=x onerror=alert(1)&gt;"));
        assertTrue(en.contains("href=\"./?lang=en\""));
        String ko = ErrorPage.render(Language.KO, 502, null);
        assertTrue(ko.contains("<html lang=\"ko\">"));
        assertTrue(ko.contains("문제가 생겼어요"));
        assertFalse(ko.contains("class=\"detail\""));
    }

    @Test
    void htmlEscapeCoversTheFiveCharacters() {
        assertTrue(Html.escape("<>&\"'").equals("&lt;&gt;&amp;&quot;&#39;"));
        assertTrue(Html.escape(null).isEmpty());
        assertTrue(Html.escape("plain 한글").equals("plain 한글"));
    }
}
