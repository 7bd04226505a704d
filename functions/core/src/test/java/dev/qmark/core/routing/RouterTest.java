package dev.qmark.core.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RouterTest {

    static final QmarkConfig CONFIG = ConfigLoader.parse("""
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: unhappy, match: { maxRating: 1 }, owner: founder, answerWithin: PT1H }
              - { name: web-late, match: { keywords: [late, "배송"], channels: [web] }, owner: delivery, answerWithin: PT4H }
              - { name: rest, owner: ops, answerWithin: PT24H }
            """, "test");
    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    @Test
    void firstMatchWinsAndSetsTheDeadline() {
        RouteDecision decision = new Router(CONFIG).decide(feedback(Channel.WEB, "Parcel is late", 3), NOW);
        assertEquals("web-late", decision.route());
        assertEquals("delivery", decision.owner());
        assertEquals(Instant.parse("2026-11-23T14:00:00Z"), decision.dueAt());
    }

    @Test
    void ratingBeatsKeywordsWhenItComesFirst() {
        assertEquals("unhappy", new Router(CONFIG).decide(feedback(Channel.WEB, "late again", 1), NOW).route());
    }

    @Test
    void channelMustMatch() {
        assertEquals("rest", new Router(CONFIG).decide(feedback(Channel.EMAIL, "late", null), NOW).route());
    }

    @Test
    void latinKeywordsMatchWholeWordsOthersAnywhere() {
        assertTrue(Router.mentions("it is late.", "late"));
        assertTrue(Router.mentions("late", "late"));
        assertFalse(Router.mentions("i like chocolate", "late"));
        assertFalse(Router.mentions("it was latest", "late"));
        assertTrue(Router.mentions("배송이 늦어요", "배송"));
        assertEquals("web-late", new Router(CONFIG).decide(feedback(Channel.WEB, "택배 배송이 늦어요", null), NOW).route());
        assertEquals("rest", new Router(CONFIG).decide(feedback(Channel.WEB, "I love the chocolate", 5), NOW).route());
    }

    @Test
    void aTriagedRouteAsksTheFounderFirstWithTheRoutesAnswerTimeInTheFoundersCalendar() {
        QmarkConfig config = ConfigLoader.parse("""
                inboundDomain: feedback.example.com
                sender: qmark@example.com
                founder: { name: Jeff, email: jeff@example.com, calendar: seoul }
                calendars:
                  seoul: { timeZone: Asia/Seoul, hours: { mon-fri: ["09:00-18:00"] } }
                owners:
                  - { alias: billing, name: Bora, email: bora@example.com }
                routes:
                  - { name: refunds, match: { keywords: [refund] }, owner: billing, answerWithin: PT2H, triage: founder }
                  - { name: rest, owner: billing, answerWithin: PT24H }
                """, "test");
        Router router = new Router(config);
        // Monday 19:00 in Seoul: the founder's two working hours run from Tuesday 09:00
        RouteDecision decision = router.decide(feedback(Channel.WEB, "I want a refund", 1), NOW);
        assertEquals("refunds", decision.route());
        assertEquals("billing", decision.owner(), "the route's owner stays the item's owner");
        assertEquals("founder", router.firstAsked(decision));
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"), decision.dueAt());
        RouteDecision plain = router.decide(feedback(Channel.WEB, "hello", 5), NOW);
        assertEquals("billing", router.firstAsked(plain));
        assertEquals(NOW.plusSeconds(24 * 3600), plain.dueAt());
    }

    @Test
    void aForwardToAnAliasGoesToThatOwnerWithoutTriageInTheirCalendar() {
        QmarkConfig config = ConfigLoader.parse("""
                inboundDomain: feedback.example.com
                sender: qmark@example.com
                founder: { name: Jeff, email: jeff@example.com }
                calendars:
                  seoul: { timeZone: Asia/Seoul, hours: { mon-fri: ["09:00-18:00"] } }
                owners:
                  - { alias: billing, name: Bora, email: bora@example.com, calendar: seoul }
                  - { alias: ops, name: Olivia, email: olivia@example.com }
                routes:
                  - { name: refunds, match: { keywords: [refund] }, owner: ops, answerWithin: PT2H, triage: founder }
                  - { name: rest, owner: ops, answerWithin: PT24H }
                """, "test");
        Router router = new Router(config);
        // "? @billing" on a refund: Bora, not the founder first; the refunds route's 2 hours in Bora's calendar
        RouteDecision decision = router.decideFor(feedback(Channel.EMAIL, "I want a refund", null), "billing", NOW);
        assertEquals("? @billing", decision.route());
        assertEquals("billing", decision.owner());
        assertEquals("billing", router.firstAsked(decision));
        assertEquals(Instant.parse("2026-11-24T02:00:00Z"), decision.dueAt(), "Monday 19:00 in Seoul: Tuesday 09:00 + 2h");
    }

    @Test
    void theDeadlineCountsFromArrivalNotFromRouting() {
        // a burst held the item in the queue for 90 seconds before the router saw it
        RouteDecision decision = new Router(CONFIG).decide(feedback(Channel.WEB, "Parcel is late", 3), NOW.plusSeconds(90));
        assertEquals(Instant.parse("2026-11-23T14:00:00Z"), decision.dueAt(), "four hours from arrival");
        assertEquals(NOW.plusSeconds(90), decision.decidedAt(), "the decision itself is dated when it was made");
    }

    static Feedback feedback(Channel channel, String message, Integer rating) {
        return new Feedback("0123456789abcdef", channel, new Customer("Minsu", "minsu@example.org"), null, message,
                rating, NOW, FeedbackStatus.RECEIVED, null);
    }
}
