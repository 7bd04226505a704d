package dev.qmark.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who takes a question whose owner left the configuration: the route's owner, unless they were
 * asked about the item before (that would send it back down the chain), else the founder.
 */
class InChargeInsteadTest {

    static final Instant T0 = Instant.parse("2026-11-23T01:00:00Z");
    /** The example's routes, after Dana (delivery) left and her route went to Bora (billing). */
    static final QmarkConfig AFTER = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: billing, name: Bora, email: bora@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: late-delivery, match: { keywords: [late] }, owner: billing, answerWithin: PT4H }
              - { name: rest, owner: ops, answerWithin: PT24H }
            """, "after.yaml");

    final OrphanedQuestions orphans = new OrphanedQuestions(AFTER, null, null, null, null, null, null, null,
            java.time.Clock.fixed(T0, ZoneOffset.UTC));

    @Test
    void theRoutesOwnerNowWhenTheRouteStillExists() {
        FeedbackRecord record = record("late-delivery", "delivery", step(1, "delivery"));
        assertEquals("billing", orphans.inChargeInstead(record, "delivery").alias());
    }

    @Test
    void theFounderWhenTheRouteIsGoneAndItsOwnerToo() {
        FeedbackRecord record = record("vip", "delivery", step(1, "delivery"));
        assertEquals("founder", orphans.inChargeInstead(record, "delivery").alias());
    }

    @Test
    void theRoutersOwnerWhenOnlyTheRouteIsGone() {
        FeedbackRecord record = record("vip", "ops", step(1, "ops"), step(2, "gone"));
        assertEquals("founder", orphans.inChargeInstead(record, "gone").alias(), "ops was asked before: not back down");
        FeedbackRecord fresh = record("vip", "ops", step(1, "gone"));
        assertEquals("ops", orphans.inChargeInstead(fresh, "gone").alias());
    }

    @Test
    void neverBackDownTheChainToSomeoneAskedBefore() {
        // Bora (the route's owner) missed her deadline, it went up to Olga, and Olga has left since
        FeedbackRecord record = record("late-delivery", "billing", step(1, "billing"), step(2, "olga"));
        assertEquals("founder", orphans.inChargeInstead(record, "olga").alias());
    }

    private static Escalation step(int step, String owner) {
        return new Escalation("f1", step, owner, owner + "@example.com", EscalationStatus.OPEN, T0,
                T0.plus(Duration.ofHours(4)), null, null, null);
    }

    private static FeedbackRecord record(String route, String owner, Escalation... escalations) {
        Feedback feedback = new Feedback("f1", Channel.WEB, new Customer("Minsu", "minsu@example.org"), "late", "late",
                2, T0, FeedbackStatus.ASKED, new RouteDecision(route, owner, Duration.ofHours(4), T0.plus(Duration.ofHours(4)), T0));
        return new FeedbackRecord(feedback, List.of(escalations), List.of());
    }
}
