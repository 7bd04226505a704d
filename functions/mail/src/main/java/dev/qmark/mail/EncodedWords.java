package dev.qmark.mail;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes RFC 2047 encoded words ({@code =?UTF-8?B?7JWI64WV?=}) in a header text.
 *
 * <p>Lenient where mail is sloppy: words are decoded wherever they appear (inside quotes, glued to
 * other text), whitespace between adjacent words is dropped as the RFC says, and adjacent words in
 * the same charset are joined <em>before</em> charset decoding, because Korean and Japanese
 * mailers often split one multibyte character across two words. Unknown or lying charset labels go
 * through {@link MailText}, so they fall back instead of failing.
 */
final class EncodedWords {

    /** charset (optionally with *language), B or Q, text; possessive so a failed match never backtracks. */
    private static final Pattern WORD = Pattern.compile("=\\?([^?\\s]{1,64}+)\\?([bBqQ])\\?([^?]*+)\\?=");

    private EncodedWords() {
    }

    /** {@code text} with every encoded word replaced by its decoded characters. */
    static String decode(String text) {
        if (text == null || !text.contains("=?")) {
            return text;
        }
        Matcher word = WORD.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        ByteArrayOutputStream pending = new ByteArrayOutputStream();
        String pendingCharset = null;
        int last = 0;
        while (word.find()) {
            String between = text.substring(last, word.start());
            boolean adjacent = pendingCharset != null && between.isBlank();
            String charset = word.group(1);
            boolean sameCharset = adjacent && MailCharsets.normaliseLabel(charset).equals(MailCharsets.normaliseLabel(pendingCharset));
            if (!sameCharset) {
                flush(out, pending, pendingCharset);
                pendingCharset = null;
                if (!adjacent) {
                    out.append(between);
                }
            }
            byte[] encoded = word.group(3).getBytes(StandardCharsets.ISO_8859_1);
            pending.writeBytes(word.group(2).equalsIgnoreCase("b")
                    ? TransferDecoding.base64(encoded, 0, encoded.length) : qEncoding(word.group(3)));
            pendingCharset = charset;
            last = word.end();
        }
        flush(out, pending, pendingCharset);
        out.append(text, last, text.length());
        return out.toString();
    }

    private static void flush(StringBuilder out, ByteArrayOutputStream pending, String charset) {
        if (pending.size() > 0) {
            out.append(MailText.decode(pending.toByteArray(), charset));
            pending.reset();
        }
    }

    /** The Q encoding: quoted-printable with {@code _} for space. */
    private static byte[] qEncoding(String encoded) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c < 0x100) {
                bytes.write(c == '_' ? ' ' : c);
            } else { // an already-decoded character inside a broken word: keep it as its UTF-8 bytes
                bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
            }
        }
        return TransferDecoding.quotedPrintable(bytes.toByteArray(), 0, bytes.size());
    }
}
