package dev.qmark.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class TransferDecodingTest {

    private static String qp(String encoded) {
        byte[] bytes = encoded.getBytes(StandardCharsets.ISO_8859_1);
        return new String(TransferDecoding.quotedPrintable(bytes, 0, bytes.length), StandardCharsets.UTF_8);
    }

    private static String b64(String encoded) {
        byte[] bytes = encoded.getBytes(StandardCharsets.ISO_8859_1);
        return new String(TransferDecoding.base64(bytes, 0, bytes.length), StandardCharsets.UTF_8);
    }

    @Test
    void quotedPrintable() {
        assertEquals("안녕 a=b", qp("=EC=95=88=EB=85=95 a=3Db"));
        assertEquals("soft break joined", qp("soft br=\r\neak joined"));
        assertEquals("soft break with blanks", qp("soft br=  \r\neak with blanks"));
        assertEquals("\u00e9", qp("=c3=a9"));
        assertEquals("broken =G1 escape = x", qp("broken =G1 escape = x"));
        assertEquals("soft break at the end", qp("soft break at the end="));
        assertEquals("trailing\r\nblanks", qp("trailing   \r\nblanks"));
        assertEquals("encoded blank kept \r\n", qp("encoded blank kept=20 \r\n")); // the literal one goes
    }

    @Test
    void base64() {
        assertEquals("안녕하세요", b64("7JWI64WV7ZWY7IS47JqU"));
        assertEquals("안녕하세요", b64("7JWI64WV\r\n7ZWY7IS4\r\n7JqU"));
        assertEquals("hello", b64("aGVsbG8")); // missing padding
        assertEquals("hellohello", b64("aGVsbG8=aGVsbG8=")); // concatenated padded chunks
        assertEquals("hello", b64("a!G*V sb\tG8=")); // junk characters skipped
        assertEquals("", b64("=*&^"));
    }

    @Test
    void unknownEncodingsPassBytesThrough() {
        byte[] bytes = "x=41".getBytes(StandardCharsets.US_ASCII);
        assertEquals("x=41", new String(TransferDecoding.decode(bytes, 0, 4, "x-uuencode"), StandardCharsets.US_ASCII));
        assertEquals("xA", new String(TransferDecoding.decode(bytes, 0, 4, " Quoted-Printable "), StandardCharsets.US_ASCII));
        assertEquals("x=41", new String(TransferDecoding.decode(bytes, 0, 4, null), StandardCharsets.US_ASCII));
    }
}
