/**
 * Qmark's rules about mail, the domain side: which mail a robot sent ({@link
 * dev.qmark.core.mail.AutomaticMail}), which addresses are Qmark's own and must never be mailed
 * ({@link dev.qmark.core.mail.OwnAddresses}), and what the receiving system's SPF/DKIM verdicts
 * amount to ({@link dev.qmark.core.mail.SenderAuthentication}).
 *
 * <p>Reading and writing mail (MIME, charsets, addresses, reply text) is the {@code qmark-mail}
 * module, {@code dev.qmark.mail}; these rules sit on top of what it reads.
 */
package dev.qmark.core.mail;
