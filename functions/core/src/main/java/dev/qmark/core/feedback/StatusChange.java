package dev.qmark.core.feedback;

/**
 * A move of a feedback item from one status to another. Which moves there are is core's rule;
 * the adapters write the move conditionally on {@code from}, so that a redelivery or a racing
 * worker that finds the item moved on changes nothing.
 */
public record StatusChange(FeedbackStatus from, FeedbackStatus to) {

    /**
     * Routing as the router recorded it before the route rode on the first "?": only a RECEIVED item is
     * routed, once; the first decision recorded stands. New items go RECEIVED -> ASKED, the route recorded
     * with the ASKED ({@code Escalations.markItemAsked}); ROUTED items are a stack's older data.
     */
    public static final StatusChange ROUTE = new StatusChange(FeedbackStatus.RECEIVED, FeedbackStatus.ROUTED);

    /** Whether an item in {@code current} may make this move. */
    public boolean appliesTo(FeedbackStatus current) {
        return current == from;
    }
}
