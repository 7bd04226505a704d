/**
 * Mail as Qmark reads and writes it, in plain Java (Jakarta Mail for composing, no AWS).
 *
 * <p>Public entry points:
 * <ul>
 *   <li>{@link dev.qmark.core.mail.MimeParser} - received bytes to {@link dev.qmark.core.mail.InboundMail};
 *       never throws, bounded work on hostile input.</li>
 *   <li>{@link dev.qmark.core.mail.ReplyText} - the new text of a reply, without the quoted original.</li>
 *   <li>{@link dev.qmark.core.mail.HtmlText} - mail HTML to readable text.</li>
 *   <li>{@link dev.qmark.core.mail.MimeComposer} - {@link dev.qmark.core.mail.OutgoingMail} to RFC 5322
 *       bytes and their Message-ID ({@link dev.qmark.core.mail.ComposedMail}).</li>
 *   <li>{@link dev.qmark.core.mail.EmailAddress} - validation and normalisation of a bare address;
 *       {@link dev.qmark.core.mail.AddressHeader} - From/To/Cc values to
 *       {@link dev.qmark.core.mail.NamedAddress}es.</li>
 *   <li>{@link dev.qmark.core.mail.HeaderText} - control characters out of single-line header text.</li>
 * </ul>
 * Everything else is package-private machinery: charsets ({@code MailCharsets}, {@code CharsetGuess},
 * {@code MailText}), encodings ({@code TransferDecoding}, {@code EncodedWords}), and MIME structure
 * ({@code RawEntity}, {@code HeaderParams}, {@code MultipartSplitter}, {@code MimeWalk}).
 */
package dev.qmark.core.mail;
