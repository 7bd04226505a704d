package dev.qmark.local;

import dev.qmark.emulators.OutboxMail;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.Locale;
import java.util.Properties;

/**
 * Answers a mail from the local mailbox the way a person's mail client would: a top-posted
 * reply to its Reply-To, quoting the original under "On ..., ... wrote:", sent over SMTP into
 * the local system, so it takes the same path as a real reply through SES.
 */
final class LocalReply {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("EEE, MMM d, yyyy 'at' h:mm a", Locale.ENGLISH).withZone(ZoneId.systemDefault());

    private final int smtpPort;

    LocalReply(int smtpPort) {
        this.smtpPort = smtpPort;
    }

    void send(OutboxMail original, String from, String text) throws MessagingException {
        String to = !original.replyTo().isEmpty() ? original.replyTo().get(0) : original.from();
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtpPort));
        Session session = Session.getInstance(props);
        MimeMessage reply = new MimeMessage(session);
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        String subject = original.subject() == null ? "" : original.subject();
        reply.setSubject(subject.regionMatches(true, 0, "Re:", 0, 3) ? subject : "Re: " + subject, "UTF-8");
        String messageId = original.header("Message-ID");
        if (messageId != null) {
            reply.setHeader("In-Reply-To", messageId);
            reply.setHeader("References", messageId);
        }
        StringBuilder body = new StringBuilder(text.strip()).append("\n\n");
        body.append("On ").append(WHEN.format(original.sentAt())).append(", ").append(original.from()).append(" wrote:\n");
        String quoted = original.text() == null ? "" : original.text();
        quoted.lines().forEach(line -> body.append(line.isEmpty() ? ">" : "> " + line).append('\n'));
        reply.setText(body.toString(), "UTF-8");
        reply.setSentDate(new Date());
        Transport.send(reply);
    }
}
