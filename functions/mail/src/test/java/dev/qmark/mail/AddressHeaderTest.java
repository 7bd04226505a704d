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
}
