package dev.qmark.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.config.ReportsConfigReader;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.figures.FactsOfChange;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.figures.TopicTagger;
import dev.qmark.core.reports.DailyDigest;
import dev.qmark.core.reports.DigestReader;
import dev.qmark.core.reports.FiguresKeeper;
import dev.qmark.core.reports.Stats;
import dev.qmark.core.sending.SendOnce;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Facts from state changes, counted once into the daily figures, and the digest that reads them. */
class FiguresAndDigestTest {

    static final String YAML = """
            inboundDomain: feedback.example.com
            sender: qmark@example.com
            founder: { name: Jeff, email: jeff@example.com, timeZone: Asia/Seoul }
            owners:
              - { alias: delivery, name: Dana, email: dana@example.com, manager: ops }
              - { alias: ops, name: Olivia, email: olivia@example.com }
            routes:
              - { name: late-delivery, match: { keywords: [late] }, owner: delivery, answerWithin: PT4H }
              - { name: rest, owner: ops, answerWithin: PT4H }
            digest: { at: "08:30" }
            topics:
              - { name: delivery, keywords: [delivery, 배송] }
            """;
    static final QmarkConfig CONFIG = ConfigLoader.parse(YAML, "test");
    static final ReportsConfig REPORTS = ReportsConfigReader.parse(YAML, "test");

    private final SettableClock clock = new SettableClock(Instant.parse("2026-11-23T01:00:00Z")); // 10:00 in Seoul
    private final InMemoryDailyFigures figures = new InMemoryDailyFigures();
    private final InMemoryFeedbackRepository repository = new InMemoryFeedbackRepository();
    private final InMemoryCustomerLetters letters = repository.customerLetters(); // the table's: its records bring them
    private final Feedback item = new Feedback("0123456789abcdef", Channel.WEB, new Customer("Minsu", "minsu@example.org"),
            "Late again", "배송이 또 늦어요", 1, clock.instant(), FeedbackStatus.ROUTED,
            new RouteDecision("late-delivery", "delivery", Duration.ofHours(4), clock.instant().plusSeconds(14_400), clock.instant()));
    private final FiguresKeeper keeper = new FiguresKeeper(new FactsOfChange(CONFIG, new TopicTagger(REPORTS.topics())), figures,
            id -> Optional.of(item));

    private Escalation step(int step, String owner, EscalationStatus status, Instant answeredAt, Instant breachedAt, HandOn handOn) {
        Instant asked = item.receivedAt().plusSeconds(60);
        return new Escalation(item.id(), step, owner, owner + "@example.com", status, asked, asked.plusSeconds(14_400),
                answeredAt, answeredAt == null ? null : "Sorry, it ships today.", null, List.of(), 0, breachedAt, handOn, null);
    }

    @Test
    void aChangeThatStartsNoFactReadsNoItem() {
        List<String> reads = new java.util.ArrayList<>();
        FiguresKeeper counting = new FiguresKeeper(new FactsOfChange(CONFIG, new TopicTagger(REPORTS.topics())), figures,
                id -> {
                    reads.add(id);
                    return Optional.of(item);
                });
        Instant due = item.receivedAt().plusSeconds(14_400);
        // the escalator's claim: a new escalation still being asked, no askedAt yet
        Escalation asking = new Escalation(item.id(), 1, "delivery", "delivery@example.com", EscalationStatus.ASKING, null,
                due, null, null, null, List.of(), 0, null, null, null);
        Escalation open = step(1, "delivery", EscalationStatus.OPEN, null, null, null);
        Escalation reminded = new Escalation(item.id(), 1, "delivery", "delivery@example.com", EscalationStatus.OPEN,
                open.askedAt(), due, null, null, null, List.of(), 1, null, null, null);
        assertTrue(counting.factsOfEscalation(item.id(), null, asking).isEmpty());
        assertTrue(counting.factsOfEscalation(item.id(), open, reminded).isEmpty());
        assertEquals(List.of(), reads, "nothing to count: the item is not read");
        assertEquals(1, counting.factsOfEscalation(item.id(), asking, open).size());
        assertEquals(List.of(item.id()), reads);
    }

