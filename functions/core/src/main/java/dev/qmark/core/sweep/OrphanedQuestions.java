package dev.qmark.core.sweep;

import dev.qmark.core.config.Owner;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.Route;
import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.asking.Escalator;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.core.asking.Triage;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.mail.OutgoingMail;
import dev.qmark.core.ports.Escalations;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.MailClaims;
import dev.qmark.core.ports.MailSender;
import dev.qmark.core.ports.Metrics;
import dev.qmark.core.ports.SentMailTexts;
import dev.qmark.core.ports.SweepList;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.sending.TryAgainLater;
import dev.qmark.core.text.Hashes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Questions a configuration change orphaned: open escalations whose owner is no longer in the
 * configuration (a person left, an alias was renamed). Nobody would ever answer them and their
 * manager is unknown now, so each goes on at once to the route's owner (when they exist and were
 * not asked about the item before), else to the founder, with a note on the "?" and the timeline;
 * the founder is told once per change what was orphaned.
 *
 * <p>Found two ways: all open escalations are looked at when a container (or the local system)
 * starts, since configuration changes only with a deploy; and each sweep adopts a due one it
 * meets. Every step is conditional: OPEN to ORPHANED once (the escalation stays on the sweeper's
 * list until the next person is asked, so a crash in between is finished by the next sweep), the
 * next "?" through the escalator's claim, the founder's notice through a claim named by the change.
 */
public final class OrphanedQuestions {

    /** Who is asked instead: by alias, for the report and the founder's notice. */
    record Orphan(String escalationId, String feedbackId, String title, String goneOwner, String goneEmail, String to) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(OrphanedQuestions.class);

    private final QmarkConfig config;
    private final FeedbackRepository feedbackItems;
    private final Escalations escalations;
    private final SweepList sweepList;
    private final SendOnce sendOnce;
    private final Escalator escalator;
    private final Clock clock;

    /** The "?" a re-ask sends is kept in {@code sentTexts} for the reply safety net, like every other. */
    public OrphanedQuestions(QmarkConfig config, FeedbackRepository feedbackItems, Escalations escalations, SweepList sweepList,
                             MailClaims claims, MailSender mail, ReplyTokens tokens, SentMailTexts sentTexts, Clock clock) {
        this.config = config;
        this.feedbackItems = feedbackItems;
        this.escalations = escalations;
        this.sweepList = sweepList;
        this.sendOnce = new SendOnce(claims, mail, clock);
        this.escalator = new Escalator(config, feedbackItems, escalations, claims, mail, tokens, sentTexts, null,
                Metrics.NONE, clock); // the sweeper counts what its report says it sent
        this.clock = clock;
    }

    /**
     * Looks at every open escalation (all of the sweeper's partition: bounded by what is open, not
     * by the table) and sends on those whose owner is gone; tells the founder once. For start-up.
     *
     * @return the escalations sent on, as "id -> alias"
     */
    public List<String> adoptAll() {
        SweepTally tally = new SweepTally(clock.instant());
        adoptAll(tally);
        tellFounder(tally);
        return List.copyOf(tally.orphaned);
    }

    void adoptAll(SweepTally tally) {
        for (Escalation escalation : sweepList.escalations(EscalationStatus.OPEN, null, null, Integer.MAX_VALUE)) {
            if (config.owner(escalation.owner()).isPresent()) {
                continue;
            }
            try {
                adopt(escalation, tally);
            } catch (RuntimeException e) {
                // the sweep meets it again when it is due, and postpones it there if it keeps failing
                LOG.warn("sending on orphaned " + escalation.id() + " failed; a sweep tries again", e);
            }
        }
    }

    /** OPEN with an owner who is gone: recorded as ORPHANED with whom it goes to, then asked. */
    void adopt(Escalation escalation, SweepTally tally) {
        Instant now = clock.instant();
        FeedbackRecord record = feedbackItems.findRecord(escalation.feedbackId())
                .orElseThrow(() -> new IllegalStateException("feedback " + escalation.feedbackId() + " is not stored"));
        Owner next = inChargeInstead(record, escalation.owner());
        Route route = Triage.routeOf(config, record.feedback()).orElse(null);
        Duration within = record.feedback().route() != null ? record.feedback().route().answerWithin()
                : Duration.between(escalation.askedAt(), escalation.dueAt());
        Instant due = config.calendarFor(route, next.alias()).plusWorkingTime(now, within).truncatedTo(ChronoUnit.SECONDS);
        String gone = escalation.owner() + " <" + escalation.ownerEmail() + ">";
        String note = gone + " was asked but is no longer in Qmark's configuration; the question goes to "
                + next.name() + " (" + next.alias() + ") instead.";
        HandOn handOn = new HandOn(next.alias(), escalation.step() + 1, due, now, "qmark", note, "orphaned");
        Orphan orphan = new Orphan(escalation.id(), escalation.feedbackId(), record.feedback().title(),
                escalation.owner(), escalation.ownerEmail(), next.alias());
        if (record.feedback().status() == FeedbackStatus.ANSWERED) {
            return;  // answered meanwhile: no clock runs any more
        }
        // listed even when a racing sweep records it first: whichever tells the founder lists it
        tally.orphans.add(orphan);
        if (escalations.recordOrphaned(escalation.feedbackId(), escalation.step(), escalation.owner(), handOn,
                new TimelineEvent(now, "orphaned", note))) {
            ask(escalation.feedbackId(), escalation.step(), handOn, tally);
        }
    }

