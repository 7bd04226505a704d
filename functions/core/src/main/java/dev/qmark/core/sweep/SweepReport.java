package dev.qmark.core.sweep;

import java.time.Instant;
import java.util.List;

/**
 * What one sweep did: the figures first (what an operator or an alarm reads), then the
 * escalation ids behind them (what /_local/sweep shows a person).
 *
 * @param examined  escalations read from the deadline index (all were due for a check)
 * @param figures   the counts: due, done, failed (postponed + stuck + lost to a racing sweep), busy, left
 * @param reminded  reminders sent
 * @param breached  deadlines found passed (marked late)
 * @param escalated "?" mails sent one step up the chain, as "id -> alias"
 * @param toldLate  late notices sent to the people who missed their deadline
 * @param postponed checks that failed, moved later with backoff (the reason is on the escalation)
 * @param stuck     checks that failed {@code sweeper.stuckAfterFailures} times: set aside, see GET /escalations?status=stuck
 * @param busy      held by another sweep at the same moment: left to it
 * @param orphaned  questions whose owner left the configuration, sent on as "id -> alias"
 */
public record SweepReport(Instant at, int examined, Figures figures, List<String> reminded, List<String> breached,
                          List<String> escalated, List<String> toldLate, List<String> postponed, List<String> stuck,
                          List<String> busy, List<String> orphaned) {

    /**
     * @param due       due escalations read
     * @param done      checked to the end (whatever that meant: a reminder, a breach, nothing yet)
     * @param failed    checks that threw
     * @param postponed failed checks given a later retry
     * @param stuck     failed checks set aside for good
     * @param busy      skipped: another sweep held them
     * @param left      read but not checked: the sweep ran out of time (the next sweep starts with them)
     * @param more      the index had more due items than this sweep read (out of time too)
     */
    public record Figures(int due, int done, int failed, int postponed, int stuck, int busy, int left, boolean more) {
    }

    /** "due=140 done=20 failed=120 ...": the sweep's log line. */
    public String logLine() {
        return "sweep at " + at + ": due=" + figures.due() + " done=" + figures.done() + " failed=" + figures.failed()
                + " postponed=" + figures.postponed() + " stuck=" + figures.stuck() + " busy=" + figures.busy()
                + " left=" + figures.left() + " more=" + figures.more() + " reminded=" + reminded.size()
                + " breached=" + breached.size() + " escalated=" + escalated.size() + " toldLate=" + toldLate.size()
                + " orphaned=" + orphaned.size();
    }
}
