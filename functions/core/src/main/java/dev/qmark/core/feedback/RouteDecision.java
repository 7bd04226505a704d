package dev.qmark.core.feedback;

import java.time.Duration;
import java.time.Instant;

/** What the router decided for one feedback item. */
public record RouteDecision(String route, String owner, Duration answerWithin, Instant dueAt, Instant decidedAt) {
}