    @Test
    void theFirstAskOfAnItemReadBeforeItsRouteIsGroupedUnderTheRouteItsClaimKept() {
        // the escalation's OPEN comes before the item's ASKED, which records the route: a read between sees none
        Feedback unrouted = new Feedback(item.id(), item.channel(), item.customer(), item.subject(), item.message(),
                item.rating(), item.receivedAt(), FeedbackStatus.RECEIVED, null);
        List<String> routedReads = new java.util.ArrayList<>();
        List<String> storedReads = new java.util.ArrayList<>();
        FiguresKeeper counting = new FiguresKeeper(new FactsOfChange(CONFIG, new TopicTagger(REPORTS.topics())), figures,
                id -> {
                    routedReads.add(id);
                    return Optional.of(item);
                }, id -> {
                    storedReads.add(id);
                    return Optional.of(unrouted);
                });
        Escalation open = step(1, "delivery", EscalationStatus.OPEN, null, null, null);
        List<dev.qmark.core.figures.Fact> facts = counting.factsOfEscalation(item.id(), null, open, "late-delivery");
        assertEquals(1, facts.size());
        assertTrue(facts.get(0).groups().contains("route#late-delivery"), facts.get(0).groups().toString());
        assertTrue(facts.get(0).groups().contains("owner#delivery"));
        assertEquals(List.of(item.id()), storedReads, "read once, the route not waited for");
        assertEquals(List.of(), routedReads);
        // an escalation that names no route (claimed before this change) reads the item for its route, as before
        assertEquals(1, counting.factsOfEscalation(item.id(), null, open).size());
        assertEquals(List.of(item.id()), routedReads);
        assertTrue(counting.factsOfEscalation(item.id(), open, open, "late-delivery").isEmpty());
    }

    @Test
    void theItemsAskThatRecordsItsRouteCountsItAsReceived() {
        Feedback received = new Feedback(item.id(), item.channel(), item.customer(), item.subject(), item.message(), item.rating(),
                item.receivedAt(), FeedbackStatus.RECEIVED, null);
        Feedback asked = item.withStatus(FeedbackStatus.ASKED);
        assertEquals(2, keeper.itemChanged(received, asked), "received and rated, on RECEIVED -> ASKED with the route");
        assertEquals(0, keeper.itemChanged(received, asked), "the stream record again");
        assertEquals(0, keeper.itemChanged(asked, asked.withStatus(FeedbackStatus.ANSWERED)), "its route was known");
    }

    @Test
    void eachTransitionCountsOnceHoweverOftenItIsSeen() {
        Feedback received = new Feedback(item.id(), item.channel(), item.customer(), item.subject(), item.message(), item.rating(),
                item.receivedAt(), FeedbackStatus.RECEIVED, null);
        assertEquals(2, keeper.itemChanged(received, item));   // received and rated
        assertEquals(0, keeper.itemChanged(received, item));   // the stream record again
        Escalation asking = step(1, "delivery", EscalationStatus.ASKING, null, null, null);
        Escalation open = step(1, "delivery", EscalationStatus.OPEN, null, null, null);
        Escalation late = step(1, "delivery", EscalationStatus.LATE, null, item.receivedAt().plusSeconds(14_460 + 600), null);
        Escalation answered = step(2, "ops", EscalationStatus.ANSWERED, item.receivedAt().plusSeconds(5 * 3600), null, null);
        assertEquals(1, keeper.escalationChanged(item.id(), null, open));
        assertEquals(0, keeper.escalationChanged(item.id(), asking, open));
        assertEquals(1, keeper.escalationChanged(item.id(), open, late));
        assertEquals(1, keeper.escalationChanged(item.id(), step(2, "ops", EscalationStatus.OPEN, null, null, null), answered));
        assertEquals(0, keeper.escalationChanged(item.id(), step(2, "ops", EscalationStatus.OPEN, null, null, null), answered));

        LocalDate day = LocalDate.parse("2026-11-23");
        Map<String, Tally> routes = new Stats(figures).totals(day, day, "route");
        assertEquals(1, routes.get("late-delivery").received());
        assertEquals(1, routes.get("late-delivery").lowRatings());
        Map<String, Tally> owners = new Stats(figures).totals(day, day, "owner");
        assertEquals(1, owners.get("delivery").breaches());
        assertEquals(1, owners.get("ops").answered());
        assertEquals(300L, owners.get("ops").maxMinutes());
        assertEquals(1, new Stats(figures).totals(day, day, "topic").get("delivery").received());
    }

