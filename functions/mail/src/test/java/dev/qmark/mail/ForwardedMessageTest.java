package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Inline forwards as the clients lay them out, with the founder's note above. */
class ForwardedMessageTest {

    private static ForwardedMessage found(String text) {
        return ForwardedMessage.find(text).orElseThrow(() -> new AssertionError("no forward found in:\n" + text));
    }

    @Test
    void gmailEnglish() {
        ForwardedMessage f = found("""
                Dana, this one is yours.

                ---------- Forwarded message ---------
                From: Minji Choi <minji@example.org>
                Date: Mon, Nov 23, 2026 at 9:12 AM
                Subject: Where is my order?
                To: Jeff <jeff@example.com>


                I ordered on Monday and nothing has arrived.
                """);
        assertEquals("Dana, this one is yours.", f.note());
        assertEquals(new NamedAddress("minji@example.org", "Minji Choi"), f.from());
        assertEquals("Mon, Nov 23, 2026 at 9:12 AM", f.date());
        assertEquals("Where is my order?", f.subject());
        assertEquals("I ordered on Monday and nothing has arrived.", f.body());
    }

    @Test
    void gmailKoreanWithBoldNamesFromHtml() {
        ForwardedMessage f = found("""
                ---------- 전달된 메일 ---------
                보낸사람: **최민지** <minji@example.org>
                Date: 2026년 11월 23일 (월) 오전 9:12
                Subject: 배송 문의
                To: <jeff@example.com>

                주문한 물건이 아직 안 왔어요.
                """);
        assertEquals("", f.note());
        assertEquals("minji@example.org", f.from().address());
        assertEquals("최민지", f.from().displayName());
        assertEquals("배송 문의", f.subject());
        assertEquals("주문한 물건이 아직 안 왔어요.", f.body());
    }

    @Test
    void outlookBlockUnderItsRule() {
        ForwardedMessage f = found("""
                FYI

                ________________________________
                From: Kenji Sato <kenji@example.jp>
                Sent: Monday, November 23, 2026 9:12 AM
                To: Jeff <jeff@example.com>
                Cc: sales@example.com
                Subject: Invoice is wrong

                The invoice lists two licences; we have one.
                """);
        assertEquals("FYI", f.note());
        assertEquals("kenji@example.jp", f.from().address());
        assertEquals("Monday, November 23, 2026 9:12 AM", f.date());
        assertEquals("Invoice is wrong", f.subject());
        assertEquals("The invoice lists two licences; we have one.", f.body());
    }

    @Test
    void outlookJapaneseWithNoRule() {
        ForwardedMessage f = found("""
                差出人: 佐藤 健二 <kenji@example.jp>
                送信日時: 2026年11月23日 9:12
                宛先: Jeff <jeff@example.com>
                件名: 請求書の誤り

                ライセンスは一つです。
                """);
        assertEquals("kenji@example.jp", f.from().address());
        assertEquals("請求書の誤り", f.subject());
        assertEquals("ライセンスは一つです。", f.body());
    }

    @Test
    void appleMailWithBlankLinesInItsBlock() {
        ForwardedMessage f = found("""
                Begin forwarded message:

                From: "Park, Sora" <sora@example.net>

                Subject: Refund

                Date: November 23, 2026 at 9:12:00 AM GMT+9

                To: Jeff <jeff@example.com>

                I was charged twice.
                Please refund one.
                """);
        assertEquals("sora@example.net", f.from().address());
        assertEquals("Park, Sora", f.from().displayName());
        assertEquals("Refund", f.subject());
        assertEquals("I was charged twice.\nPlease refund one.", f.body());
    }

    @Test
    void naverOriginalMessage() {
        ForwardedMessage f = found("""
                확인 부탁해요

                -----Original Message-----
                From: "김민수" <minsu@naver.example>
                To: "Jeff" <jeff@example.com>;
                Cc:
                Sent: 2026-11-23 (월) 09:12:00
                Subject: 환불 요청

                두 번 결제됐어요.
                """);
        assertEquals("확인 부탁해요", f.note());
        assertEquals("minsu@naver.example", f.from().address());
        assertEquals("김민수", f.from().displayName());
        assertEquals("2026-11-23 (월) 09:12:00", f.date());
        assertEquals("환불 요청", f.subject());
        assertEquals("두 번 결제됐어요.", f.body());
    }

    @Test
    void daumWithKoreanLabels() {
        ForwardedMessage f = found("""
                ---------원본 메일---------
                보낸사람: 윤아름 <areum@hanmail.example>
                받는사람: Jeff <jeff@example.com>
                날짜: 2026년 11월 23일 (월) 오전 9시 12분 00초
                제목: 로그인이 안 돼요

                비밀번호를 바꿔도 안 됩니다.
                """);
        assertEquals("areum@hanmail.example", f.from().address());
        assertEquals("로그인이 안 돼요", f.subject());
        assertEquals("비밀번호를 바꿔도 안 됩니다.", f.body());
    }

    @Test
    void aMailWithoutAForwardHasNone() {
        assertTrue(ForwardedMessage.find("Hi, the export is broken.\nFrom: my phone, sorry").isEmpty());
        assertTrue(ForwardedMessage.find("---------- Forwarded message ---------\nno headers here").isEmpty());
        assertTrue(ForwardedMessage.find(null).isEmpty());
    }
}
