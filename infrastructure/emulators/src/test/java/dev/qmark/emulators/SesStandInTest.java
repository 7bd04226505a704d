package dev.qmark.emulators;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.BadRequestException;
import software.amazon.awssdk.services.sesv2.model.MessageTag;
import software.amazon.awssdk.services.sesv2.model.SendEmailRequest;

class SesStandInTest {

    private static final String SUBJECT = "? 배송이 늦어요";

    private static SesStandIn ses;
    private static SesV2Client client;
    private static final List<OutboxMail> HEARD = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        ses = SesStandIn.startInMemory(0);
        ses.onSend(HEARD::add);
        client = Sdk.client(SesV2Client.builder(), ses.endpoint());
    }

    @AfterAll
    static void stop() {
        client.close();
        ses.close();
    }

    @BeforeEach
    void emptyOutbox() {
        ses.clearOutbox();
        HEARD.clear();
    }

    @Test
    void rawMimeMailIsDecodedIntoTheOutbox() throws Exception {
        byte[] raw = rawMail();
        String id = client.sendEmail(b -> b.content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))).messageId();

        OutboxMail mail = single();
        assertEquals(id, mail.messageId());
        assertEquals("support@qmark.dev", mail.from());
        assertEquals(List.of("customer@example.com"), mail.to());
        assertEquals(List.of("owner@shop.example"), mail.cc());
        assertEquals(List.of("thread-42@in.qmark.dev"), mail.replyTo());
        assertEquals(SUBJECT, mail.subject());
        assertEquals("주문하신 상품이 내일 도착합니다.", mail.text().strip());
        assertEquals("<p>주문하신 상품이 <b>내일</b> 도착합니다.</p>", mail.html());
        assertTrue(mail.header("Subject").startsWith("=?UTF-8?"), "headers keep their encoded form: " + mail.header("subject"));
        assertEquals("a folded header", mail.header("X-Folded"));
        assertEquals("<thread-42@qmark.dev>", mail.header("in-reply-to"));
        assertArrayEquals(raw, mail.raw());
        assertEquals(List.of(mail), HEARD);
    }

    @Test
    void rawMailTakesDestinationAndFromEmailAddressToo() throws Exception {
        byte[] raw = rawMail();
        client.sendEmail(b -> b.fromEmailAddress("Qmark <noreply@qmark.dev>")
                .destination(d -> d.toAddresses("second@example.com", "CUSTOMER@example.com").bccAddresses("audit@qmark.dev"))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))));
        OutboxMail mail = single();
        assertEquals("noreply@qmark.dev", mail.from());
        assertEquals(List.of("customer@example.com", "second@example.com"), mail.to());
    }

    @Test
    void refusesWhatSesRefuses() throws Exception {
        byte[] noRecipients = "From: support@qmark.dev\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(BadRequestException.class, () -> client.sendEmail(b -> b
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(noRecipients))))));

        byte[] noSender = "To: c@example.com\r\nSubject: x\r\n\r\nbody\r\n".getBytes(StandardCharsets.US_ASCII);
        assertThrows(BadRequestException.class, () -> client.sendEmail(b -> b
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(noSender))))));

        byte[] raw = rawMail();
        assertThrows(BadRequestException.class, () -> client.sendEmail(b -> b.fromEmailAddress("not an address")
                .destination(d -> d.toAddresses("c@example.com"))
                .content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw))))));

        assertTrue(ses.outbox().isEmpty());
        assertTrue(HEARD.isEmpty());
    }

    @Test
    void eventsCarryTheMessageTagsAsSesPublishesThem() throws Exception {
        List<JsonNode> events = new CopyOnWriteArrayList<>();
        ses.onEvent(json -> {
            try {
                events.add(new ObjectMapper().readTree(json));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        client.sendEmail(simple("bounce@simulator.amazonses.com").toBuilder().configurationSetName("qmark-set")
                .emailTags(MessageTag.builder().name("qmark-feedback").value("8gnyfh9xt8mmz4hz").build(),
                        MessageTag.builder().name("qmark-step").value("2").build()).build());

        assertEquals(List.of("Send", "Bounce"), events.stream().map(e -> e.path("detail").path("eventType").asText()).toList());
        for (JsonNode event : events) {
            JsonNode tags = event.path("detail").path("mail").path("tags");
            assertEquals("[\"8gnyfh9xt8mmz4hz\"]", tags.path("qmark-feedback").toString(), tags.toString());
            assertEquals("[\"2\"]", tags.path("qmark-step").toString(), tags.toString());
            assertEquals("[\"qmark-set\"]", tags.path("ses:configuration-set").toString(), tags.toString());
            assertEquals("[\"qmark.dev\"]", tags.path("ses:from-domain").toString(), tags.toString());
        }

        // SES's alphabet for tags: letters, digits, _ and -, 256 characters at most
        for (MessageTag bad : List.of(MessageTag.builder().name("qmark-feedback").value("a b").build(),
                MessageTag.builder().name("qmark:feedback").value("x").build(),
                MessageTag.builder().name("qmark-feedback").value("x".repeat(257)).build())) {
            assertThrows(BadRequestException.class, () -> client.sendEmail(simple("c@example.com").toBuilder()
                    .emailTags(bad).build()), bad.toString());
        }
        assertEquals(1, ses.outbox().size(), "a mail with a tag SES refuses is not sent");
    }

    /** Qmark sends Raw only; Simple content would need a MIME builder here that nothing uses. */
    @Test
    void refusesSimpleContentLoudly() {
        BadRequestException simple = assertThrows(BadRequestException.class, () -> client.sendEmail(b -> b
                .fromEmailAddress("support@qmark.dev").destination(d -> d.toAddresses("c@example.com"))
                .content(c -> c.simple(m -> m.subject(s -> s.data("s")).body(body -> body.text(t -> t.data("t")))))));
        assertTrue(simple.getMessage().contains("Raw content only"), simple.getMessage());
        assertTrue(ses.outbox().isEmpty());
    }

    @Test
    void outboxJsonHasExactlyTheAgreedShape() throws Exception {
        client.sendEmail(simple("first@example.com"));
        client.sendEmail(simple("second@example.com"));
        JsonNode json = new ObjectMapper().readTree(ses.outboxJson());
        assertEquals(2, json.size());
        List<String> fields = new ArrayList<>();
        json.get(0).fieldNames().forEachRemaining(fields::add);
        assertEquals(List.of("messageId", "from", "to", "cc", "replyTo", "subject", "text", "html", "headers", "sentAt"), fields);
        assertEquals("first@example.com", json.get(0).get("to").get(0).asText(), "oldest first");
        assertEquals("second@example.com", json.get(1).get("to").get(0).asText());
        assertTrue(json.get(0).get("cc").isArray());
        assertTrue(json.get(0).get("headers").isObject());
        assertTrue(json.get(0).get("html").isNull());
        Instant.parse(json.get(0).get("sentAt").asText());
    }

    @Test
    void keepsTheOutboxInItsDirectory(@TempDir Path dir) throws Exception {
        byte[] raw = rawMail();
        String id;
        try (SesStandIn first = SesStandIn.start(dir, 0); SesV2Client c = Sdk.client(SesV2Client.builder(), first.endpoint())) {
            c.sendEmail(simple("first@example.com"));
            id = c.sendEmail(b -> b.content(m -> m.raw(r -> r.data(SdkBytes.fromByteArray(raw))))).messageId();
        }
        try (var files = Files.list(dir)) {
            assertEquals(2, files.filter(p -> p.toString().endsWith(".eml")).count());
        }
        try (SesStandIn second = SesStandIn.start(dir, 0)) {
            List<OutboxMail> outbox = second.outbox();
            assertEquals(2, outbox.size());
            assertEquals(List.of("first@example.com"), outbox.get(0).to());
            OutboxMail reloaded = outbox.get(1);
            assertEquals(id, reloaded.messageId());
            assertEquals(SUBJECT, reloaded.subject());
            assertArrayEquals(raw, reloaded.raw());
            second.clearOutbox();
        }
        try (var files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    /** A plain text mail to {@code to}, Raw as Qmark sends every mail. */
    static SendEmailRequest simple(String to) {
        byte[] raw = ("From: support@qmark.dev\r\nTo: " + to + "\r\nSubject: s\r\n\r\nt\r\n").getBytes(StandardCharsets.US_ASCII);
        return SendEmailRequest.builder().content(c -> c.raw(r -> r.data(SdkBytes.fromByteArray(raw)))).build();
    }

    private static OutboxMail single() {
        List<OutboxMail> outbox = ses.outbox();
        assertEquals(1, outbox.size(), "outbox: " + outbox);
        return outbox.get(0);
    }

    /** A reply as Qmark sends it: mixed(alternative(text, html), attachment), Korean subject, a folded header. */
    static byte[] rawMail() throws Exception {
        MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
        message.setFrom(new InternetAddress("Qmark 지원팀 <support@qmark.dev>"));
        message.setRecipients(Message.RecipientType.TO, "customer@example.com");
        message.setRecipients(Message.RecipientType.CC, "Owner <owner@shop.example>");
        message.setReplyTo(InternetAddress.parse("thread-42@in.qmark.dev"));
        message.setSubject(SUBJECT, "UTF-8");
        message.setHeader("In-Reply-To", "<thread-42@qmark.dev>");
        message.setHeader("X-Folded", "a folded\r\n header");
        MimeMultipart alternative = new MimeMultipart("alternative");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("주문하신 상품이 내일 도착합니다.\r\n", "UTF-8", "plain");
        MimeBodyPart html = new MimeBodyPart();
        html.setText("<p>주문하신 상품이 <b>내일</b> 도착합니다.</p>", "UTF-8", "html");
        alternative.addBodyPart(text);
        alternative.addBodyPart(html);
        MimeBodyPart body = new MimeBodyPart();
        body.setContent(alternative);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setText("not the body", "UTF-8", "plain");
        attachment.setDisposition(MimeBodyPart.ATTACHMENT);
        attachment.setFileName("note.txt");
        MimeMultipart mixed = new MimeMultipart("mixed");
        mixed.addBodyPart(body);
        mixed.addBodyPart(attachment);
        message.setContent(mixed);
        message.saveChanges();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        message.writeTo(out);
        return out.toByteArray();
    }
}
