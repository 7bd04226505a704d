package dev.qmark.aws.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.core.feedback.Channel;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final EmfMetrics metrics = new EmfMetrics(new PrintStream(out, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-12-06T04:00:00Z"), ZoneOffset.UTC));

    private JsonNode[] lines() throws Exception {
        String[] raw = out.toString(StandardCharsets.UTF_8).strip().split("\n");
        JsonNode[] nodes = new JsonNode[raw.length];
        for (int i = 0; i < raw.length; i++) {
            nodes[i] = Json.MAPPER.readTree(raw[i]);
        }
        return nodes;
    }

    @Test
    void aMetricSetIsOneLineCloudWatchReadsAsMetricsWithTheirDimensions() throws Exception {
        metrics.feedbackReceived(Channel.EMAIL);

        JsonNode line = lines()[0];
        JsonNode directive = line.path("_aws").path("CloudWatchMetrics").get(0);
        assertEquals(Instant.parse("2026-12-06T04:00:00Z").toEpochMilli(), line.path("_aws").path("Timestamp").asLong());
        assertEquals("Qmark", directive.path("Namespace").asText());
        assertEquals("Channel", directive.path("Dimensions").get(0).get(0).asText());
        assertEquals("FeedbackReceived", directive.path("Metrics").get(0).path("Name").asText());
        assertEquals("Count", directive.path("Metrics").get(0).path("Unit").asText());
        assertEquals("email", line.path("Channel").asText());
        assertEquals(1, line.path("FeedbackReceived").asInt());
    }

    @Test
    void anAnswerGivesItsCountAndTimeToAnswerInOneSetAndNothingIsWrittenForZero() throws Exception {
        metrics.answered(Duration.ofMinutes(90), true);
        metrics.breached(0);
        metrics.swept(Duration.ofMillis(250), 0);

        JsonNode[] lines = lines();
        assertEquals(2, lines.length);
        assertEquals(1, lines[0].path("AnsweredLate").asInt());
        assertEquals(5400, lines[0].path("TimeToAnswer").asInt());
        assertEquals(0, lines[0].path("_aws").path("CloudWatchMetrics").get(0).path("Dimensions").get(0).size());
        assertEquals(250, lines[1].path("SweepDuration").asInt());
        assertEquals(0, lines[1].path("ItemsDue").asInt());
    }
}