    @Test
    void theDigestIsSentOnceADayAfterItsTimeWithTheDayBeforesFigures() {
        keeper.itemChanged(null, item);
        keeper.escalationChanged(item.id(), null, step(1, "delivery", EscalationStatus.ANSWERED,
                item.receivedAt().plusSeconds(3000), null, null));
        RecordingMailSender mail = new RecordingMailSender();
        DailyDigest digest = new DailyDigest(CONFIG, REPORTS, new DigestReader(figures, repository.sweepList(), id -> Optional.of(item), letters),
                new SendOnce(repository.mailClaims(), mail, clock), clock);
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-23T23:00:00Z")));          // 08:00 on the 24th in Seoul: not yet
        assertEquals("not-yet", digest.run(false).result());
        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-23T23:31:00Z")));          // 08:31
        DailyDigest.Outcome sent = digest.run(false);
        assertEquals("sent", sent.result());
        assertEquals(LocalDate.parse("2026-11-23"), sent.day());
        assertTrue(sent.text().contains("Came in: 1"), sent.text());
        assertTrue(sent.text().contains("Q-0123456789abcdef  ★  Minsu: Late again"), sent.text());
        assertTrue(sent.text().contains("\"배송이 또 늦어요\""), sent.text());
        assertTrue(sent.text().contains("delivery in 50m"), sent.text());
        assertEquals("sent-before", digest.run(false).result());
        assertEquals(1, mail.sent().size());
        assertEquals(List.of("digest@feedback.example.com"), mail.sent().get(0).replyTo());
        assertTrue(mail.sent().get(0).html().contains("<table"));

        clock.advance(Duration.between(clock.instant(), Instant.parse("2026-11-24T23:31:00Z")));          // the next day: nothing happened on the 24th
        DailyDigest.Outcome quiet = digest.run(false);
        assertTrue(quiet.text().startsWith("A quiet day"), quiet.text());
        assertEquals(1, quiet.text().strip().lines().count());
    }

    @Test
    void aLettersSatisfactionRatingCountsOnceAndAChangeReplacesIt() {
        LocalDate day = LocalDate.parse("2026-11-23");
        String letter = "9f86d081884c7d65";
        CustomerLetters.Rating low = new CustomerLetters.Rating(item.id(), letter, 1, "Still no parcel. Nobody reads this.",
                item.receivedAt().plusSeconds(7200));
        assertEquals(1, keeper.ratingChanged(item.id(), letter, null, low));
        assertEquals(0, keeper.ratingChanged(item.id(), letter, null, low));               // the stream record again
        CustomerLetters.Rating withFounderStep = low;                                        // founderStep noted: same rating
        assertEquals(0, keeper.ratingChanged(item.id(), letter, low, withFounderStep));
        Tally owner = new Stats(figures).totals(day, day, "owner").get("delivery");
        assertEquals(1, owner.ratings());
        assertEquals(1, owner.lowRatings());
        assertEquals("Still no parcel. Nobody reads this.", figures.ratings(day, 1, 10).get(0).words());
        assertEquals("Minsu", figures.ratings(day, 1, 10).get(0).who());

        // changed the next day within the 14 days: the 4 replaces the 1, on the day it was given
        CustomerLetters.Rating better = new CustomerLetters.Rating(item.id(), letter, 4, "Arrived, thanks.",
                item.receivedAt().plus(Duration.ofDays(1)));
        assertEquals(1, keeper.ratingChanged(item.id(), letter, low, better));
        assertEquals(0, keeper.ratingChanged(item.id(), letter, null, low));                // a stale record replayed
        assertEquals(0, keeper.ratingChanged(item.id(), letter, low, better));
        Tally first = new Stats(figures).totals(day, day, "all").get("all");
        assertEquals(0, first.ratings());
        assertEquals(0, first.lowRatings());
        assertTrue(figures.ratings(day, 1, 10).isEmpty());
        Tally next = new Stats(figures).totals(day.plusDays(1), day.plusDays(1), "all").get("all");
        assertEquals(1, next.ratings());
        assertEquals(4, next.ratingSum());
        Tally both = new Stats(figures).totals(day, day.plusDays(1), "owner").get("delivery");
        assertEquals(1, both.ratings());

        // the digest of a day with a low satisfaction rating shows it in the customer's words
        Feedback unrated = new Feedback(item.id(), item.channel(), item.customer(), item.subject(), item.message(), null,
                item.receivedAt(), item.status(), item.route());
        FiguresKeeper unratedKeeper = new FiguresKeeper(new FactsOfChange(CONFIG, new TopicTagger(REPORTS.topics())), figures,
                id -> Optional.of(unrated));
        CustomerLetters.Rating other = new CustomerLetters.Rating(item.id(), "0000000000000001", 2, "Rude answer.",
                item.receivedAt().plusSeconds(600));
        assertEquals(1, unratedKeeper.ratingChanged(item.id(), other.letterKey(), null, other));
        clock.advance(Duration.ofDays(1));
        DailyDigest.Outcome sent = new DailyDigest(CONFIG, REPORTS, new DigestReader(figures, repository.sweepList(),
                id -> Optional.of(item), letters), new SendOnce(repository.mailClaims(), new RecordingMailSender(), clock), clock).run(true);
        assertTrue(sent.text().contains("\"Rude answer.\""), sent.text());
        assertTrue(!sent.text().contains("Nobody reads this"), sent.text());
    }

