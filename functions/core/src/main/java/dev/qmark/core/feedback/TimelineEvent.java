package dev.qmark.core.feedback;

import java.time.Instant;

/** Something that happened to a feedback item, for the people reading its history. */
public record TimelineEvent(Instant at, String type, String detail) {
}
