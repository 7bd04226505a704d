package dev.qmark.core.customer;

import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.CustomerLetters.Letter;
import dev.qmark.core.ports.CustomerLetters.Rating;
import dev.qmark.core.ports.EscalationQueue;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.text.StoredText;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * A customer's rating of a mail relayed to them: the link (a signed token naming the letter) opens
 * a page, only the page's POST records (mail scanners follow links, they do not post forms). One
 * rating per letter, changeable for {@link #CHANGEABLE} after the letter, then closed. A rating at
 * or below {@code lowRating} asks the founder at once, a "?" on an item step of its own that the
 * founder can hand on like any other.
 */
public final class Ratings {

    public static final Duration CHANGEABLE = Duration.ofDays(14);
    public static final int MAX_COMMENT = 2000;
    /** The founder's deadline for a low rating when the item has no route: a day. */
    static final Duration FOUNDER_WITHIN = Duration.ofHours(24);

    private final QmarkConfig config;
    private final FeedbackRepository repository;
    private final CustomerLetters letters;
    private final EscalationQueue queue;
    private final ReplyTokens tokens;
    private final Clock clock;

    public Ratings(QmarkConfig config, FeedbackRepository repository, CustomerLetters letters, EscalationQueue queue,
                   ReplyTokens tokens, Clock clock) {
        this.config = config;
        this.repository = repository;
        this.letters = letters;
        this.queue = queue;
        this.tokens = tokens;
        this.clock = clock;
    }

    public enum State { OPEN, CLOSED, UNKNOWN }

    /**
     * What a rating page shows: nothing about the item beyond who wrote, so a leaked link says little.
     *
     * @param korean  the customer's language
     * @param score   the score given before, or null
     */
    public record View(State state, boolean korean, String writerName, Integer score, String comment) {
        static View unknown() {
            return new View(State.UNKNOWN, false, null, null, null);
        }
    }

    public View view(String token) {
        Optional<ReplyTokens.LetterRef> ref = tokens.verifyRating(token);
        if (ref.isEmpty()) {
            return View.unknown();
        }
        Optional<Letter> letter = letters.letter(ref.get().feedbackId(), ref.get().letterKey());
        Optional<Feedback> feedback = repository.find(ref.get().feedbackId());
        if (letter.isEmpty() || feedback.isEmpty()) {
            return View.unknown();
        }
        Optional<Rating> before = letters.rating(ref.get().feedbackId(), ref.get().letterKey());
        State state = clock.instant().isBefore(letter.get().at().plus(CHANGEABLE)) ? State.OPEN : State.CLOSED;
        return new View(state, CustomerLanguage.korean(feedback.get()), letter.get().writerName(),
                before.map(Rating::score).orElse(null), before.map(Rating::comment).orElse(""));
    }

    /** Records a rating (1-5, comment optional); answers what the page shows after. */
    public View rate(String token, int score, String comment) {
        View view = view(token);
        if (view.state() != State.OPEN) {
            return view;
        }
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("a rating is 1 to 5");
        }
        ReplyTokens.LetterRef ref = tokens.verifyRating(token).orElseThrow();
        String kept = comment == null ? "" : StoredText.keep(comment.strip(), MAX_COMMENT, StoredText.DETAIL_BYTES / 4).text();
        Instant now = clock.instant();
        letters.rate(new Rating(ref.feedbackId(), ref.letterKey(), score, kept, now), new TimelineEvent(now, "rated",
                "the customer rated " + view.writerName() + "'s mail " + score + " of 5"
                        + (kept.isBlank() ? "" : ": " + kept)));
        if (score <= config.customerLoop().lowRating()) {
            askFounder(ref, now);
        }
        return new View(State.OPEN, view.korean(), view.writerName(), score, kept);
    }

    /**
     * The founder's "?" for a low rating: a step taken once per letter (a rating changed from 1 to
     * 2 asks once), enqueued every time, so a lost enqueue is repaired by the next post; the
     * escalator sends each step once.
     */
    private void askFounder(ReplyTokens.LetterRef ref, Instant now) {
        FeedbackRecord record = repository.findRecord(ref.feedbackId()).orElseThrow();
        int next = record.escalations().stream().mapToInt(Escalation::step).max().orElse(0) + 1;
        int step = letters.founderStepFor(ref.feedbackId(), ref.letterKey(), next);
        Feedback feedback = record.feedback();
        Route route = feedback.route() == null ? null : config.route(feedback.route().route()).orElse(null);
        Duration within = feedback.route() == null ? FOUNDER_WITHIN : feedback.route().answerWithin();
        Instant due = config.calendarFor(route, QmarkConfig.FOUNDER).plusWorkingTime(now, within).truncatedTo(ChronoUnit.SECONDS);
        queue.enqueue(new EscalationRequest(ref.feedbackId(), step, QmarkConfig.FOUNDER, due, true));
    }
}
