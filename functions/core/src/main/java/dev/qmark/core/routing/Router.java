package dev.qmark.core.routing;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.RouteDecision;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/** Applies the configured routes, first match wins, and sets the deadline. */
public final class Router {

    private final QmarkConfig config;

    public Router(QmarkConfig config) {
        this.config = config;
    }

    /**
     * The route, its owner, and the deadline of the first "?": the owner's, or on a route with
     * {@code triage: founder} the founder's, who is asked first (the same answerWithin, in the
     * founder's calendar; the owner gets a fresh answerWithin when the founder sends it on).
     * The answer time counts from when the feedback arrived, not from {@code now}: a burst or an
     * outage that delays routing must not give the owner extra time the customer is waiting anyway.
     */
    public RouteDecision decide(Feedback feedback, Instant now) {
        for (Route route : config.routes()) {
            if (accepts(route.match(), feedback)) {
                // working time when a calendar applies; to the second: what people read and the sweeper compares
                Instant due = config.calendarFor(route, firstAsked(route)).plusWorkingTime(feedback.receivedAt(), route.answerWithin());
                return new RouteDecision(route.name(), route.owner(), route.answerWithin(),
                        due.truncatedTo(ChronoUnit.SECONDS), now);
            }
        }
        // The loader guarantees a last route that takes everything.
        throw new IllegalStateException("no route took feedback " + feedback.id());
    }

    /**
     * The decision for feedback a forwarder sent straight to {@code alias} ({@code ? @alias}): that
     * owner, no triage (the forwarder chose), the answer time of the route the rules would have taken,
     * counted in the owner's calendar from when the feedback arrived. The route is named
     * {@code "? @alias"}, which no configured route is, so the route's own triage and reminders do
     * not apply.
     */
    public RouteDecision decideFor(Feedback feedback, String alias, Instant now) {
        Route byRules = config.routes().stream().filter(r -> accepts(r.match(), feedback)).findFirst()
                .orElseThrow(() -> new IllegalStateException("no route took feedback " + feedback.id()));
        Instant due = config.calendarFor(null, alias).plusWorkingTime(feedback.receivedAt(), byRules.answerWithin());
        return new RouteDecision("? @" + alias, alias, byRules.answerWithin(), due.truncatedTo(ChronoUnit.SECONDS), now);
    }

    /**
     * Who is asked first about feedback decided so: the founder on a triage route, else the decision's owner
     * (the decision stands: a route whose owner changed in the configuration since still asks the one decided).
     */
    public String firstAsked(RouteDecision decision) {
        return config.route(decision.route()).filter(Route::founderTriage).map(r -> QmarkConfig.FOUNDER).orElse(decision.owner());
    }

    private String firstAsked(Route route) {
        return route.founderTriage() ? QmarkConfig.FOUNDER : route.owner();
    }

    static boolean accepts(Route.Match match, Feedback feedback) {
        if (!match.channels().isEmpty() && !match.channels().contains(feedback.channel().wireName())) {
            return false;
        }
        if (match.minRating() != null && (feedback.rating() == null || feedback.rating() < match.minRating())) {
            return false;
        }
        if (match.maxRating() != null && (feedback.rating() == null || feedback.rating() > match.maxRating())) {
            return false;
        }
        if (match.keywords().isEmpty()) {
            return true;
        }
        String text = ((feedback.subject() == null ? "" : feedback.subject()) + "\n" + feedback.message())
                .toLowerCase(Locale.ROOT);
        return match.keywords().stream().anyMatch(keyword -> mentions(text, keyword));
    }

    /**
     * Latin keywords match whole words ("late" is not in "chocolate"); others match anywhere,
     * because Korean and Japanese attach particles to words ("배송이", "配送が").
     */
    static boolean mentions(String text, String keyword) {
        if (keyword.chars().allMatch(c -> c < 128)) {
            return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(keyword) + "(?![\\p{L}\\p{N}])")
                    .matcher(text).find();
        }
        return text.contains(keyword);
    }
}
