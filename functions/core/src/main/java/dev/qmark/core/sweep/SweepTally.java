package dev.qmark.core.sweep;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** What a sweep has done so far; becomes its {@link SweepReport}. Used by one sweep, one thread. */
final class SweepTally {

    final Instant at;
    int due;
    int done;
    int failed;
    int left;
    boolean more;
    final List<String> reminded = new ArrayList<>();
    final List<String> breached = new ArrayList<>();
    final List<String> escalated = new ArrayList<>();
    final List<String> toldLate = new ArrayList<>();
    final List<String> postponed = new ArrayList<>();
    final List<String> stuck = new ArrayList<>();
    final List<String> busy = new ArrayList<>();
    /** "id -> alias" for the report; the founder's notice reads {@link #orphans}. */
    final List<String> orphaned = new ArrayList<>();
    final List<OrphanedQuestions.Orphan> orphans = new ArrayList<>();

    SweepTally(Instant at) {
        this.at = at;
    }

    SweepReport report(int examined) {
        return new SweepReport(at, examined, new SweepReport.Figures(due, done, failed, postponed.size(), stuck.size(),
                busy.size(), left, more), List.copyOf(reminded), List.copyOf(breached), List.copyOf(escalated),
                List.copyOf(toldLate), List.copyOf(postponed), List.copyOf(stuck), List.copyOf(busy), List.copyOf(orphaned));
    }
}
