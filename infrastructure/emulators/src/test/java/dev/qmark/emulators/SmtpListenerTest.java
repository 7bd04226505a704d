package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.mail.Message;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SmtpListenerTest {

    /** One delivered message as the handler saw it. */
    record Delivered(String from, List<String> to, byte[] raw) {
        String text() {
            return new String(raw, StandardCharsets.UTF_8);
        }
    }

    private final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    private SmtpListener smtp;

    private SmtpListener start(SmtpListener.Options options) {
        smtp = SmtpListener.start(0, List.of("in.qmark.dev"),
                (from, to, raw) -> delivered.add(new Delivered(from, to, raw)), options);
        return smtp;
    }

    @AfterEach
    void stop() {
        if (smtp != null) {
            smtp.close();
        }
    }

    @Test
    void jakartaMailTransportDeliversToTheHandler() throws Exception {
        start(SmtpListener.Options.defaults());
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(smtp.port()));
        props.put("mail.smtp.localhost", "client.example");
        props.put("mail.smtp.timeout", "5000");
        Session session = Session.getInstance(props);
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress("customer@example.com"));
        message.setRecipients(Message.RecipientType.TO, "help@IN.qmark.dev");
        message.setSubject("? 배송이 늦어요", "UTF-8");
        // ASCII, so it goes as 7bit text and Transport must dot-stuff the lines that start with a dot.
        message.setText("Where is it?\n.\n..two dots\n", "UTF-8");
        Transport.send(message);

        assertEquals(1, delivered.size());
        Delivered mail = delivered.get(0);
        assertEquals("customer@example.com", mail.from());
        assertEquals(List.of("help@IN.qmark.dev"), mail.to());
        MimeMessage received = new MimeMessage(session, new ByteArrayInputStream(mail.raw()));
        assertEquals("? 배송이 늦어요", received.getSubject());
        assertEquals("Where is it?\n.\n..two dots\n", received.getContent().toString().replace("\r\n", "\n"));

        MimeMessage elsewhere = new MimeMessage(session);
        elsewhere.setFrom(new InternetAddress("customer@example.com"));
        elsewhere.setRecipients(Message.RecipientType.TO, "someone@gmail.example");
        elsewhere.setText("relay me");
        assertThrows(SendFailedException.class, () -> Transport.send(elsewhere));
        assertEquals(1, delivered.size());
    }

    /**
     * The conversation over a plain socket. Under our own protocol code this test also pinned
     * replies of its own (VRFY 252, "554" for DATA without recipients, bare LF taken as a line
     * end); SubEthaSMTP answers those its way, so only what Qmark relies on is checked here.
     */
    @Test
    void rawConversation() throws Exception {
        start(SmtpListener.Options.defaults());
        try (Client c = new Client(smtp.port())) {
            assertTrue(c.reply().startsWith("220 "));
            c.send("EHLO client.example");
            List<String> ehlo = c.replies();
            assertTrue(ehlo.get(ehlo.size() - 1).startsWith("250 "), ehlo.toString());
            assertTrue(ehlo.contains("250-8BITMIME") && ehlo.contains("250-SMTPUTF8") && ehlo.contains("250-SIZE 10485760"), ehlo.toString());

            c.send("NOOP");
            assertTrue(c.reply().startsWith("250"));
            c.send("FROB");
            assertTrue(c.reply().startsWith("500"));
            c.send("RCPT TO:<help@in.qmark.dev>");
            assertTrue(c.reply().startsWith("503"), "RCPT before MAIL");

            c.send("MAIL FROM:<customer@example.com> SIZE=120 BODY=8BITMIME");
            assertTrue(c.reply().startsWith("250"));
            c.send("RCPT TO:<someone@elsewhere.example>");
            assertTrue(c.reply().startsWith("550 5.1.1"));
            c.send("DATA");
            assertTrue(c.reply().startsWith("503"), "no valid recipient yet");
            c.send("RCPT TO:<help@in.qmark.dev>");
            assertTrue(c.reply().startsWith("250"));
            c.send("DATA");
            assertTrue(c.reply().startsWith("354"));
            // A dot-stuffed line; a lone dot ends it.
            c.sendRaw("Subject: hi\r\n\r\nline one\r\n..starts with a dot\r\n.\r\n");
            assertTrue(c.reply().startsWith("250"));
            c.send("QUIT");
            assertTrue(c.reply().startsWith("221"));
        }
        assertEquals(1, delivered.size());
        assertEquals("customer@example.com", delivered.get(0).from());
        assertEquals(List.of("help@in.qmark.dev"), delivered.get(0).to());
        assertEquals("Subject: hi\r\n\r\nline one\r\n.starts with a dot\r\n", delivered.get(0).text());
    }

    @Test
    void refusesMessagesOverTheLimitAndStaysUsable() throws Exception {
        start(SmtpListener.Options.defaults().withMaxMessageBytes(1000));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("HELO client.example");
            assertTrue(c.reply().startsWith("250"));
            c.send("MAIL FROM:<a@example.com> SIZE=5000");
            assertTrue(c.reply().startsWith("552"), "announced too big");

            c.send("MAIL FROM:<a@example.com>");
            c.reply();
            c.send("RCPT TO:<help@in.qmark.dev>");
            c.reply();
            c.send("DATA");
            c.reply();
            c.sendRaw(("x".repeat(99) + "\r\n").repeat(15) + ".\r\n");
            assertTrue(c.reply().startsWith("552"), "sent too big");
            c.send("RSET"); // SubEthaSMTP keeps the refused transaction open until then
            assertTrue(c.reply().startsWith("250"));

            c.send("MAIL FROM:<>");
            assertTrue(c.reply().startsWith("250"), "bounces have a null sender");
            c.send("RCPT TO:<help@in.qmark.dev>");
            c.reply();
            c.send("DATA");
            c.reply();
            c.sendRaw("small\r\n.\r\n");
            assertTrue(c.reply().startsWith("250"));
        }
        assertEquals(1, delivered.size());
        assertEquals("", delivered.get(0).from());
    }

    @Test
    void cutsOffAClientThatKeepsSendingFarPastTheLimit() throws Exception {
        start(SmtpListener.Options.defaults().withMaxMessageBytes(1000));
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.send("HELO x");
            c.reply();
            c.send("MAIL FROM:<a@example.com>");
            c.reply();
            c.send("RCPT TO:<help@in.qmark.dev>");
            c.reply();
            c.send("DATA");
            c.reply();
            c.sendRaw("y".repeat(3000)); // no line end at all
            assertTrue(c.reply().startsWith("552"));
            assertNull(c.reader.readLine(), "connection closed");
        }
        assertTrue(delivered.isEmpty());
    }

    @Test
    void pipelinedCommandsAreAnsweredInOrder() throws Exception {
        start(SmtpListener.Options.defaults());
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.sendRaw("HELO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<nobody@nowhere.example>\r\n"
                    + "RCPT TO:<help@in.qmark.dev>\r\nDATA\r\n");
            assertTrue(c.reply().startsWith("250"));
            assertTrue(c.reply().startsWith("250"));
            assertTrue(c.reply().startsWith("550"));
            assertTrue(c.reply().startsWith("250"));
            assertTrue(c.reply().startsWith("354"));
            c.sendRaw("body\r\n.\r\nQUIT\r\n");
            assertTrue(c.reply().startsWith("250"));
            assertTrue(c.reply().startsWith("221"));
        }
        assertEquals(1, delivered.size());
    }

    @Test
    void aFailingHandlerMeansTryAgainLater() throws Exception {
        smtp = SmtpListener.start(0, List.of("in.qmark.dev"), (from, to, raw) -> {
            throw new IllegalStateException("S3 is down");
        });
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.sendRaw("HELO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<help@in.qmark.dev>\r\nDATA\r\n");
            c.reply();
            c.reply();
            c.reply();
            c.reply();
            c.sendRaw("body\r\n.\r\n");
            assertTrue(c.reply().startsWith("451 4.3.0"));
        }
    }

    @Test
    void domainsAndDeliveryCanBeSetAfterStart() throws Exception {
        smtp = SmtpListener.start(0, List.of(), null);
        try (Client c = new Client(smtp.port())) {
            c.reply();
            c.sendRaw("HELO x\r\nMAIL FROM:<a@example.com>\r\nRCPT TO:<help@in.qmark.dev>\r\n");
            c.reply();
            c.reply();
            assertTrue(c.reply().startsWith("550"), "no domain yet");
            smtp.setDomains(List.of("In.Qmark.Dev"));
            c.send("RCPT TO:<help@in.qmark.dev>");
            assertTrue(c.reply().startsWith("250"));
            c.send("DATA");
            c.reply();
            c.sendRaw("body\r\n.\r\n");
            assertTrue(c.reply().startsWith("451"), "no delivery yet");
            c.send("RSET");
            c.reply();
            smtp.setDelivery((from, to, raw) -> delivered.add(new Delivered(from, to, raw)));
            c.sendRaw("MAIL FROM:<a@example.com>\r\nRCPT TO:<help@in.qmark.dev>\r\nDATA\r\n");
            c.reply();
            c.reply();
            c.reply();
            c.sendRaw("body\r\n.\r\n");
            assertTrue(c.reply().startsWith("250"));
        }
        assertEquals(1, delivered.size());
    }

    /**
     * Limits that keep a stray client from holding the listener. Our own code also closed a
     * session after ten bad commands and after ten minutes whatever it did; SubEthaSMTP has
     * neither, so those two checks went with it (the connection limit and the read timeout bound
     * what a client can hold).
     */
    @Test
    void hostileClientsAreCutOff() throws Exception {
        start(SmtpListener.Options.defaults().withReadTimeout(Duration.ofSeconds(1)).withMaxConnections(2));
        try (Client silent = new Client(smtp.port()); Client talker = new Client(smtp.port())) {
            silent.reply();
            talker.reply();
            try (Client third = new Client(smtp.port())) {
                assertTrue(third.reply().startsWith("421"), "over the connection limit");
            }
            talker.send("EHLO " + "x".repeat(5000));
            assertTrue(talker.reply().startsWith("501"), "line too long");
            assertNull(talker.reader.readLine(), "closed after a line too long");

            assertTrue(silent.reader.readLine().startsWith("421"), "idle past the read timeout");
            assertNull(silent.reader.readLine());
        }
    }

    /** A line-based SMTP client on a plain socket. */
    static final class Client implements AutoCloseable {
        final Socket socket;
        final BufferedReader reader;
        final OutputStream out;

        Client(int port) throws IOException {
            socket = new Socket("127.0.0.1", port);
            socket.setSoTimeout(5000);
            reader = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            out = socket.getOutputStream();
        }

        void send(String command) throws IOException {
            sendRaw(command + "\r\n");
        }

        void sendRaw(String data) throws IOException {
            out.write(data.getBytes(StandardCharsets.UTF_8));
            out.flush();
        }

        /** One reply line (for single-line replies). */
        String reply() throws IOException {
            return reader.readLine();
        }

        /** A multi-line reply, up to the line with a space after the code. */
        List<String> replies() throws IOException {
            List<String> lines = new ArrayList<>();
            String line;
            do {
                line = reader.readLine();
                lines.add(line);
            } while (line != null && line.length() > 3 && line.charAt(3) == '-');
            return lines;
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }
}
