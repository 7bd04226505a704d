package dev.qmark.testing;

import dev.qmark.core.ports.Metrics;

import dev.qmark.core.ports.FormAcknowledgements;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.customer.Ratings;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.FeedbackIntake;
import dev.qmark.core.intake.Submission;
import dev.qmark.core.ports.CustomerLetters.Letter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Ratings on the in-memory ports: a page shows, a post records, 14 days then closed, a low rating asks the founder once. */
class RatingsTest {

    private static final String KEY = "00000000000000aa";

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final InMemoryCustomerLetters letters = repository.customerLetters(); // the table's: its records bring them
    private final List<EscalationRequest> asked = new ArrayList<>();
    private final ReplyTokens tokens = new ReplyTokens("test-reply-token-secret-0123456789");
    private final Ratings ratings = new Ratings(RoutingServiceTest.CONFIG, repository, letters, asked::add, tokens, clock);
    private final String id = new FeedbackIntake(repository, feedbackId -> { }, FormAcknowledgements.NONE, Metrics.NONE, clock)
            .submit(new Submission("Minsu Kim", "minsu@example.com", "Order", "The parcel is late", 3, null), Channel.WEB)
            .feedbackId();
    private final String token = tokens.issueRating(id, KEY);

    RatingsTest() {
        letters.recordLetter(new Letter(id, KEY, 1, "dana@example.com", "Dana", clock.instant(), "It left today."),
                new TimelineEvent(clock.instant(), "written-to-customer", "Dana wrote"));
    }

    @Test
    void viewingRecordsNothingAndAPostRecords() {
        assertEquals(Ratings.State.OPEN, ratings.view(token).state());
        assertTrue(letters.rating(id, KEY).isEmpty());
        ratings.rate(token, 4, "Kind answer.");
        assertEquals(4, letters.rating(id, KEY).orElseThrow().score());
        assertEquals(List.of(), asked, "a good rating asks nobody");
    }

    @Test
    void aLowRatingAsksTheFounderOnOneStepHoweverOftenItChanges() {
        ratings.rate(token, 1, "Too slow.");
        ratings.rate(token, 2, "Still too slow.");
        assertEquals(2, asked.size(), "enqueued each time: the escalator sends the step once");
        assertEquals(asked.get(0), asked.get(1));
        assertEquals("founder", asked.get(0).owner());
        assertEquals(1, asked.get(0).step(), "the item had no escalation in this test: the next step is 1");
        assertTrue(asked.get(0).evenIfAnswered());
    }

    @Test
    void after14DaysItIsClosedAndBadTokensAreUnknown() {
        clock.advance(Ratings.CHANGEABLE.plus(Duration.ofMinutes(1)));
        assertEquals(Ratings.State.CLOSED, ratings.rate(token, 1, "").state());
        assertTrue(letters.rating(id, KEY).isEmpty());
        assertEquals(Ratings.State.UNKNOWN, ratings.view("not-a-token").state());
        // a forged last character: always a different one (a token may end in "a" itself)
        char last = token.charAt(token.length() - 1);
        assertEquals(Ratings.State.UNKNOWN,
                ratings.view(token.substring(0, token.length() - 1) + (last == 'a' ? 'b' : 'a')).state());
        assertEquals(Ratings.State.UNKNOWN, ratings.view(tokens.issueRating(id, "00000000000000bb")).state());
    }
}