    @Test
    void theDigestNamesItemsAnsweredInternallyWhoseCustomerWasNeverWrittenTo() {
        Feedback other = new Feedback("fedcba9876543210", item.channel(), new Customer("Jisoo", "jisoo@example.org"),
                "Refund please", "환불해 주세요", null, item.receivedAt(), FeedbackStatus.ROUTED, item.route());
        FiguresKeeper both = new FiguresKeeper(new FactsOfChange(CONFIG, new TopicTagger(REPORTS.topics())), figures,
                id -> Optional.of(id.equals(other.id()) ? other : item));
        both.escalationChanged(item.id(), null, step(1, "delivery", EscalationStatus.ANSWERED,
                item.receivedAt().plusSeconds(3000), null, null));
        Escalation otherAnswered = new Escalation(other.id(), 1, "ops", "ops@example.com", EscalationStatus.ANSWERED,
                other.receivedAt(), other.receivedAt().plusSeconds(14_400), other.receivedAt().plusSeconds(600), "Refunded.",
                null, List.of(), 0, null, null, null);
        both.escalationChanged(other.id(), null, otherAnswered);
        // Olivia wrote to the customer about the refund; nobody wrote to Minsu about the late delivery
        letters.recordLetter(new CustomerLetters.Letter(other.id(), "00000000000000aa", 1, "olivia@example.com", "Olivia",
                other.receivedAt().plusSeconds(700), "Your refund is on its way."),
                new dev.qmark.core.feedback.TimelineEvent(other.receivedAt().plusSeconds(700), "written-to-customer", "Olivia"));

        clock.advance(Duration.ofDays(1));
        DigestReader reader = new DigestReader(figures, repository.sweepList(), id -> Optional.of(item), letters);
        var content = reader.read(LocalDate.parse("2026-11-23"), clock.instant());
        assertEquals(2, content.answers().size());
        assertEquals(List.of(item.id()), content.notWrittenTo().stream().map(f -> f.itemId()).toList());
        DailyDigest.Outcome sent = new DailyDigest(CONFIG, REPORTS, reader,
                new SendOnce(repository.mailClaims(), new RecordingMailSender(), clock), clock).run(true);
        String section = sent.text().substring(sent.text().indexOf("Answered internally, customer never written to"));
        assertTrue(section.contains("Q-01234567"), sent.text());
        assertTrue(!section.contains("Q-fedcba98"), sent.text());
    }

    @Test
    void inKoreanWhenTheFounderReadsKorean() {
        keeper.itemChanged(null, item);
        ReportsConfig korean = ReportsConfigReader.parse(YAML + "language: ko\n", "test");
        clock.advance(Duration.ofDays(1));   // the digest tells of the day before
        DailyDigest.Outcome sent = new DailyDigest(CONFIG, korean, new DigestReader(figures, repository.sweepList(), id -> Optional.of(item), letters),
                new SendOnce(repository.mailClaims(), new RecordingMailSender(), clock), clock).run(true);
        assertTrue(sent.subject().startsWith("Qmark 일일 요약"), sent.subject());
        assertTrue(sent.text().contains("낮은 평점 (1-2점), 고객의 말 그대로 (1)"), sent.text());
        assertTrue(sent.text().contains("접수: 1"), sent.text());
    }
}
