package dev.qmark.core.deadline;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A stretch of time [start, end) in which a zone keeps one UTC offset (between two DST changes).
 * Inside it, local time runs in step with real time, so a local range maps to exactly one instant
 * range of the same length; that is what lets the calendar count working time by local dates and
 * still count each DST-shortened or -lengthened day by its real length.
 *
 * @param start the first instant, or {@link Instant#MIN} when the zone never changed before
 * @param end   the first instant after, or {@link Instant#MAX} when the zone never changes again
 */
record SteadyOffset(ZoneOffset offset, Instant start, Instant end) {

    /** The stretch that contains {@code at}. */
    static SteadyOffset around(ZoneRules rules, Instant at) {
        // previousTransition is strictly before its argument; one nanosecond later makes it "at or before".
        ZoneOffsetTransition previous = rules.previousTransition(at.plusNanos(1));
        ZoneOffsetTransition next = rules.nextTransition(at);
        return new SteadyOffset(rules.getOffset(at),
                previous == null ? Instant.MIN : previous.getInstant(),
                next == null ? Instant.MAX : next.getInstant());
    }

    /** The instant a local date-time names under this stretch's offset (it may lie outside the stretch). */
    Instant instantOf(LocalDateTime local) {
        return local.toInstant(offset);
    }

    Instant startOf(LocalDate date) {
        return instantOf(date.atStartOfDay());
    }

    LocalDate dateOf(Instant at) {
        return LocalDateTime.ofInstant(at, offset).toLocalDate();
    }
}
