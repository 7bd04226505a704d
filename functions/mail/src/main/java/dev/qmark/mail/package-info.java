/**
 * Mail as Qmark reads and writes it, no AWS and no domain rules: MIME structure on Apache James
 * mime4j, composing and dates on Jakarta Mail (Angus), HTML on jsoup; Qmark's charset policy and
 * reply-text rules on top.
 *
 * <p>Public entry points:
 * <ul>
 *   <li>{@link dev.qmark.mail.MimeParser} - received bytes to {@link dev.qmark.mail.InboundMail};
 *       never throws, bounded work on hostile input.</li>
 *   <li>{@link dev.qmark.mail.ReplyText} - the new text of a reply, without the quoted original.</li>
 *   <li>{@link dev.qmark.mail.HtmlText} - mail HTML to readable text.</li>
 *   <li>{@link dev.qmark.mail.MimeComposer} - {@link dev.qmark.mail.OutgoingMail} to RFC 5322
 *       bytes and their Message-ID ({@link dev.qmark.mail.ComposedMail}).</li>
 *   <li>{@link dev.qmark.mail.EmailAddress} - validation and normalisation of a bare address;
 *       {@link dev.qmark.mail.AddressHeader} - From/To/Cc values to
 *       {@link dev.qmark.mail.NamedAddress}es.</li>
 *   <li>{@link dev.qmark.mail.HeaderText} - control characters out of single-line header text.</li>
 * </ul>
 * Everything else is package-private machinery: charsets ({@code MailCharsets}, {@code CharsetGuess},
 * {@code MailText}), encodings ({@code TransferDecoding}, {@code EncodedWords}), and MIME structure
 * ({@code HeaderFields}, {@code HeaderParams}, {@code MimeWalk}).
 */
package dev.qmark.core.mail;
