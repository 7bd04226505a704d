package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

class AddressHeaderTest {

    @Test
    void quotedDisplayName() {
        assertEquals(Optional.of(new NamedAddress("dana@example.com", "Dana Kim")),
                AddressHeader.parseFirst("\"Dana Kim\" <Dana@Example.com>"));
    }

    @Test
    void encodedDisplayNames() {
        assertEquals(new NamedAddress("dana@example.kr", "김다나"),
                AddressHeader.parseFirst("=?UTF-8?B?6rmA64uk64KY?= <dana@example.kr>").orElseThrow());
        assertEquals(new NamedAddress("dana@example.kr", "김다나"),
                AddressHeader.parseFirst("=?ks_c_5601-1987?B?sei02bOq?= <dana@example.kr>").orElseThrow());
        // encoded word inside quotes: not allowed by RFC 2047, sent by many mailers anyway
        assertEquals(new NamedAddress("taro@example.jp", "山田 太郎"),
                AddressHeader.parseFirst("\"=?ISO-2022-JP?B?GyRCOzNFRBsoQiAbJEJCQE86GyhC?=\" <taro@example.jp>").orElseThrow());
    }

    @Test
    void bareAddressAndCommentName() {
        assertEquals(List.of(new NamedAddress("dana@example.com", null), new NamedAddress("jeff@example.com", "Jeff Lee")),
                AddressHeader.parse("dana@example.com, jeff@example.com (Jeff Lee)"));
    }

    @Test
    void listsWithCommasInNamesAndGroups() {
        assertEquals(List.of(
                        new NamedAddress("dana@example.com", "Kim, Dana"),
                        new NamedAddress("jeff@example.com", "Lee, Jeff"),
                        new NamedAddress("a@example.com", null),
                        new NamedAddress("b@example.com", "B")),
                AddressHeader.parse("\"Kim, Dana\" <dana@example.com>, Lee, Jeff <jeff@example.com>, "
                        + "team: a@example.com, B <b@example.com>;"));
    }

    @Test
    void invalidMailboxesAreLeftOut() {
        assertEquals(List.of(new NamedAddress("ok@example.com", null)),
                AddressHeader.parse("undisclosed-recipients:;, <not an address>, ok@example.com, \"x\" <@>"));
        assertEquals(List.of(), AddressHeader.parse(null));
        assertEquals(Optional.empty(), AddressHeader.parseFirst("garbage <<<>>> ;;; \"unterminated"));
    }

    @Test
    void controlCharactersInNamesBecomeSpaces() {
        assertEquals("Dana Kim", AddressHeader.parseFirst("=?UTF-8?Q?Dana=0D=0AKim?= <d@example.com>").orElseThrow().displayName());
    }

    // From headers as mail clients display them, though a strict RFC 5322 reading rejects them

    @Test
    void unquotedCommaInTheSendersName() {
        assertEquals(new NamedAddress("m@x.kr", "Kim, Minsu"), AddressHeader.parseFirst("Kim, Minsu <m@x.kr>").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "Kim, Minsu"), AddressHeader.parseFirst("Kim, Minsu m@x.kr").orElseThrow());
    }

    @Test
    void addressWithTheNameInAComment() {
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("m@x.kr (Minsu Kim)").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "Kim, Minsu"), AddressHeader.parseFirst("m@x.kr (Kim, Minsu)").orElseThrow());
    }

    @Test
    void trailingDotsInTheNameAndAfterTheDomain() {
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim Jr."), AddressHeader.parseFirst("Minsu Kim Jr. <m@x.kr>").orElseThrow());
        assertEquals(new NamedAddress("m@example.kr", "Minsu"), AddressHeader.parseFirst("Minsu <m@example.kr.>").orElseThrow());
    }

    @Test
    void strayAndUnterminatedQuotes() {
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("\"Minsu Kim <m@x.kr>").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("Minsu \"Kim <m@x.kr>").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("\"Minsu Kim\" m@x.kr").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("'Minsu Kim' <m@x.kr>").orElseThrow());
    }

    @Test
    void missingClosingAngleBracket() {
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("Minsu Kim <m@x.kr").orElseThrow());
    }

    @Test
    void nameAfterTheAddress() {
        assertEquals(new NamedAddress("m@x.kr", "Minsu Kim"), AddressHeader.parseFirst("<m@x.kr> Minsu Kim").orElseThrow());
    }

    @Test
    void encodedWordsInsideQuotesWithACommaOrBrackets() {
        // "Kim, Minsu <HQ>" encoded inside quotes: decoded after the structure is read, so it stays a name
        assertEquals(new NamedAddress("m@x.kr", "Kim, Minsu <HQ>"),
                AddressHeader.parseFirst("\"=?UTF-8?Q?Kim=2C_Minsu_=3CHQ=3E?=\" <m@x.kr>").orElseThrow());
        assertEquals(new NamedAddress("m@x.kr", "김민수"),
                AddressHeader.parseFirst("\"=?UTF-8?B?6rmA66+87IiY?=\" <m@x.kr>").orElseThrow());
    }

    @Test
    void nothingAddressLikeIsNeverInvented() {
        assertEquals(Optional.empty(), AddressHeader.parseFirst("Kim, Minsu"));
        assertEquals(Optional.empty(), AddressHeader.parseFirst("\"Minsu Kim <minsu at x.kr>"));
        assertEquals(Optional.empty(), AddressHeader.parseFirst("Minsu Kim <minsu.@x.kr>")); // obsolete local part: left out
        assertEquals(List.of(), AddressHeader.parse("a@x.kr b@x.kr"));
    }
}
