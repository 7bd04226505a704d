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
        assertTrue(html.contains("<iframe sandbox title=\"HTML part of S\" srcdoc=\""
                + "&lt;p class=&quot;x&quot;&gt;Hi &amp; &#39;bye&#39;&lt;/p&gt;&lt;script&gt;parent.alert(1)"
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
}
