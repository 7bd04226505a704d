package dev.qmark.core.escalation;

import java.util.Locale;

/**
 * Where one "?" stands.
 * <ul>
 *   <li>ASKING: the mail is being sent (a claim, so a redelivered message never sends twice);</li>
 *   <li>OPEN: asked, the clock runs (reminders, then the deadline);</li>
 *   <li>LATE: the deadline passed unanswered; the question went one step up the chain;</li>
 *   <li>ANSWERED / ANSWERED_LATE: the item got its answer before / after this escalation's deadline;</li>
 *   <li>HANDED_ON: the person asked passed the question to someone else;</li>
 *   <li>ORPHANED: the person asked is no longer in the configuration; the question went to the
 *       route's owner (the founder at worst).</li>
 *   <li>UNDELIVERABLE: a mail to the person asked bounced hard or was rejected; the question went on
 *       at once to their deputy, else up the chain.</li>
 *   <li>AWAY: the person asked answered with an out-of-office reply; the question went on at once to
 *       their deputy, else their manager, and they are asked again when back if still nobody answered.</li>
 * </ul>
 */
public enum EscalationStatus {
    ASKING, OPEN, LATE, ANSWERED, ANSWERED_LATE, HANDED_ON, ORPHANED, UNDELIVERABLE, AWAY;

    /** "answered-late": how the status reads in the API and in the table. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    public static EscalationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT).replace('-', '_'));
    }

    /** Whether a clock still runs for it (the sweeper looks at it). */
    public boolean clockRuns() {
        return this == OPEN;
    }

    public boolean answered() {
        return this == ANSWERED || this == ANSWERED_LATE;
    }
}
