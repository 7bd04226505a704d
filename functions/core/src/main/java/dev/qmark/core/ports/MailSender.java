package dev.qmark.core.ports;

import dev.qmark.mail.OutgoingMail;

/** Sends mail from the verified sender. */
public interface MailSender {
    /** @return the provider's message id */
    String send(OutgoingMail mail);
}
