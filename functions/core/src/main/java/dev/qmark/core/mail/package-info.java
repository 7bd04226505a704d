/**
 * Qmark's rules about mail, the domain side: which mail a robot sent ({@link
 * dev.qmark.core.mail.AutomaticMail}), which addresses are Qmark's own and must never be mailed
 * ({@link dev.qmark.core.mail.OwnAddresses}), the receiving system's verdicts as plain values
 * ({@link dev.qmark.core.mail.ReceiptVerdicts}) and what SPF/DKIM amount to
 * ({@link dev.qmark.core.mail.SenderAuthentication}). What a received mail is, from all of these,
 * is decided in one place: {@link dev.qmark.core.intake.InboundMailDecision}.
 *
 * <p>Reading and writing mail (MIME, charsets, addresses, reply text) is the {@code qmark-mail}
 * module, {@code dev.qmark.mail}; these rules sit on top of what it reads.
 */
package dev.qmark.core.mail;
