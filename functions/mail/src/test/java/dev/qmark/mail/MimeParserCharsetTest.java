package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bodies and subjects in every charset Qmark's customers send, labelled right and wrong. */
class MimeParserCharsetTest {

    private final MimeParser parser = new MimeParser();

    /** label as sent, the charset that really made the bytes, a text that needs that charset. */
    static Stream<Arguments> charsets() {
        return Stream.of(
                Arguments.of("UTF-8", "UTF-8", "안녕하세요, 주문 4411 배송 문의드립니다. Café ☕ 山田"),
                Arguments.of("EUC-KR", "EUC-KR", "안녕하세요. 교환 요청드립니다. 감사합니다."),
                // 똠 and 펲 exist only in Microsoft's CP949 extension, which Korean mailers label EUC-KR
                Arguments.of("euc-kr", "x-windows-949", "똠방각하 펲시 주문했는데 아직 안 왔어요"),
                Arguments.of("ks_c_5601-1987", "x-windows-949", "똠방각하, 환불 부탁드립니다."),
                Arguments.of("x-windows-949", "x-windows-949", "주문 취소 부탁드립니다 똠"),
                Arguments.of("CP949", "x-windows-949", "배송지 변경 가능할까요? 펲"),
                Arguments.of("ISO-2022-KR", "ISO-2022-KR", "안녕하세요. 문의드립니다."),
                Arguments.of("ISO-2022-JP", "ISO-2022-JP", "山田です。ご注文ありがとうございます。"),
                // Outlook's ISO-2022-JP carries NEC circled digits and half-width katakana
                Arguments.of("ISO-2022-JP", "x-windows-50221", "①の件、ｶﾀｶﾅで失礼します。"),
                Arguments.of("CP50220", "x-windows-50220", "②番の商品について。ご確認ください。"),
                Arguments.of("x-windows-iso2022jp", "x-windows-iso2022jp", "よろしくお願いいたします。"),
                Arguments.of("Shift_JIS", "Shift_JIS", "返品の手続きについて教えてください。"),
                Arguments.of("Shift_JIS", "windows-31j", "①髙橋様、～ありがとうございます。"),
                Arguments.of("Windows-31J", "windows-31j", "請求書を送ってください。Ｎｏ．１２"),
                Arguments.of("GB2312", "GB2312", "您好，我的订单还没有收到，请帮我查一下。"),
                Arguments.of("GBK", "GBK", "朱镕基先生的订单。谢谢！"),
                Arguments.of("GB18030", "GB18030", "订单号码 𠀀 已收到。"),
                Arguments.of("ISO-8859-1", "ISO-8859-1", "Grüße aus München, Café crème à 5 £"),
                Arguments.of("windows-1252", "windows-1252", "“Smart quotes” – 5 € … naïve"));
    }

    @ParameterizedTest(name = "{0} ({1}) base64")
    @MethodSource("charsets")
    void base64Body(String label, String realCharset, String text) {
        byte[] bytes = text.getBytes(Charset.forName(realCharset));
        InboundMail mail = parser.parse(TestMails.mail()
                .header("Subject: " + TestMails.encodedWord(text, Charset.forName(realCharset), label))
                .header("Content-Type: text/plain; charset=\"" + label + "\"")
                .header("Content-Transfer-Encoding: base64")
                .body(TestMails.base64(bytes)).bytes());
        assertEquals(text, mail.text().strip());
        assertEquals(text, mail.subject());
    }

    @ParameterizedTest(name = "{0} ({1}) quoted-printable")
    @MethodSource("charsets")
    void quotedPrintableBody(String label, String realCharset, String text) {
        String multiline = text + "\n" + text + " " + text + " " + text;
        byte[] bytes = multiline.getBytes(Charset.forName(realCharset));
        InboundMail mail = parser.parse(TestMails.mail()
                .header("Content-Type: text/plain; charset=" + label)
                .header("Content-Transfer-Encoding: quoted-printable")
                .body(TestMails.quotedPrintable(bytes)).bytes());
        assertEquals(multiline, mail.text().strip());
    }

    @ParameterizedTest(name = "{0} ({1}) 8bit html")
    @MethodSource("charsets")
    void eightBitHtmlOnlyBody(String label, String realCharset, String text) {
        byte[] html = ("<html><body><p>" + text + "</p></body></html>").getBytes(Charset.forName(realCharset));
        InboundMail mail = parser.parse(TestMails.mail()
                .header("Content-Type: text/html; charset=" + label)
                .header("Content-Transfer-Encoding: 8bit")
                .body(html).bytes());
        assertEquals(text, mail.text());
    }

