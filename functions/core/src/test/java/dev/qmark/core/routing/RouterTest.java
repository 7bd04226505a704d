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

    static Feedback feedback(Channel channel, String message, Integer rating) {
        return new Feedback("0123456789abcdef", channel, new Customer("Minsu", "minsu@example.org"), null, message,
                rating, NOW, FeedbackStatus.RECEIVED, null);
    }
}
