package dev.qmark.core.config;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.Period;
import java.util.List;

/**
 * What the founder reads: the daily digest, the town-hall report, the language they are written
 * in and the topics feedback is tagged with. Read from the same qmark.yaml as {@link QmarkConfig}
 * (by {@link ReportsConfigReader}), kept apart so that the reports' settings change nothing for the
 * functions that never write a report.
 *
 * @param language {@code en} or {@code ko}
 * @param digest   null when {@code digest: off}
 */
public record ReportsConfig(String language, Digest digest, TownHall townHall, List<Topic> topics) {

    public ReportsConfig {
        topics = List.copyOf(topics);
    }

    /** Every day at {@code at} in the founder's time zone, to the founder and {@code to}. */
    public record Digest(LocalTime at, List<String> to) {
        public static final LocalTime DEFAULT_AT = LocalTime.of(8, 30);
    }

    /** Every {@code every} on {@code day} at {@code at} (the founder's time zone), to {@code to} (empty: the founder). */
    public record TownHall(Period every, DayOfWeek day, LocalTime at, List<String> to) {
    }

    /** A topic and the words that tag an item with it (Korean or English; see figures.TopicTagger). */
    public record Topic(String name, List<String> keywords) {
        public Topic {
            keywords = List.copyOf(keywords);
        }
    }

    /** A configuration without any of the reports' keys: digest at 08:30, town hall every two weeks on Friday at 16:00, English. */
    public static ReportsConfig defaults() {
        return new ReportsConfig("en", new Digest(Digest.DEFAULT_AT, List.of()),
                new TownHall(Period.ofWeeks(2), DayOfWeek.FRIDAY, LocalTime.of(16, 0), List.of()), List.of());
    }

    public boolean korean() {
        return "ko".equals(language);
    }
}
