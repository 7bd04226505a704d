package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class HtmlTextTest {

    @Test
    void dropsHeadScriptAndStyleAndCollapsesWhitespace() {
        String html = "<!DOCTYPE html><html><head><title>t</title><style>p{color:red}</style></head>"
                + "<body><script>alert('x')</script><p>Hello   \n  <b>Dana</b>,</p><!-- note --><p>thanks!</p></body></html>";
        assertEquals("Hello Dana,\n\nthanks!", HtmlText.toText(html));
    }

    @Test
    void blockElementsBecomeLineBreaks() {
        assertEquals("one\ntwo\nthree\n\nfour", HtmlText.toText("<div>one</div><div>two<br>three<br><br>four</div>"));
        assertEquals("- apples\n- pears", HtmlText.toText("<ul><li>apples</li><li>pears</li></ul>"));
        assertEquals("Order 4411\nTotal 5 €", HtmlText.toText("<table><tr><td>Order</td><td>4411</td></tr><tr><td>Total</td><td>5&nbsp;&euro;</td></tr></table>"));
    }

    @Test
    void decodesEntities() {
        assertEquals("a < b & \"c\" — 한 © ’ ✓ &bogus; –",
                HtmlText.toText("a &lt; b &amp; &quot;c&quot; &mdash; &#xD55C; &copy; &#8217; &check; &bogus; &#150;"));
        assertEquals("a < b", HtmlText.toText("a < b"));
    }

    @Test
    void blockquotesArePrefixedPerLevel() {
        String html = "<div>my answer</div><blockquote>quoted<br>line two<blockquote>deeper</blockquote></blockquote><div>after</div>";
        assertEquals("my answer\n\n> quoted\n> line two\n>\n>> deeper\n\nafter", HtmlText.toText(html));
    }

    @Test
    void outlookParagraphsAreSingleLinesAndEmptyOnesBlank() {
        String html = "<p class=MsoNormal>Hello,<o:p></o:p></p><p class=MsoNormal><o:p>&nbsp;</o:p></p>"
                + "<p class=MsoNormal>the part is broken.<o:p></o:p></p>";
        assertEquals("Hello,\n\nthe part is broken.", HtmlText.toText(html));
    }

    @Test
    void preformattedTextKeepsItsLines() {
        assertEquals("a\n  b   c", HtmlText.toText("<pre>a\n  b   c</pre>"));
    }

    @Test
    void brokenMarkupDoesNotLoseText() {
        assertEquals("text", HtmlText.toText("<head><meta charset=utf-8><body>text"));
        assertEquals("", HtmlText.toText("<div title=\"unterminated>text"));
        assertEquals("", HtmlText.toText(null));
    }

    @Test
    void hostileMarkupIsLinear() {
        String nested = "<blockquote>".repeat(200_000) + "x" + "</blockquote>".repeat(200_000);
        String unclosed = "<head><script x='".repeat(100_000) + "<head>".repeat(100_000) + "<!--".repeat(100_000);
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
            assertEquals(">>>>>>>>>> x", HtmlText.toText(nested));
            HtmlText.toText(unclosed);
            HtmlText.toText("<p>&#99999999999;&#x;&".repeat(50_000));
        });
    }
}
