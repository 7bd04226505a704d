package dev.qmark.core.feedback;

import java.time.Duration;
import java.time.Instant;

/** What the router decided for one feedback item. */
public record RouteDecision(String route, String owner, Duration answerWithin, Instant dueAt, Instant decidedAt) {

    /**
     * The timeline's "routed" event of this decision, at the time it was made: recorded with the item's
     * first "?" ({@code Escalations.markItemAsked}), which is where the route is written since the router
     * only decides. {@code firstAsked} is who gets the first "?" (the founder on a triage route).
     */
    public TimelineEvent routedEvent(String firstAsked) {
        String triage = firstAsked == null || firstAsked.equals(owner) ? "" : ", " + firstAsked + " triages first";
        return new TimelineEvent(decidedAt, "routed", "route " + route + " -> " + owner + ", answer within " + answerWithin + triage);
    }
}
