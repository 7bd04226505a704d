package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Nothing accepted is lost when the local system is killed (kill -9) and started again on the same
 * data directory: replies that got {@code 250} are all recorded, once; feedback that got {@code 202}
 * is all in the table, and routed.
 */
class CrashRecoveryTest {

    private static final int REPLIES = 12;
    private static final int POSTS = 80;

    @TempDir
    Path dir;

    /**
     * One kill for both (each start of the local system takes seconds): a form burst runs while the
     * replies are sent; the kill comes right after the last reply's 250, mid-burst.
     */
    @Test
    void whatWasAcceptedBeforeAKillIsAllThereOnceAfterTheRestart() throws Exception {
        Path data = dir.resolve("data");
        List<String> ids = new ArrayList<>();
        List<String> burst = Collections.synchronizedList(new ArrayList<>());
        int accepted = 0;
        try (ChildSystem first = ChildSystem.start(data, dir.resolve("qmark.log"))) {
            LocalHttp http = new LocalHttp(first.httpPort);
            for (int i = 0; i < REPLIES; i++) {
                ids.add(http.json(http.post("/feedback", "application/json", "{\"name\":\"Ara " + i
                        + "\",\"email\":\"ara" + i + "@example.org\",\"subject\":\"" + subject(i)
                        + "\",\"message\":\"Charged twice.\"}")).path("id").asText());
            }
            List<JsonNode> questions = new ArrayList<>();
            for (int i = 0; i < REPLIES; i++) {
                questions.add(http.awaitMail("bora@example.com", "? " + subject(i)));
            }
            ExecutorService clients = burst(first, http, burst);
            Session session = Session.getInstance(smtp(first.smtpPort));
            try (Transport transport = session.getTransport("smtp")) {
                transport.connect();
                for (int i = 0; i < REPLIES; i++) {
                    MimeMessage reply = new MimeMessage(session);
                    reply.setFrom(new InternetAddress("bora@example.com"));
                    reply.setRecipient(Message.RecipientType.TO,
                            new InternetAddress(questions.get(i).path("replyTo").get(0).asText()));
                    reply.setSubject("Re: ? " + subject(i));
                    reply.setText("Refunded " + i + ".\n");
                    transport.sendMessage(reply, reply.getAllRecipients()); // throws unless 250
                    accepted++;
                }
            }
            LocalHttp.await("half the burst answered", () -> burst.size() >= POSTS / 2 ? Optional.of(true) : Optional.empty());
            first.kill(); // right after the last 250 (most replies still on their way) and mid-burst
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        }
        assertEquals(REPLIES, accepted);
        assertTrue(burst.size() < POSTS, "the kill came mid-burst: " + burst.size() + " of " + POSTS + " answered 202");

        try (ChildSystem second = ChildSystem.start(data, dir.resolve("qmark.log"))) {
            LocalHttp http = new LocalHttp(second.httpPort);
            for (int i = 0; i < REPLIES; i++) {
                String id = ids.get(i);
                JsonNode item = LocalHttp.await("the answer to " + id + " after the restart", () -> {
                    JsonNode it = http.json(http.get("/feedback/" + id));
                    return it.path("status").asText().equals("answered") ? Optional.of(it) : Optional.empty();
                });
                assertEquals("Refunded " + i + ".", item.path("escalations").get(0).path("answer").asText());
                assertEquals(1, count(item.path("timeline"), "answered"), "answers recorded for " + id);
            }
            for (String id : List.copyOf(burst)) {
                LocalHttp.await("feedback " + id + " (answered 202) stored and asked after the restart", () -> {
                    HttpResponse<String> response = http.get("/feedback/" + id);
                    return response.statusCode() == 200 && http.json(response).path("status").asText().equals("asked")
                            ? Optional.of(true) : Optional.empty();
                });
            }
            // a founder's mail claimed by the killed run is sent by a retry once its 30 s claim ran out:
            // Lambda's first retry of the redelivered mail, a minute later
            long deadline = System.nanoTime() + Duration.ofSeconds(150).toNanos();
            for (int i = 0; i < REPLIES; i++) {
                while (http.countMail("jeff@example.com", "Answered: " + subject(i)) == 0) {
                    assertTrue(System.nanoTime() < deadline, "the founder was never told about " + subject(i));
                    Thread.sleep(500);
                }
            }
            for (int i = 0; i < REPLIES; i++) {
                assertEquals(1, http.countMail("jeff@example.com", "Answered: " + subject(i)), "founder's mails for " + i);
            }
        }
    }

    /** Posts from four clients until POSTS are sent or the system is gone; 202'd ids go to {@code accepted}. */
    private static ExecutorService burst(ChildSystem system, LocalHttp http, List<String> accepted) {
        AtomicInteger next = new AtomicInteger();
        ExecutorService clients = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            clients.submit(() -> {
                for (int i; (i = next.getAndIncrement()) < POSTS && system.alive(); ) {
                    HttpResponse<String> response;
                    try {
                        response = http.post("/feedback", "application/json", "{\"name\":\"Burst " + i
                                + "\",\"email\":\"burst" + i + "@example.org\",\"subject\":\"Burst " + i
                                + "\",\"message\":\"Message number " + i + ".\"}");
                    } catch (AssertionError refused) {
                        return; // killed: connection refused or reset
                    }
                    if (response.statusCode() == 202) {
                        accepted.add(http.json(response).path("id").asText());
                    }
                }
            });
        }
        return clients;
    }

    private static String subject(int i) {
        return String.format("Invoice twice #%03d", i);
    }

    private static long count(JsonNode timeline, String type) {
        long n = 0;
        for (JsonNode event : timeline) {
            n += event.path("type").asText().equals(type) ? 1 : 0;
        }
        return n;
    }

    private static Properties smtp(int port) {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        return props;
    }
}
