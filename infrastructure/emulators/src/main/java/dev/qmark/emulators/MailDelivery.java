package dev.qmark.emulators;

import java.util.List;

/**
 * Where the SMTP listener hands each accepted message: in the local system, the glue that plays SES
 * receiving (store the mail in S3, start the mail-intake function).
 */
@FunctionalInterface
public interface MailDelivery {

    /**
     * Takes one message. Called on the SMTP session's thread, before the client is answered: throwing
     * answers {@code 451 4.3.0} so the sender keeps the message and retries later, as with a real MTA.
     *
     * @param envelopeFrom the MAIL FROM address, "" for a bounce
     * @param recipients   the accepted RCPT TO addresses, in order
     * @param rawMime      the message as received, dot-unstuffed, every line ending in CRLF
     */
    void deliver(String envelopeFrom, List<String> recipients, byte[] rawMime) throws Exception;
}
