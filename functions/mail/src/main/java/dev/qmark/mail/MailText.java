package dev.qmark.mail;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * Turns the bytes of a mail text (a body, a header, an encoded word) into a String, believing the
 * charset label only as far as the bytes agree with it. Never throws.
 *
 * <p>The order: the declared charset family, decoded strictly; if that fails (or the label is one
 * of the ASCII/Latin-1 labels that are slapped on anything), UTF-8 strictly; then a guess from the
 * bytes (CP949 for Korean, Shift_JIS for Japanese, ...); and only then a lenient decoding with the
 * label or Windows-1252, which replaces what it cannot read. Mojibake is the one thing this avoids.
 */
final class MailText {

    private MailText() {
    }

    /** Decodes {@code bytes} labelled {@code charsetLabel} (null or "" when unlabelled). */
    static String decode(byte[] bytes, String charsetLabel) {
        if (bytes == null || bytes.length == 0) {
            return "";
        }
        List<Charset> declared = MailCharsets.candidates(charsetLabel);
        if (!declared.isEmpty() && !isAsciiCompatible(declared.get(0))) {
            return withoutBom(new String(bytes, declared.get(0))); // UTF-16 and friends: nothing to guess
        }
        if (isPlainAscii(bytes)) {
            return new String(bytes, StandardCharsets.ISO_8859_1);
        }
        boolean trustLabel = !declared.isEmpty() && !MailCharsets.isDefaultLabel(charsetLabel);
        if (trustLabel) {
            for (Charset charset : declared) {
                Optional<String> text = strictDecode(charset, bytes, bytes.length, true);
                if (text.isPresent()) {
                    return withoutBom(text.get());
                }
            }
            String lenient = new String(bytes, declared.get(0));
            if (fewReplacements(lenient)) {
                return withoutBom(lenient); // the label is right, a few bytes are broken
            }
        }
        Optional<Charset> guessed = CharsetGuess.guess(bytes);
        if (guessed.isPresent()) {
            Optional<String> text = strictDecode(guessed.get(), bytes, bytes.length, true);
            if (text.isPresent()) {
                return withoutBom(text.get());
            }
        }
        Charset lastResort = trustLabel || declared.isEmpty() ? MailCharsets.WINDOWS_1252 : declared.get(0);
        return withoutBom(new String(bytes, lastResort));
    }

    /**
     * A header value as read from the wire, one char per byte (ISO-8859-1), with any raw 8-bit
     * bytes (or raw ISO-2022 escape sequences, as old Japanese mailers send) decoded. RFC 2047
     * encoded words are left for {@link EncodedWords}. Null stays null.
     *
     * @param charsetHint the body's charset label: raw 8-bit headers are usually in the same one
     */
    static String decodeRawHeader(String latin1, String charsetHint) {
        boolean raw = latin1 != null && latin1.chars().anyMatch(c -> c >= 0x80 || c == 0x1B);
        return raw ? decode(latin1.getBytes(StandardCharsets.ISO_8859_1), charsetHint) : latin1;
    }

    /**
     * Decodes the first {@code length} bytes strictly, or empty when they are not valid in that
     * charset. When {@code complete} is false the bytes are a prefix, and a sequence cut off at the
     * end is not an error.
     */
    static Optional<String> strictDecode(Charset charset, byte[] bytes, int length, boolean complete) {
        CharsetDecoder decoder = charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        try {
            if (complete) {
                return Optional.of(decoder.decode(ByteBuffer.wrap(bytes, 0, length)).toString());
            }
            CharBuffer out = CharBuffer.allocate((int) (length * (double) decoder.maxCharsPerByte()) + 16);
            CoderResult result = decoder.decode(ByteBuffer.wrap(bytes, 0, length), out, false);
            if (result.isError()) {
                return Optional.empty();
            }
            return Optional.of(out.flip().toString());
        } catch (CharacterCodingException | RuntimeException e) {
            // RuntimeException: some legacy decoders throw on input they do not expect
            return Optional.empty();
        }
    }

    /**
     * True when at most one in twenty non-ASCII characters is a replacement character: a damaged
     * text in the right charset, not a text in the wrong one (which fails on nearly every one).
     */
    private static boolean fewReplacements(String text) {
        long replaced = text.chars().filter(c -> c == '\uFFFD').count();
        return replaced * 20 <= text.chars().filter(c -> c >= 0x80 && c != '\uFFFD').count();
    }

    private static boolean isAsciiCompatible(Charset charset) {
        String name = charset.name();
        return !(name.startsWith("UTF-16") || name.startsWith("UTF-32") || name.startsWith("x-UTF-16")
                || name.startsWith("x-UTF-32"));
    }

    /** 7-bit bytes without ESC read the same in every ASCII-compatible charset. */
    private static boolean isPlainAscii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0 || b == 0x1B) {
                return false;
            }
        }
        return true;
    }

    private static String withoutBom(String text) {
        return !text.isEmpty() && text.charAt(0) == '\uFEFF' ? text.substring(1) : text;
    }
}
