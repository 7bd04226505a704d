package dev.qmark.mail;

/**
 * A mail ready to send: its RFC 5322 bytes and the Message-ID they carry, so the sender can
 * record it and match replies (In-Reply-To, References) to the conversation later.
 *
 * @param messageId the Message-ID without angle brackets, e.g. {@code 3k2j...@mail.qmark.dev}
 * @param mime      the complete message, CRLF line ends, 7-bit clean
 */
public record ComposedMail(String messageId, byte[] mime) {
}
