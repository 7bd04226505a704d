package dev.qmark.local.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class MailboxPageTest {

    private static final Instant T = Instant.parse("2025-11-23T09:15:00Z");

    private static MailView mail(String id, String subject, Instant at, String... to) {
        return new MailView(id, "Qmark <noreply@qmark.local>", List.of(to), null, null, subject, "text of " + id,
                null, at);
    }

    private static String render(List<MailView> mails, String notice) {
        return MailboxPage.render(mails, notice, ZoneId.of("UTC"));
    }

    private static List<String> reply(String html, String field) {
        Matcher m = Pattern.compile("name=\"" + field + "\" value=\"([^\"]*)\"").matcher(html);
        List<String> out = new ArrayList<>();
        while (m.find()) {
            out.add(m.group(1));
        }
        return out;
    }

    @Test
    void newestFirst() {
        String html = render(List.of(
                mail("<old@x>", "Old", T.minusSeconds(60), "a@x"),
                mail("<undated@x>", "Undated", null, "a@x"),
                mail("<new@x>", "New", T.plusSeconds(60), "a@x"),
                mail("<mid@x>", "Mid", T, "a@x")), null);
        int n = html.indexOf(">New<");
        int mid = html.indexOf(">Mid<");
        int old = html.indexOf(">Old<");
        int undated = html.indexOf(">Undated<");
        assertTrue(n > 0 && n < mid && mid < old && old < undated, "newest first, unknown time last");
        assertEquals(List.of("&lt;new@x&gt;", "&lt;mid@x&gt;", "&lt;old@x&gt;", "&lt;undated@x&gt;"),
                reply(html, "messageId"));
    }

    @Test
    void sameTimeLaterInTheListFirst() {
        String html = render(List.of(mail("first", "First", T, "a@x"), mail("second", "Second", T, "a@x")), null);
        assertTrue(html.indexOf(">Second<") < html.indexOf(">First<"));
    }

    @Test
    void eachMailHasItsReplyForm() {
        String html = render(List.of(
                mail("<1@x>", "One", T, "owner@acme.test", "other@acme.test"),
                mail("<2@x>", "Two", T.plusSeconds(1), "minji@example.com")), null);
        assertEquals(2, html.split("<form class=\"reply\" method=\"post\" action=\"/_local/mail/reply\"", -1).length - 1);
        assertEquals(List.of("&lt;2@x&gt;", "&lt;1@x&gt;"), reply(html, "messageId"));
        assertEquals(List.of("minji@example.com", "owner@acme.test"), reply(html, "from"),
                "from is the first To of the mail");
        assertEquals(2, html.split("<textarea id=\"m\\d-text\" name=\"text\"", -1).length - 1);
        assertEquals(2, html.split("<button type=\"submit\">Reply</button>", -1).length - 1);
        assertTrue(html.contains("<label for=\"m0-from\">") && html.contains("<label for=\"m1-text\">"));
        // every form is inside its own <details>
        assertEquals(2, html.split("<details class=\"mail\"", -1).length - 1);
        assertTrue(html.indexOf("<details class=\"mail\" id=\"m1\"") < html.lastIndexOf("action=\"/_local/mail/reply\""));
    }

    @Test
    void showsHeadersAndTime() {
        MailView m = new MailView("<a@x>", "Qmark <noreply@qmark.local>", List.of("o@x"), List.of("cc@x"),
                List.of("fb-1@reply.local"), "Subj", "Body", null, T);
        String html = render(List.of(m), null);
        assertTrue(html.contains("<dt>Reply-To</dt><dd>fb-1@reply.local</dd>"));
        assertTrue(html.contains("<dt>Cc</dt><dd>cc@x</dd>"));
        assertTrue(html.contains("<time class=\"time\" datetime=\"2025-11-23T09:15:00Z\">2025-11-23 09:15:00</time>"));
        assertTrue(html.contains("<pre>Body</pre>"));
    }

    @Test
    void subjectTextAndAddressesAreEscaped() {
        MailView m = new MailView("<id\"@x>", "Evil <e@x>", List.of("\"><script>alert(0)</script>"), List.of(),
                List.of(), "<script>alert(1)</script>", "</pre><script>alert(2)</script>", null, T);
        String html = render(List.of(m), "<b>notice</b>");
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("<b>notice"));
        assertTrue(html.contains("<span class=\"subject\">&lt;script&gt;alert(1)&lt;/script&gt;</span>"));
        assertTrue(html.contains("<pre>&lt;/pre&gt;&lt;script&gt;alert(2)&lt;/script&gt;</pre>"));
        assertTrue(html.contains("value=\"&lt;id&quot;@x&gt;\""));
        assertTrue(html.contains("value=\"&quot;&gt;&lt;script&gt;alert(0)&lt;/script&gt;\""));
        assertTrue(html.contains("&lt;b&gt;notice&lt;/b&gt;"));
    }

    @Test
    void htmlPartIsInASandboxedFrameWithEscapedSrcdoc() {
        String part = "<p class=\"x\">Hi & 'bye'</p><script>parent.alert(1)</script>";
        MailView m = new MailView("<h@x>", "f@x", List.of("t@x"), null, null, "S", null, part, T);
        String html = render(List.of(m), null);
        // sandboxed without allow-scripts; links may open a tab of their own (the base target)
        assertTrue(html.contains("<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML part of S\""
                + " srcdoc=\"&lt;base target=&quot;_blank&quot;&gt;&lt;p class=&quot;x&quot;&gt;Hi &amp; &#39;bye&#39;&lt;/p&gt;&lt;script&gt;parent.alert(1)"
                + "&lt;/script&gt;\"></iframe>"));
        assertFalse(html.contains("<script"));
        assertTrue(html.contains("No text part."));
        assertFalse(render(List.of(mail("a", "b", T, "c@x")), null).contains("<iframe"));
    }

    @Test
    void noticeOnTopOnlyWhenGiven() {
        String html = render(List.of(mail("a", "b", T, "c@x")), "Reply sent");
        int notice = html.indexOf("<p class=\"notice\" role=\"status\">Reply sent</p>");
        assertTrue(notice > 0 && notice < html.indexOf("<details"));
        assertFalse(render(List.of(mail("a", "b", T, "c@x")), null).contains("class=\"notice\""));
    }

    @Test
    void emptyMailbox() {
        String html = render(List.of(), null);
        assertTrue(html.contains("No mail yet"));
        assertFalse(html.contains("<details"));
        assertFalse(html.contains("<form"));
        assertTrue(MailboxPage.render(null, null).contains("No mail yet"));
    }

    @Test
    void refreshLinkAndNoScript() {
        String html = render(List.of(mail("a", "b", T, "c@x")), null);
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<a class=\"refresh\" href=\"/_local/mail\">Refresh</a>"));
        assertFalse(html.contains("<script"));
        assertFalse(html.contains("http-equiv=\"refresh\""));
    }

    @Test
    void mailWithoutToGetsAnEmptyFrom() {
        MailView m = new MailView("a", null, null, null, null, null, "t", null, null);
        String html = render(List.of(m), null);
        assertEquals(List.of(""), reply(html, "from"));
        assertTrue(html.contains("(no subject)"));
        assertTrue(html.contains("time unknown"));
        assertEquals("", m.firstTo());
    }

    @Test
    void linksInTextAndHtmlAreClickableAndOnlyHttp() {
        MailView m = new MailView("a", "Qmark <q@x>", List.of("minsu@example.org"), null, null, "Rate us",
                "How did we do? http://127.0.0.1:8080/rate/tok?score=1&x=2.\nNot this: javascript:alert(1)",
                "<p><a href=\"http://127.0.0.1:8080/rate/tok?score=5&amp;x=2\">5</a> <a href=\"javascript:alert(1)\">x</a></p>",
                T);
        String html = render(List.of(m), null);
        String one = "<a href=\"http://127.0.0.1:8080/rate/tok?score=1&amp;x=2\" target=\"_blank\" rel=\"noopener noreferrer\">";
        assertTrue(html.contains("<pre>How did we do? " + one), "linked in the text, the full stop left out: " + html);
        assertTrue(html.contains("<h2>Links</h2>"));
        assertTrue(html.contains("<li><a href=\"http://127.0.0.1:8080/rate/tok?score=5&amp;x=2\" target=\"_blank\""));
        assertFalse(html.contains("href=\"javascript:"), "never a script link on this page");
        assertTrue(html.contains("sandbox=\"allow-popups allow-popups-to-escape-sandbox\""), "no scripts in the frame");
        assertTrue(html.contains("&lt;base target=&quot;_blank&quot;&gt;"), "its links open a new tab");
    }

    @Test
    void aMailboxShowsOnlyItsMailAndAnswersAsItsOwner() {
        List<MailView> mails = List.of(mail("<q@x>", "? Late", T, "dana@example.com"),
                mail("<ack@x>", "We received your message", T.plusSeconds(1), "minsu@example.org"));
        String html = MailboxPage.render(mails, null, "Minsu@Example.org", "dana@example.com"::equals, ZoneId.of("UTC"));
        assertTrue(html.contains("We received your message"));
        assertFalse(html.contains("? Late"));
        assertEquals(List.of("minsu@example.org"), reply(html, "from"));
        assertTrue(html.contains("href=\"/_local/mail?mailbox=minsu%40example.org\" aria-current=\"page\">"
                + "minsu@example.org (1)<span class=\"kind\">customer</span>"), html);
        assertTrue(html.contains(">dana@example.com (1)<span class=\"kind\">staff</span>"), html);
        assertTrue(html.indexOf("dana@example.com (1)") < html.indexOf("minsu@example.org (1)"), "staff first");
    }

    @Test
    void aMailboxNameIsEscaped() {
        String html = MailboxPage.render(List.of(mail("a", "b", T, "\"><script>@x")), null, "\"><script>@x",
                a -> false, ZoneId.of("UTC"));
        assertFalse(html.contains("<script"), html);
    }
}
