package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --data-dir, a restart keeps the feedback, the outbox and the reply secret: an old "?" can still be answered. */
class DataDirectoryRestartTest {

    @TempDir
    Path data;

    @Test
    void stateAndReplyAddressesSurviveARestart() {
        Path config = LocalHttp.repositoryRoot().resolve("config/qmark.yaml");
        String id;
        String questionId;
        try (LocalSystem first = LocalSystem.start(new LocalOptions(0, 0, config, data))) {
            LocalHttp http = new LocalHttp(first.httpPort());
            id = http.json(http.post("/feedback", "application/json",
                    "{\"name\":\"Ara\",\"email\":\"ara@example.org\",\"subject\":\"Invoice twice\",\"message\":\"I was charged twice.\"}"))
                    .path("id").asText();
            questionId = http.awaitMail("bora@example.com", "? Invoice twice").path("messageId").asText();
            // the escalator marks the item asked just after sending: a stop before that is a crash mid-send
            // (CrashRecoveryTest's business), not the clean restart this test is about
            LocalHttp.await("the item marked asked", () -> http.json(http.get("/feedback/" + id)).path("status").asText()
                    .equals("asked") ? Optional.of(true) : Optional.empty());
        }
        try (LocalSystem second = LocalSystem.start(new LocalOptions(0, 0, config, data))) {
            LocalHttp http = new LocalHttp(second.httpPort());
            assertEquals("asked", http.json(http.get("/feedback/" + id)).path("status").asText());
            assertEquals(1, http.countMail("bora@example.com", "? Invoice twice"));
            http.post("/_local/mail/reply", "application/x-www-form-urlencoded",
                    "messageId=" + URLEncoder.encode(questionId, StandardCharsets.UTF_8)
                            + "&from=bora%40example.com&text=Refunded+the+second+charge.");
            JsonNode answered = LocalHttp.await("the answer after the restart", () -> {
                JsonNode item = http.json(http.get("/feedback/" + id));
                return item.path("status").asText().equals("answered") ? Optional.of(item) : Optional.empty();
            });
            assertEquals("Refunded the second charge.", answered.path("escalations").get(0).path("answer").asText());
        }
    }
}
