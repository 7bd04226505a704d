package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Replies as mail clients write them, one file per client format under {@code mail/replies/}: the
 * reply body, a line {@code ~~~~ expected ~~~~}, and the text a person wrote.
 */
class ReplyTextTest {

    private static final String EXPECTED = "\n~~~~ expected ~~~~\n";

    @TestFactory
    Stream<DynamicTest> everyClientSample() throws IOException, URISyntaxException {
        Path dir = Path.of(ReplyTextTest.class.getResource("/mail/replies").toURI());
        List<Path> samples;
        try (Stream<Path> files = Files.list(dir)) {
            samples = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
        }
        return samples.stream().map(sample -> DynamicTest.dynamicTest(sample.getFileName().toString(), () -> {
            String content = Files.readString(sample, StandardCharsets.UTF_8);
            int split = content.indexOf(EXPECTED);
            String body = content.substring(0, split);
            String expected = content.substring(split + EXPECTED.length()).strip();
            assertEquals(expected, ReplyText.newText(body));
        }));
    }

    @Test
    void nullAndBlankGiveEmptyText() {
        assertEquals("", ReplyText.newText(null));
        assertEquals("", ReplyText.newText(" \r\n\t\n"));
    }

    @Test
    void plainTextWithoutQuoteIsKeptWhole() {
        assertEquals("Hello,\n\nmy order has not arrived.\nOrder 4411.",
                ReplyText.newText("Hello,\r\n\r\n\r\nmy order has not arrived.   \r\nOrder 4411.\r\n"));
    }

    @Test
    void personTypingOnMondayIWroteIsNotAnAttribution() {
        String body = "On Monday I wrote:\nthe screen flickers.\nIt still does.";
        assertEquals(body, ReplyText.newText(body));
    }

    @Test
    void unknownIntroductionNamingAnAddressBeforeAQuoteIsDropped() {
        String body = "Ja, bitte.\n\nJeff Kim <support@qmark.dev> hat geschrieben:\n> Soll ich stornieren?\n";
        assertEquals("Ja, bitte.", ReplyText.newText(body));
    }

    @Test
    void repliesConvertedFromHtmlAreStrippedLikePlainText() {
        String gmailHtml = "<div dir=\"ltr\">네 감사합니다!<br></div><br><div class=\"gmail_quote\">"
                + "<div dir=\"ltr\" class=\"gmail_attr\">2026년 11월 23일 (월) 오전 10:00, Qmark &lt;support@qmark.dev&gt;님이 작성:<br></div>"
                + "<blockquote class=\"gmail_quote\" style=\"margin:0px 0px 0px 0.8ex\"><div dir=\"ltr\">출고되었습니다.</div></blockquote></div>";
        assertEquals("네 감사합니다!", ReplyText.newText(HtmlText.toText(gmailHtml)));

        String outlookHtml = "<div>Thanks, that fixed it.</div><div id=\"appendonsend\"></div>"
                + "<hr style=\"display:inline-block;width:98%\" tabindex=\"-1\">"
                + "<div id=\"divRplyFwdMsg\" dir=\"ltr\"><font face=\"Calibri\"><b>From:</b> Qmark &lt;support@qmark.dev&gt;<br>"
                + "<b>Sent:</b> Monday, November 23, 2026 10:00 AM<br><b>To:</b> Dana<br><b>Subject:</b> Reset</font>"
                + "<div>&nbsp;</div></div><div>Try resetting the router.</div>";
        assertEquals("Thanks, that fixed it.", ReplyText.newText(HtmlText.toText(outlookHtml)));
    }

    @Test
    void hugeHostileBodyIsHandledQuickly() {
        StringBuilder body = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            body.append("On ").append("x".repeat(i % 290)).append(" 1 wrote\n> \n").append("From: a\n");
        }
        body.append("-".repeat(100_000)).append("\n").append("\u00A0".repeat(100_000));
        assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ReplyText.newText(body.toString()));
    }
}
