package dev.qmark.emulators;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.DropConnectionException;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;

/**
 * One SMTP transaction (MAIL, RCPT..., DATA) as SES receiving would take it: recipients only in the
 * listener's domains, nothing over the size limit, and the message handed to the {@link MailDelivery}
 * before the client hears 250, so a failed hand-over is a 451 the sender retries, not a lost mail.
 */
final class InboundMessage implements MessageHandler {

    private static final Logger LOG = LoggerFactory.getLogger(InboundMessage.class);
    private static final String TOO_BIG = "5.3.4 Message size exceeds fixed maximum message size";

    private final SmtpListener listener;
    private final int maxBytes;
    private String from;
    private final List<String> recipients = new ArrayList<>();

    InboundMessage(SmtpListener listener, int maxBytes) {
        this.listener = listener;
        this.maxBytes = maxBytes;
    }

    @Override
    public void from(String from) {
        this.from = from;
    }

    @Override
    public void recipient(String recipient) throws RejectException {
        int at = recipient.lastIndexOf('@');
        String domain = at < 1 ? "" : recipient.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || !listener.acceptsDomain(domain)) {
            // An open relay would be the first thing a stray client finds: refuse everything else.
            throw new RejectException(550, "5.1.1 <" + recipient + ">: Recipient address rejected: not a domain handled here");
        }
        recipients.add(recipient);
    }

    @Override
    public String data(InputStream data) throws RejectException, IOException {
        byte[] message = readAtMost(data);
        MailDelivery delivery = listener.delivery();
        if (delivery == null) {
            throw new RejectException(451, "4.3.0 Mail delivery is not ready yet, try again later");
        }
        try {
            delivery.deliver(from, List.copyOf(recipients), message);
        } catch (Exception e) {
            LOG.warn("SMTP delivery of a mail from <{}> to {} failed; the client is told to retry", from, recipients, e);
            throw new RejectException(451, "4.3.0 Error: delivery failed, try again later");
        }
        LOG.info("SMTP accepted {} bytes from <{}> for {}", message.length, from, recipients);
        return null;
    }

    /**
     * The message, or a 552 once it passes the limit. The rest is read and dropped so the session
     * stays usable, but only up to twice the limit: past that, reading on would only serve a client
     * that does not listen, and the connection is closed.
     */
    private byte[] readAtMost(InputStream data) throws RejectException, IOException {
        ByteArrayOutputStream kept = new ByteArrayOutputStream();
        long seen = 0;
        // Byte by byte: SubEthaSMTP's data stream is read that way underneath anyway, and a bulk
        // read would wait for a full buffer from a client that has stopped sending.
        for (int b = data.read(); b != -1; b = data.read()) {
            seen++;
            if (seen <= maxBytes) {
                kept.write(b);
            } else if (seen > 2L * maxBytes) {
                throw new DropConnectionException(552, TOO_BIG);
            }
        }
        if (seen > maxBytes) {
            throw new RejectException(552, TOO_BIG);
        }
        return kept.toByteArray();
    }

    @Override
    public void done() {
        // nothing held between transactions
    }
}