    static Stream<Arguments> wrongLabels() {
        String korean = "안녕하세요. 주문한 상품이 아직 도착하지 않았습니다. 확인 부탁드립니다.";
        String japanese = "お世話になっております。注文した商品がまだ届いていません。";
        String chinese = "您好，我的订单还没有收到，请帮我查一下是什么问题。谢谢！";
        return Stream.of(
                Arguments.of("utf-8", "x-windows-949", korean),
                Arguments.of("iso-8859-1", "x-windows-949", korean),
                Arguments.of("us-ascii", "EUC-KR", korean),
                Arguments.of(null, "EUC-KR", korean),
                Arguments.of("euc-kr", "UTF-8", korean),
                Arguments.of("iso-8859-1", "UTF-8", "Grüße, Café ☕ " + korean),
                Arguments.of("us-ascii", "UTF-8", japanese),
                Arguments.of("iso-2022-jp", "windows-31j", japanese),
                Arguments.of("utf-8", "windows-31j", japanese),
                Arguments.of(null, "windows-31j", japanese),
                Arguments.of(null, "ISO-2022-JP", japanese),
                Arguments.of("us-ascii", "ISO-2022-KR", korean),
                Arguments.of(null, "GB2312", chinese),
                Arguments.of("utf-8", "GBK", chinese),
                Arguments.of("utf-8", "windows-1252", "Grüße aus München, Café crème"),
                Arguments.of("x-no-such-charset", "UTF-8", korean),
                Arguments.of("\"utf-8\" (quoted with comment)", "UTF-8", korean));
    }

    @ParameterizedTest(name = "labelled {0}, really {1}")
    @MethodSource("wrongLabels")
    void wrongOrMissingLabelFallsBackInsteadOfMojibake(String label, String realCharset, String text) {
        byte[] bytes = text.getBytes(Charset.forName(realCharset));
        TestMails mail = TestMails.mail();
        mail.header(label == null ? "Content-Type: text/plain" : "Content-Type: text/plain; charset=" + label);
        InboundMail parsed = parser.parse(mail.header("Content-Transfer-Encoding: base64").body(TestMails.base64(bytes)).bytes());
        assertEquals(text, parsed.text().strip());
    }

    @Test
    void aFewBrokenBytesInOtherwiseRightTextKeepTheLabel() {
        byte[] good = "안녕하세요. 주문한 상품이 아직 도착하지 않았습니다. 확인 부탁드립니다. 감사합니다.".getBytes(Charset.forName("EUC-KR"));
        byte[] broken = good.clone();
        broken[11] = (byte) 0xFF; // the space after "안녕하세요."
        String text = parser.parse(TestMails.mail().header("Content-Type: text/plain; charset=euc-kr").body(broken).bytes()).text();
        assertEquals(true, text.startsWith("안녕하세요.\uFFFD주문한"), text);
        assertEquals(true, text.endsWith("감사합니다."), text);
    }

    @Test
    void rawEightBitHeadersAreDecodedWithTheBodyCharsetOrGuessed() {
        Charset euckr = Charset.forName("EUC-KR");
        InboundMail mail = parser.parse(TestMails.mail()
                .header("From: 김다나 <dana@example.kr>", euckr)
                .header("Subject: 배송 문의", euckr)
                .header("To: =?UTF-8?B?UW1hcmsg6rOg6rCd7KeA7JuQ?= <support@qmark.dev>")
                .header("Content-Type: text/plain; charset=euc-kr")
                .body("test").bytes());
        assertEquals("배송 문의", mail.subject());
        assertEquals("김다나", mail.fromName());
        assertEquals("dana@example.kr", mail.from());

        InboundMail iso2022 = parser.parse(TestMails.mail()
                .header("Subject: ご注文の件", Charset.forName("ISO-2022-JP"))
                .body("x").bytes());
        assertEquals("ご注文の件", iso2022.subject());

        InboundMail utf8 = parser.parse(TestMails.mail()
                .header("Subject: Grüße – 山田です", StandardCharsets.UTF_8)
                .body("x").bytes());
        assertEquals("Grüße – 山田です", utf8.subject());
    }

    @Test
    void encodedWordsSplitInsideAMultibyteCharacterAreJoinedFirst() {
        byte[] bytes = "한국어".getBytes(StandardCharsets.UTF_8); // 9 bytes, split after 4: inside "국"
        String first = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 0, 4));
        String second = java.util.Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(bytes, 4, 9));
        InboundMail mail = parser.parse(TestMails.mail()
                .header("Subject: Re: =?UTF-8?B?" + first + "?=\r\n =?utf-8?b?" + second + "?= (2)")
                .body("x").bytes());
        assertEquals("Re: 한국어 (2)", mail.subject());
    }
}
