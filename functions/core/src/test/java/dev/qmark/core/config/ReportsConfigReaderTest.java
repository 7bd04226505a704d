package dev.qmark.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportsConfigReaderTest {

    @Test
    void defaultsWithoutAnyOfTheKeys() {
        ReportsConfig reports = ReportsConfigReader.parse("inboundDomain: x.example.com\n", "test");
        assertEquals("en", reports.language());
        assertEquals(LocalTime.of(8, 30), reports.digest().at());
        assertEquals(Period.ofWeeks(2), reports.townHall().every());
        assertTrue(reports.topics().isEmpty());
    }

    @Test
    void everyKey() {
        ReportsConfig reports = ReportsConfigReader.parse("""
                language: ko
                digest: { at: "7:45", to: [cto@example.com] }
                townHall: { every: P1W, day: monday, at: "10:00", to: [all@example.com] }
                topics:
                  - { name: delivery, keywords: [배송, delivery] }
                """, "test");
        assertTrue(reports.korean());
        assertEquals(LocalTime.of(7, 45), reports.digest().at());
        assertEquals(List.of("cto@example.com"), reports.digest().to());
        assertEquals(DayOfWeek.MONDAY, reports.townHall().day());
        assertEquals(List.of("배송", "delivery"), reports.topics().get(0).keywords());
    }

    @Test
    void digestOffAndMistakesNamed() {
        assertNull(ReportsConfigReader.parse("digest: off\n", "test").digest());
        assertTrue(assertThrows(ConfigException.class, () -> ReportsConfigReader.parse("language: fr\n", "test"))
                .getMessage().contains("line 1: language must be en or ko"));
        assertTrue(assertThrows(ConfigException.class, () -> ReportsConfigReader.parse("digest: { at: noon }\n", "test"))
                .getMessage().contains("a time such as 08:30"));
        assertTrue(assertThrows(ConfigException.class, () -> ReportsConfigReader.parse("townHall: { every: P1M }\n", "test"))
                .getMessage().contains("whole days or weeks"));
    }

    @Test
    void theMainLoaderAcceptsTheReportsKeys() {
        ConfigLoader.parse("""
                inboundDomain: feedback.example.com
                sender: qmark@example.com
                founder: { name: Jeff, email: jeff@example.com }
                owners: []
                routes: [{ name: all, owner: founder, answerWithin: PT4H }]
                language: ko
                digest: off
                topics: [{ name: app, keywords: [앱] }]
                """, "test");
    }
}
