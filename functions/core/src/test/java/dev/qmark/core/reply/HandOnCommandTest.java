package dev.qmark.core.reply;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.mail.ReplyText;
import dev.qmark.core.reply.HandOnCommand.Target;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** "? @alias", "? address" and "?" on the first line of a reply's new text, and the note below. */
class HandOnCommandTest {

    @Test
    void anAliasOnTheFirstLine() {
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "")), HandOnCommand.parse("? @ops"));
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "")), HandOnCommand.parse("?@OPS"));
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "founder", "")), HandOnCommand.parse("  ? @founder.  "));
        assertEquals("? @ops", HandOnCommand.parse("? @ops").orElseThrow().written());
    }

    @Test
    void anAddressOnTheFirstLine() {
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "olivia@example.com", "")),
                HandOnCommand.parse("? Olivia@Example.com"));
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "olivia@example.com", "")),
                HandOnCommand.parse("? <olivia@example.com>"));
        // Outlook's plain-text part, where the typed address became a link
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "olivia@example.com", "")),
                HandOnCommand.parse("? olivia@example.com<mailto:olivia@example.com>"));
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "olivia@example.com", "")),
                HandOnCommand.parse("? olivia@example.com."));
        assertEquals("? olivia@example.com", HandOnCommand.parse("? olivia@example.com").orElseThrow().written());
    }

    @Test
    void aBareQuestionMark() {
        assertEquals(Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, "")), HandOnCommand.parse("?"));
        assertEquals(Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, "")), HandOnCommand.parse("\n  ?  \n\n"));
        // the full-width question mark of Korean and Japanese input methods
        assertEquals(Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, "")), HandOnCommand.parse("？"));
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "")), HandOnCommand.parse("？ ＠ops"));
    }

    @Test
    void aQuestionMarkThenABlankLineAndANote() {
        assertEquals(Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, "Dana, this one is yours.\nCall them today.")),
                HandOnCommand.parse("?\n\nDana, this one is yours.\nCall them today.\n"));
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "billing", "Refund asked twice already.")),
                HandOnCommand.parse("? @billing\r\n\r\nRefund asked twice already.\r\n"));
        // the note may start on the command's own line
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "yours, I think.\nThanks")),
                HandOnCommand.parse("? @ops: yours, I think.\nThanks"));
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "olivia@example.com", "please")),
                HandOnCommand.parse("? olivia@example.com, please"));
    }

    @Test
    void aKoreanNote() {
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "올리비아 님, 이 건은 운영팀에서 확인 부탁드립니다.\n감사합니다.")),
                HandOnCommand.parse("? @ops\n\n올리비아 님, 이 건은 운영팀에서 확인 부탁드립니다.\n감사합니다."));
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "확인 부탁해요")),
                HandOnCommand.parse("? @ops 확인 부탁해요"));
    }

    @Test
    void onlyTheFirstLineCounts() {
        assertTrue(HandOnCommand.parse("We found the parcel.\n? @ops").isEmpty());
        assertTrue(HandOnCommand.parse("Thanks!\n\n?").isEmpty());
        assertTrue(HandOnCommand.parse("? what do you mean by late").isEmpty(), "a question, not a command");
        assertTrue(HandOnCommand.parse("?? @ops").isEmpty());
        assertTrue(HandOnCommand.parse("Why? @ops knows").isEmpty());
        assertTrue(HandOnCommand.parse("").isEmpty());
        assertTrue(HandOnCommand.parse(null).isEmpty());
    }

    @Test
    void anOutlookReplyKeepsTheQuotedOriginalOutOfTheNote() {
        String body = "? @ops\r\n"
                + "\r\n"
                + "Olivia, the depot is yours.\r\n"
                + "\r\n"
                + "________________________________\r\n"
                + "From: Jeff (via Qmark) <qmark@example.com>\r\n"
                + "Sent: Monday, November 23, 2026 7:15 PM\r\n"
                + "To: Dana <dana@example.com>\r\n"
                + "Subject: ? My delivery is late\r\n"
                + "\r\n"
                + "?\r\n"
                + "\r\n"
                + "> I ordered on Monday and the parcel still has not arrived.\r\n"
                + "> 배송이 언제 되나요?\r\n";
        assertEquals(Optional.of(new HandOnCommand(Target.ALIAS, "ops", "Olivia, the depot is yours.")),
                HandOnCommand.parse(ReplyText.newText(body)));

        String bare = "?\r\n\r\n" + body.substring(body.indexOf("________"));
        assertEquals(Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, "")),
                HandOnCommand.parse(ReplyText.newText(bare)), "the quoted \"?\" is not a note");
    }

    @Test
    void aGmailReplyWithTheCommandAboveTheQuote() {
        String body = "? dana@example.com\n\nOn Mon, 23 Nov 2026 at 10:15, Jeff (via Qmark) <qmark@example.com> wrote:\n"
                + "> ?\n>\n> Where is my parcel?\n";
        assertEquals(Optional.of(new HandOnCommand(Target.ADDRESS, "dana@example.com", "")),
                HandOnCommand.parse(ReplyText.newText(body)));
    }
}
