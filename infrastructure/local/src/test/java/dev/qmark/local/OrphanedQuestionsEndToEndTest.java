package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5, through the local system with --data-dir: Dana is asked three questions, then
 * leaves the configuration (her route goes to Bora). At the next start-up the three go on to Bora
 * with a note on the "?" and the timeline, the founder is told once what was orphaned, and neither
 * a sweep nor another restart tells anyone again.
 */
class OrphanedQuestionsEndToEndTest {

    @TempDir
    Path data;
    @TempDir
    Path configDir;

    @Test
    void questionsWhoseOwnerLeftGoToTheRoutesOwnerAndTheFounderIsToldOnce() throws IOException {
        Path before = LocalHttp.repositoryRoot().resolve("config/qmark.yaml");
        Path after = withoutDana(before);
        String run = Long.toString(System.nanoTime(), 36);
        List<String> ids = new ArrayList<>();
        try (LocalSystem first = LocalSystem.start(new LocalOptions(0, 0, before, data, null))) {
            LocalHttp http = new LocalHttp(first.httpPort());
            for (int i = 0; i < 3; i++) {
                ids.add(http.json(http.post("/feedback", "application/json", "{\"name\":\"Minsu\",\"email\":\"m" + i
                        + "@example.org\",\"subject\":\"Late delivery " + run + " " + i + "\",\"message\":\"Still waiting.\"}"))
                        .path("id").asText());
                http.awaitMail("dana@example.com", "? Late delivery " + run + " " + i);
            }
        }
        try (LocalSystem second = LocalSystem.start(new LocalOptions(0, 0, after, data, null))) {
            LocalHttp http = new LocalHttp(second.httpPort());
            for (int i = 0; i < 3; i++) {
                JsonNode toBora = http.awaitMail("bora@example.com", "? Late delivery " + run + " " + i);
                String text = toBora.path("text").asText();
                assertTrue(text.contains("Sent on to you by Qmark:"), text);
                assertTrue(text.contains("delivery <dana@example.com> was asked but is no longer in Qmark's configuration"), text);
                assertTrue(text.contains("no longer in the configuration, so it went to you"), text);
            }
            JsonNode notice = http.awaitMail("jeff@example.com", "Configuration change: 3 open questions had no owner");
            for (String id : ids) {
                assertTrue(notice.path("text").asText().contains("[" + id + "]: was delivery <dana@example.com>, now Bora (billing)"),
                        notice.path("text").asText());
            }

            JsonNode item = http.json(http.get("/feedback/" + ids.get(0)));
            assertEquals("[\"delivery\",\"billing\"]", item.path("chain").toString(), item.toString());
            assertEquals("orphaned", item.path("escalations").get(0).path("status").asText());
            assertEquals("open", item.path("escalations").get(1).path("status").asText());
            assertTrue(item.path("timeline").toString().contains("no longer in Qmark's configuration"), item.toString());

            JsonNode sweep = http.json(http.post("/_local/sweep", "application/json", ""));
            assertEquals(0, sweep.path("orphaned").size(), sweep.toString());
            assertEquals(0, sweep.path("figures").path("failed").asInt(), sweep.toString());
        }
        try (LocalSystem third = LocalSystem.start(new LocalOptions(0, 0, after, data, null))) {
            LocalHttp http = new LocalHttp(third.httpPort());
            http.json(http.post("/_local/sweep", "application/json", ""));
            assertEquals(1, http.countMail("jeff@example.com", "Configuration change:"), "told once");
            for (int i = 0; i < 3; i++) {
                assertEquals(1, http.countMail("bora@example.com", "? Late delivery " + run + " " + i), "asked once");
            }
        }
    }

    /** The shipped configuration after Dana left: her route goes to Bora. */
    private Path withoutDana(Path shipped) throws IOException {
        String yaml = Files.readString(shipped, StandardCharsets.UTF_8);
        String changed = yaml.replaceAll("(?m)^  - \\{ alias: delivery,.*\\n", "")
                .replace("owner: delivery, answerWithin: PT4H", "owner: billing, answerWithin: PT4H");
        assertTrue(!changed.contains("alias: delivery") && changed.contains("owner: billing, answerWithin: PT4H"),
                "the example configuration changed; adapt the test");
        Files.writeString(configDir.resolve("qmark.yaml"), changed, StandardCharsets.UTF_8);
        Files.copy(shipped.resolveSibling("holidays-kr.ics"), configDir.resolve("holidays-kr.ics"));
        return configDir.resolve("qmark.yaml");
    }
}
