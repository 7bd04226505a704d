package dev.qmark.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

public class ConfigLoaderTest {

    public static final String VALID = """
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops, timeZone: Asia/Seoul }
              - { alias: ops, name: Olivia, email: olivia@example.com, manager: founder, timeZone: UTC }
            routes:
              - { name: late-delivery, match: { keywords: [late, delivery, "배송"] }, owner: delivery, answerWithin: PT4H }
              - { name: everything-else, owner: ops, answerWithin: PT24H }
            """;

    @Test
    void readsTheIssueExample() {
        QmarkConfig config = ConfigLoader.parse(VALID, "qmark.yaml");
        assertEquals("feedback.example.com", config.inboundDomain());
        assertEquals("jeff@example.com", config.founder().email());
        assertEquals(ZoneId.of("Asia/Seoul"), config.requireOwner("delivery").timeZone());
        assertEquals(List.of("ops", "founder"), config.chainAbove("delivery"));
        assertEquals(Duration.ofHours(4), config.routes().get(0).answerWithin());
        assertEquals(List.of("late", "delivery", "배송"), config.routes().get(0).match().keywords());
        assertEquals("answer+tok@feedback.example.com", config.replyAddress("tok"));
    }

    @Test
    void theShippedExampleIsValid() {
        QmarkConfig config = ConfigLoader.load(Path.of("../../config/qmark.yaml"));
        assertTrue(config.routes().size() >= 2);
    }

    @Test
    void unknownOwnerNamesTheLine() {
        String yaml = VALID.replace("owner: delivery, answerWithin", "owner: delivry, answerWithin");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertTrue(e.getMessage().startsWith("qmark.yaml line 8: route 'late-delivery' names owner 'delivry'"), e.getMessage());
    }

    @Test
    void cycleInManagersIsRefused() {
        String yaml = VALID.replace("manager: founder, timeZone: UTC", "manager: delivery, timeZone: UTC");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("cycle"), e.getMessage());
        assertTrue(e.getMessage().contains("delivery -> ops -> delivery"), e.getMessage());
    }

    @Test
    void badDurationNamesTheLine() {
        String yaml = VALID.replace("PT24H", "24 hours");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertEquals("qmark.yaml line 9: answerWithin '24 hours' is not an ISO-8601 duration (for example PT4H or P1D)",
                e.getMessage());
    }

    @Test
    void badAddressNamesTheLine() {
        String yaml = VALID.replace("dana@example.com", "dana at example");
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertEquals("qmark.yaml line 5: email 'dana at example' is not an email address", e.getMessage());
    }

    @Test
    void unknownManagerTimeZoneAndKeysAreRefused() {
        assertMessage(VALID.replace("manager: ops", "manager: nobody"), "line 5", "manager 'nobody'");
        assertMessage(VALID.replace("Asia/Seoul", "Mars/Olympus"), "line 5", "timeZone 'Mars/Olympus'");
        assertMessage(VALID.replace("sender:", "sendr:"), "line 2", "unknown key 'sendr'");
        assertMessage(VALID.replace("  - { name: everything-else, owner: ops, answerWithin: PT24H }\n", ""),
                "line 8", "must have no match");
        assertMessage(VALID + "  - { name: everything-else, owner: ops, answerWithin: PT1H }\n", "line 10", "used twice");
        assertMessage("inboundDomain: [oops\n", "line", "not valid YAML");
        assertMessage("", "line 1", "empty");
    }

    private static void assertMessage(String yaml, String line, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertTrue(e.getMessage().contains(line) && e.getMessage().contains(fragment), e.getMessage());
    }
}
