package dev.qmark.core.sweep;

import java.time.Instant;
import java.util.List;

/**
 * What one sweep did, by escalation id: the figures a person (or /_local/sweep) reads.
 *
 * @param examined   escalations read from the deadline index (all were due for a check)
 * @param reminded   reminders sent
 * @param breached   deadlines found passed (marked late)
 * @param escalated  "?" mails sent one step up the chain, as "id -> alias"
 * @param toldLate   late notices sent to the people who missed their deadline
 * @param postponed  left for the next sweep (another sweep holds them, or something failed)
 */
public record SweepReport(Instant at, int examined, List<String> reminded, List<String> breached,
                          List<String> escalated, List<String> toldLate, List<String> postponed) {
}
