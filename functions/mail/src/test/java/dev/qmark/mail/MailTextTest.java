package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class MailTextTest {

    private static String decode(String text, String realCharset, String label) {
        return MailText.decode(text.getBytes(Charset.forName(realCharset)), label);
    }

    @Test
    void latinTextIsNotMistakenForCjk() {
        assertEquals("Größe", decode("Größe", "ISO-8859-1", "iso-8859-1"));
        assertEquals("Größe", decode("Größe", "ISO-8859-1", null));
        assertEquals("Größe naïve café", decode("Größe naïve café", "windows-1252", "us-ascii"));
        assertEquals("café", decode("café", "ISO-8859-1", "utf-8"));
    }

    @Test
    void shortUnlabelledCjkIsGuessed() {
        assertEquals("안녕", decode("안녕", "EUC-KR", null));
        assertEquals("감사합니다", decode("감사합니다", "x-windows-949", null));
        // (just "谢谢" would not do: its GB2312 bytes D0BB D0BB are also valid UTF-8, "лл")
        assertEquals("谢谢您的帮助", decode("谢谢您的帮助", "GB2312", null));
        assertEquals("ありがとう", decode("ありがとう", "Shift_JIS", null));
    }

    @Test
    void trustedSingleByteLabelsOtherThanLatin1AreBelieved() {
        assertEquals("Здравствуйте, заказ", decode("Здравствуйте, заказ", "windows-1251", "windows-1251"));
        assertEquals("Привет", decode("Привет", "KOI8-R", "koi8-r"));
    }

    @Test
    void byteOrderMarkIsDropped() {
        assertEquals("hi", MailText.decode(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF, 'h', 'i'}, "utf-8"));
        assertEquals("hi", MailText.decode("\uFEFFhi".getBytes(StandardCharsets.UTF_16LE), "utf-16le"));
    }

    @Test
    void undecodableBytesEndAsWindows1252NotAnException() {
        byte[] junk = {(byte) 0x81, (byte) 0xFF, 0x00, (byte) 0xC3, 'a'};
        assertEquals(5, MailText.decode(junk, "utf-8").length());
        assertEquals("", MailText.decode(new byte[0], "utf-8"));
        assertEquals("", MailText.decode(null, null));
    }

    @Test
    void labelsAreNormalised() {
        assertEquals("x-windows-949", MailCharsets.candidates(" \"KS_C_5601-1987\" ").get(0).name());
        assertEquals("x-windows-949", MailCharsets.candidates("cp949").get(0).name()); // not IBM's cp949
        assertEquals("UTF-8", MailCharsets.candidates("utf-8*ko").get(0).name());
        assertEquals("GB18030", MailCharsets.candidates("gb2312").get(0).name());
        assertEquals("windows-31j", MailCharsets.candidates("shift_jis").get(0).name());
        assertEquals("x-windows-50221", MailCharsets.candidates("iso-2022-jp").get(0).name());
        assertEquals(0, MailCharsets.candidates("no such charset").size());
        assertEquals(0, MailCharsets.candidates("x".repeat(1000)).size());
    }
}
