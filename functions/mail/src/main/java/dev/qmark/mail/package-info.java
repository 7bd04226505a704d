/**
 * Mail as Qmark reads and writes it, no AWS and no domain rules: MIME structure on Apache James
 * mime4j, composing and dates on Jakarta Mail (Angus), HTML on jsoup; Qmark's charset policy and
 * reply-text rules on top (docs/mail.md says which is whose, and why).
 *
 * <p>Public entry points: {@link dev.qmark.mail.MimeParser} (received bytes to
 * {@link dev.qmark.mail.InboundMail}; never throws, bounded work on hostile input),
 * {@link dev.qmark.mail.ReplyText} and {@link dev.qmark.mail.WrittenText} (the new text of a reply),
 * {@link dev.qmark.mail.HtmlText}, {@link dev.qmark.mail.MimeComposer} ({@link dev.qmark.mail.OutgoingMail}
 * to RFC 5322 bytes), {@link dev.qmark.mail.EmailAddress}, {@link dev.qmark.mail.AddressHeader} and
 * {@link dev.qmark.mail.HeaderText}. Everything else is package-private machinery.
 */
package dev.qmark.mail;
