package dev.qmark.core.asking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The founder's triage: only step 1 of an item whose route says {@code triage: founder}, asked of the founder. */
class TriageTest {

    private static final Instant T0 = Instant.parse("2026-11-23T10:00:00Z");
    private static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com }
            routes:
              - { name: vip, match: { keywords: [vip] }, owner: delivery, answerWithin: PT4H, triage: founder }
              - { name: rest, owner: delivery, answerWithin: PT4H }
            """, "test");

    private static Feedback routedBy(String route) {
        return new Feedback("f1", Channel.WEB, new Customer("Minsu", "minsu@example.com"), "Late", "vip parcel", 3, T0,
                FeedbackStatus.ROUTED, route == null ? null
                        : new RouteDecision(route, "delivery", Duration.ofHours(4), T0.plus(Duration.ofHours(4)), T0));
    }

    private static Escalation asked(int step, String owner) {
        return new Escalation("f1", step, owner, owner + "@example.com", EscalationStatus.OPEN, T0,
                T0.plus(Duration.ofHours(4)), null, null, null);
    }

    @Test
    void aRouteWithFounderTriageIsTriaged() {
        assertTrue(Triage.triaged(CONFIG, routedBy("vip")));
        assertFalse(Triage.triaged(CONFIG, routedBy("rest")));
        assertFalse(Triage.triaged(CONFIG, routedBy(null)), "not routed yet");
        assertFalse(Triage.triaged(CONFIG, routedBy("gone")), "a route the configuration no longer has");
        assertEquals(Optional.empty(), Triage.routeOf(CONFIG, routedBy("gone")));
    }

    @Test
    void onlyTheFoundersFirstStepIsTheTriageStep() {
        Feedback vip = routedBy("vip");
        assertTrue(Triage.isTriageStep(CONFIG, vip, asked(1, QmarkConfig.FOUNDER)));
        assertFalse(Triage.isTriageStep(CONFIG, vip, asked(2, QmarkConfig.FOUNDER)), "the founder asked later is not triage");
        assertFalse(Triage.isTriageStep(CONFIG, vip, asked(1, "delivery")));
        assertFalse(Triage.isTriageStep(CONFIG, routedBy("rest"), asked(1, QmarkConfig.FOUNDER)));
    }

    @Test
    void aTriageSendsItToTheOwnerTheRouterChose() {
        assertEquals("delivery", Triage.routeOwner(routedBy("vip")));
    }
}
