package dev.qmark.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.event.Level;
import org.slf4j.helpers.BasicMDCAdapter;

class JsonLoggerTest {

    private final List<String> lines = new ArrayList<>();
    private final BasicMDCAdapter mdc = new BasicMDCAdapter();
    private final JsonLogger log = new JsonLogger("dev.qmark.Test", Level.INFO, mdc, lines::add);

    @Test
    void aLineIsOneJsonObjectWithTheContextAndKeyValuesAsFields() {
        mdc.put("feedbackId", "abc");
        mdc.put("step", "2");
        log.atInfo().addKeyValue("sesMessageId", "0100-xyz").log("mail {} sent", "\"?\"");

        assertEquals(1, lines.size());
        String line = lines.get(0);
        assertTrue(line.startsWith("{\"timestamp\":\""), line);
        assertTrue(line.contains("\"level\":\"INFO\""), line);
        assertTrue(line.contains("\"logger\":\"dev.qmark.Test\""), line);
        assertTrue(line.contains("\"message\":\"mail \\\"?\\\" sent\""), line);
        assertTrue(line.contains("\"feedbackId\":\"abc\""), line);
        assertTrue(line.contains("\"step\":\"2\""), line);
        assertTrue(line.endsWith("\"sesMessageId\":\"0100-xyz\"}"), line);
    }

    @Test
    void belowTheThresholdNothingIsWrittenAndAStackTraceStaysOnOneLine() {
        log.debug("customer text {}", "never above DEBUG");
        log.warn("failed", new IllegalStateException("boom"));

        assertEquals(1, lines.size());
        assertTrue(lines.get(0).contains("\"error\":\"java.lang.IllegalStateException: boom\\n\\tat "), lines.get(0));
        assertTrue(!lines.get(0).contains("\n"));
    }

    @Test
    void lambdasLevelNamesSetTheThreshold() {
        assertEquals(Level.INFO, JsonLogProvider.threshold(null));
        assertEquals(Level.DEBUG, JsonLogProvider.threshold("debug"));
        assertEquals(Level.ERROR, JsonLogProvider.threshold("FATAL"));
    }
}
