package dev.qmark.core.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import dev.qmark.core.deadline.BusinessHoursCalendar;
import dev.qmark.core.deadline.DeadlineCalendar;
import dev.qmark.core.deadline.ReminderRule;
import dev.qmark.core.deadline.WallClockCalendar;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
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
        // Bora works Seoul office hours: the holiday file next to the configuration is read
        DeadlineCalendar office = config.calendarFor(config.route("billing").orElseThrow(), "billing");
        assertTrue(office instanceof BusinessHoursCalendar);
        assertTrue(((BusinessHoursCalendar) office).holidays().contains(LocalDate.of(2026, 9, 25)), "추석 2026");
        assertTrue(((BusinessHoursCalendar) office).holidays().contains(LocalDate.of(2026, 12, 31)), "listed date");
        assertEquals(ReminderRule.DEFAULTS, config.reminders());
    }

    @Test
    void calendarsDecideDeadlinesPerRouteOrOwner() {
        QmarkConfig config = ConfigLoader.parse(VALID.replace("owners:", """
                calendars:
                  office: { timeZone: Asia/Seoul, hours: { mon-fri: ["09:00-12:00", "13:00-18:00"] }, holidays: [2026-12-25] }
                reminders: ["25%"]
                owners:""").replace("manager: ops, timeZone: Asia/Seoul }", "manager: ops, timeZone: Asia/Seoul, calendar: office }")
                .replace("answerWithin: PT24H }", "answerWithin: PT24H, reminders: [PT2H] }"), "qmark.yaml");
        Route late = config.route("late-delivery").orElseThrow();
        // Friday 17:30 in Seoul, four working hours: Monday 13:30 (lunch skipped)
        Instant friday = java.time.ZonedDateTime.of(2026, 11, 27, 17, 30, 0, 0, java.time.ZoneId.of("Asia/Seoul")).toInstant();
        assertEquals(java.time.ZonedDateTime.of(2026, 11, 30, 13, 30, 0, 0, java.time.ZoneId.of("Asia/Seoul")).toInstant(),
                config.calendarFor(late, "delivery").plusWorkingTime(friday, late.answerWithin()));
        assertTrue(config.calendarFor(late, "ops") instanceof WallClockCalendar, "Olivia has no calendar");
        assertEquals(List.of(ReminderRule.parse("25%")), config.remindersFor(late));
        assertEquals(List.of(ReminderRule.parse("PT2H")), config.remindersFor(config.route("everything-else").orElseThrow()));
    }

    @Test
    void calendarMistakesNameTheLine() {
        String withCalendar = VALID.replace("owners:", "calendars:\n  office: { timeZone: UTC, hours: { mon-fri: [\"09:00-18:00\"] } }\nowners:");
        assertMessage(withCalendar.replace("manager: founder, timeZone: UTC }", "manager: founder, timeZone: UTC, calendar: ofice }"),
                "line", "calendar 'ofice' is not among the calendars (office)");
        assertMessage(withCalendar.replace("09:00-18:00", "9 to 6"), "line 5", "calendar 'office'");
        assertMessage(VALID.replace("owners:", "reminders: [\"150%\"]\nowners:"), "line 4", "reminders");
    }

    @Test
    void forwardersAndTheirAcknowledgementAreConfigured() {
        QmarkConfig plain = ConfigLoader.parse(VALID, "qmark.yaml");
        assertEquals(false, plain.acknowledgeForwarded());
        assertEquals(false, plain.mayForward("assistant@example.com"));
        assertEquals(true, plain.mayForward(plain.founder().email()));
        QmarkConfig set = ConfigLoader.parse(VALID + "forwarders: [Assistant@Example.com]\nacknowledgeForwarded: true\n",
                "qmark.yaml");
        assertEquals(true, set.acknowledgeForwarded());
        assertEquals(true, set.mayForward("assistant@example.com"));
        assertMessage(VALID + "acknowledgeForwarded: yes please\n", "line", "true or false");
    }

    @Test
    void theSweeperSetsAsideAnEscalationAfterFiveFailuresUnlessConfigured() {
        assertEquals(5, ConfigLoader.parse(VALID, "qmark.yaml").stuckAfterFailures());
        assertEquals(3, ConfigLoader.parse(VALID + "sweeper: { stuckAfterFailures: 3 }\n", "qmark.yaml").stuckAfterFailures());
        assertMessage(VALID + "sweeper: { stuckAfterFailures: 0 }\n", "line", "between 1 and 100");
        assertMessage(VALID + "sweeper: { stuckAfter: 3 }\n", "line", "stuckAfter");
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
        assertMessage(VALID.replace("inboundDomain: feedback.example.com", "inboundDomain: feedback example"), "line 1",
                "inboundDomain 'feedback example' is not a domain name");
        assertMessage(VALID.replace("inboundDomain: feedback.example.com", "inboundDomain: 피드백.example.com"), "line 1",
                "is not a domain name");
        assertMessage("inboundDomain: [oops\n", "line", "not valid YAML");
        assertMessage("", "line 1", "empty");
    }

    @Test
    void aRouteMayBeTriagedByTheFounder() {
        QmarkConfig config = ConfigLoader.parse(VALID.replace("owner: delivery, answerWithin: PT4H }",
                "owner: delivery, answerWithin: PT4H, triage: founder }"), "qmark.yaml");
        assertTrue(config.route("late-delivery").orElseThrow().founderTriage());
        assertEquals("founder", config.route("late-delivery").orElseThrow().triage());
        assertTrue(!config.route("everything-else").orElseThrow().founderTriage(), "no triage unless configured");
    }

    @Test
    void triageMistakesNameTheLine() {
        assertMessage(VALID.replace("answerWithin: PT4H }", "answerWithin: PT4H, triage: jeff }"), "qmark.yaml line 8",
                "route 'late-delivery': triage 'jeff' is not known; the only triage is 'founder'");
        assertMessage(VALID.replace("owner: ops, answerWithin: PT24H }", "owner: founder, answerWithin: PT24H,\n"
                        + "      triage: founder }"), "qmark.yaml line 10",
                "route 'everything-else' is owned by the founder; triage: founder would ask the founder twice");
        assertMessage(VALID.replace("answerWithin: PT4H }", "answerWithin: PT4H, triage: [founder] }"), "line 8", "triage");
    }

    @Test
    void nobodyMayHaveAnAddressOfQmarksOwn() {
        assertMessage(VALID.replace("email: dana@example.com", "email: dana@feedback.example.com"), "line 5",
                "'delivery' has the address dana@feedback.example.com, which is an address at Qmark's own inbound domain");
        assertMessage(VALID.replace("timeZone: UTC }", "timeZone: UTC, answersFrom: [olivia@Mail.Feedback.example.com] }"),
                "line 6", "'ops' has the address olivia@mail.feedback.example.com");
        assertMessage(VALID.replace("email: jeff@example.com", "email: qmark@example.com"), "line 3",
                "'founder' has the address qmark@example.com, which is Qmark's own sender address");
    }

    @Test
    void aDeputyStandsInBeforeTheManagerAndMustBeAnotherOwner() {
        QmarkConfig config = ConfigLoader.parse(VALID.replace("manager: ops, timeZone: Asia/Seoul",
                "manager: ops, timeZone: Asia/Seoul, deputy: founder"), "qmark.yaml");
        assertEquals("founder", config.standIn("delivery").orElseThrow().alias());
        assertEquals("founder", config.standIn("ops").orElseThrow().alias(), "no deputy: the manager");
        assertTrue(config.standIn("founder").isEmpty(), "nobody above the founder");
        assertMessage(VALID.replace("manager: ops, timeZone: Asia/Seoul", "manager: ops, timeZone: Asia/Seoul, deputy: bob"),
                "line 5", "names deputy 'bob'");
        assertMessage(VALID.replace("manager: ops, timeZone: Asia/Seoul", "manager: ops, timeZone: Asia/Seoul, deputy: delivery"),
                "line 5", "names deputy 'delivery'");
    }

    private static void assertMessage(String yaml, String line, String fragment) {
        ConfigException e = assertThrows(ConfigException.class, () -> ConfigLoader.parse(yaml, "qmark.yaml"));
        assertTrue(e.getMessage().contains(line) && e.getMessage().contains(fragment), e.getMessage());
    }
}
