package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11, "Delivery that is known, not assumed", through the local system: the SES stand-in plays
 * SES's mailbox simulator and publishes its events to mail-events as the configuration set's
 * EventBridge destination does. Dana's address is the bounce simulator, Bora's the out-of-office
 * one (her deputy is Ben), and a customer writes from the complaint simulator.
 */
class DeliveryEventsEndToEndTest {

    private static final String BOUNCE = "bounce@simulator.amazonses.com";
    private static final String OOTO = "ooto@simulator.amazonses.com";
    private static final String COMPLAINT = "complaint@simulator.amazonses.com";

    @TempDir
    static Path configDir;
    private static LocalSystem system;
    private static LocalHttp http;

    @BeforeAll
    static void start() throws IOException {
        system = LocalSystem.start(new LocalOptions(0, 0, configuration(), null, null));
        http = new LocalHttp(system.httpPort());
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void aQuestionToAnAddressThatBouncesReachesTheManagerAsSoonAsTheBounceArrives() {
        String subject = "My delivery is late " + System.nanoTime();
        String id = post("minsu@example.org", subject);
        http.awaitMail(BOUNCE, "? " + subject);

        // no sweep, no clock moved: the bounce event alone sends it on
        JsonNode toOlivia = http.awaitMail("olivia@example.com", "? " + subject);
        String text = toOlivia.path("text").asText();
        assertTrue(text.contains("Sent on to you by Qmark:"), text);
        assertTrue(text.contains("could not be delivered (hard bounce: Permanent/General"), text);
        assertTrue(text.contains("mail to them bounced, so it went to you"), text);

        // the "?" to Olivia is out before its step is marked asked (claim, send, mark): wait for the mark
        JsonNode item = LocalHttp.await("step 2 open", () -> {
            JsonNode now = http.json(http.get("/feedback/" + id));
            return now.path("escalations").size() > 1 && now.path("escalations").get(1).path("status").asText().equals("open")
                    ? Optional.of(now) : Optional.empty();
        });
        assertEquals("undeliverable", item.path("escalations").get(0).path("status").asText(), item.toString());
        assertEquals("ops", item.path("escalations").get(1).path("owner").asText(), item.toString());
        String timeline = item.path("timeline").toString();
        assertTrue(timeline.contains("mail-bounced") && timeline.contains("bounced hard from " + BOUNCE), timeline);
        assertTrue(timeline.contains("\"undeliverable\""), timeline);

        JsonNode escalations = http.json(http.get("/escalations"));
        assertTrue(escalations.path("undeliverableAddresses").toString().contains(BOUNCE), escalations.toString());
        assertEquals(1, http.countMail(BOUNCE, "? " + subject), "asked once");
    }

    @Test
    void anOwnersOutOfOfficeReplyHandsTheQuestionToTheirDeputy() {
        String subject = "Refund for my order " + System.nanoTime();
        String id = post("hana@example.kr", subject);
        http.awaitMail(OOTO, "? " + subject);

        JsonNode toBen = http.awaitMail("ben@example.com", "? " + subject);
        String text = toBen.path("text").asText();
        assertTrue(text.contains("is away (out-of-office reply); the question goes to Ben (billing-deputy) at once"), text);
        assertTrue(text.contains("I am out of the office until"), text);

        JsonNode item = http.json(http.get("/feedback/" + id));
        JsonNode first = item.path("escalations").get(0);
        assertEquals("away", first.path("status").asText(), item.toString());
        assertTrue(item.path("timeline").toString().contains("\"away\""), item.toString());
        assertEquals(0, http.countMail("olivia@example.com", "? " + subject), "the deputy, not the manager");
    }

    @Test
    void aComplaintSuppressesThatCustomersAddress() throws Exception {
        String first = "Just a note " + System.nanoTime();
        sendMail(COMPLAINT, "feedback@feedback.example.com", first, "The app logs me out every day.\n");
        http.awaitMail(COMPLAINT, "Re: " + first);
        LocalHttp.await("the complaint recorded", () -> {
            JsonNode escalations = http.json(http.get("/escalations"));
            return escalations.path("undeliverableAddresses").toString().contains(COMPLAINT) ? Optional.of(escalations)
                    : Optional.empty();
        });

        // past the hourly acknowledgement limit, so only the suppression can hold the next one back
        http.post("/_local/clock", "application/json", "{\"advance\":\"PT2H\"}");
        String second = "Another note " + System.nanoTime();
        sendMail(COMPLAINT, "feedback@feedback.example.com", second, "Still logged out every day.\n");
        JsonNode item = LocalHttp.await("the second mail's feedback", () -> {
            for (JsonNode feedback : http.json(http.get("/feedback?customer=" + COMPLAINT)).path("items")) {
                if (feedback.path("title").asText().startsWith(second) || feedback.toString().contains(second)) {
                    JsonNode full = http.json(http.get("/feedback/" + feedback.path("id").asText()));
                    return full.path("timeline").toString().contains("not-sent") ? Optional.of(full) : Optional.empty();
                }
            }
            return Optional.empty();
        });
        assertTrue(item.path("timeline").toString().contains("bounced or complained before"), item.toString());
        assertEquals(0, http.countMail(COMPLAINT, "Re: " + second), "no acknowledgement to a complaining address");
    }

    private static String post(String email, String subject) {
        return http.json(http.post("/feedback", "application/json", "{\"name\":\"Customer\",\"email\":\"" + email
                + "\",\"subject\":\"" + subject + "\",\"message\":\"Please look into it.\"}")).path("id").asText();
    }

    private static void sendMail(String from, String to, String subject, String text) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(system.smtpPort()));
        MimeMessage mail = new MimeMessage(Session.getInstance(props));
        mail.setFrom(new InternetAddress(from));
        mail.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        mail.setSubject(subject, "UTF-8");
        mail.setText(text, "UTF-8");
        Transport.send(mail);
    }

    /** The shipped configuration with Dana at the bounce simulator and Bora at the out-of-office one, Ben her deputy. */
    private static Path configuration() throws IOException {
        Path shipped = LocalHttp.repositoryRoot().resolve("config/qmark.yaml");
        String yaml = Files.readString(shipped, StandardCharsets.UTF_8);
        String changed = yaml.replace("email: dana@example.com", "email: " + BOUNCE)
                .replace("email: bora@example.com, manager: ops,", "email: " + OOTO + ", manager: ops, deputy: billing-deputy,")
                .replace("  - { alias: ops,", "  - { alias: billing-deputy, name: Ben, email: ben@example.com, manager: ops, timeZone: Asia/Seoul }\n"
                        + "  - { alias: ops,");
        assertTrue(changed.contains(BOUNCE) && changed.contains("deputy: billing-deputy") && changed.contains("ben@example.com"),
                "the example configuration changed; adapt the test");
        Files.writeString(configDir.resolve("qmark.yaml"), changed, StandardCharsets.UTF_8);
        Files.copy(shipped.resolveSibling("holidays-kr.ics"), configDir.resolve("holidays-kr.ics"));
        return configDir.resolve("qmark.yaml");
    }
}