    /** ORPHANED but still on the sweeper's list: the sweep that recorded it died before asking. */
    void finish(Escalation orphaned, SweepTally tally) {
        ask(orphaned.feedbackId(), orphaned.step(), orphaned.handedOn(), tally);
    }

    /** Asks the next person (once, by the escalator's claim); then the orphan leaves the sweeper's list. */
    private void ask(String feedbackId, int step, HandOn handOn, SweepTally tally) {
        Escalator.Outcome outcome = escalator.ask(new EscalationRequest(feedbackId, handOn.toStep(), handOn.to(),
                handOn.dueAt()));
        if (outcome == Escalator.Outcome.ASKED) {
            tally.orphaned.add(feedbackId + "-" + step + " -> " + handOn.to());
        }
        escalations.finishOrphaned(feedbackId, step);
    }

    /**
     * Who takes a question from an owner who is gone (whose manager is unknown now): the route's
     * owner, if they are in the configuration and were not asked about this item before (it would
     * go back down the chain), else the owner the router chose, on the same terms, else the founder.
     */
    Owner inChargeInstead(FeedbackRecord record, String goneOwner) {
        List<String> askedBefore = record.escalations().stream().map(Escalation::owner).toList();
        for (String candidate : new String[] {
                Triage.routeOf(config, record.feedback()).map(Route::owner).orElse(null),
                record.feedback().route() == null ? null : record.feedback().route().owner()}) {
            if (candidate != null && !candidate.equals(goneOwner) && !askedBefore.contains(candidate)
                    && config.owner(candidate).isPresent()) {
                return config.requireOwner(candidate);
            }
        }
        return config.founder();
    }

    /**
     * Tells the founder once what a configuration change orphaned: the notice is named by the
     * owners who are gone, so concurrent sweeps and later sweeps of the same change send it once.
     */
    void tellFounder(SweepTally tally) {
        if (tally.orphans.isEmpty()) {
            return;
        }
        TreeSet<String> gone = new TreeSet<>();
        tally.orphans.forEach(o -> gone.add(o.goneOwner()));
        String notice = "orphans-" + Hashes.sha256(String.join(",", gone)).substring(0, 32);
        try {
            sendOnce.send(new Notice.ToFounder(notice), () -> noticeMail(gone, tally.orphans), at -> null);
        } catch (TryAgainLater busy) {
            // a racing sweep of the same change is telling the founder right now
        } catch (RuntimeException e) {
            // the claim runs out and a later sweep of the same change tells the founder then
            LOG.warn("telling the founder about orphaned questions failed", e);
        }
    }

    private OutgoingMail noticeMail(TreeSet<String> gone, List<Orphan> orphans) {
        StringBuilder text = new StringBuilder();
        text.append("The configuration no longer has ").append(String.join(", ", gone)).append(", who ")
                .append(gone.size() == 1 ? "was" : "were").append(" asked about ").append(orphans.size())
                .append(orphans.size() == 1 ? " open question" : " open questions")
                .append(". Nobody would have answered them, so each went on at once:\n\n");
        for (Orphan orphan : orphans) {
            text.append("  - ").append(orphan.title()).append(" [").append(orphan.feedbackId()).append("]: was ")
                    .append(orphan.goneOwner()).append(" <").append(orphan.goneEmail()).append(">, now ")
                    .append(config.owner(orphan.to()).map(Owner::name).orElse(orphan.to())).append(" (")
                    .append(orphan.to()).append(")\n");
        }
        text.append("\nEach item's timeline says so too. If someone should take these questions instead, they can be"
                + " handed on by replying \"? @alias\" to the \"?\".\n");
        return new OutgoingMail(config.sender(), config.founder().name() + " (via Qmark)", List.of(config.founder().email()),
                List.of(), List.of(), "Configuration change: " + orphans.size()
                + (orphans.size() == 1 ? " open question" : " open questions") + " had no owner", text.toString(), null,
                Map.of("X-Qmark-Notice", "orphans"));
    }
}
