package dev.qmark.core.asking;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.feedback.Feedback;
import java.util.Optional;

/**
 * The founder's triage ({@code triage: founder} on a route): the founder is asked first (step 1)
 * and sends the feedback on to the route's owner with a bare "?", or to another owner with
 * "? @alias". If the founder lets the triage deadline pass, the question goes to the route's
 * owner, as a bare "?" would have sent it: the founder is the top of every chain, so without this
 * a missed triage would go nowhere.
 */
public final class Triage {

    private Triage() {
    }

    /** The configured route a feedback item was routed by, if it is routed and the route still exists. */
    public static Optional<Route> routeOf(QmarkConfig config, Feedback feedback) {
        return feedback.route() == null ? Optional.empty() : config.route(feedback.route().route());
    }

    /** Whether the founder triages this item: its route says {@code triage: founder}. */
    public static boolean triaged(QmarkConfig config, Feedback feedback) {
        return routeOf(config, feedback).map(Route::founderTriage).orElse(false);
    }

    /** Whether this escalation is the founder's triage step: step 1 of a triaged item, asked to the founder. */
    public static boolean isTriageStep(QmarkConfig config, Feedback feedback, Escalation escalation) {
        return escalation.step() == 1 && QmarkConfig.FOUNDER.equals(escalation.owner()) && triaged(config, feedback);
    }

    /** Whom the triage sends the item to by default: the owner the router chose. */
    public static String routeOwner(Feedback feedback) {
        return feedback.route().owner();
    }
}
