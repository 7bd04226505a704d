package dev.qmark.testing;

import static dev.qmark.testing.StoredInstants.stored;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.ports.SweepList;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * {@link SweepList} over {@link InMemoryEscalations}, as {@code DynamoSweepList} reads the sparse
 * index: the due page is the "open" partition with its next check at or before now, soonest first;
 * a failed check is postponed only if nobody changed the escalation's sweep state since it was read
 * (still on the list, the same failures in a row, the same next check).
 */
public final class InMemorySweepList implements SweepList {

    private static final Comparator<Escalation> DUE_FIRST =
            Comparator.comparing(Escalation::dueAt, Comparator.nullsLast(Comparator.naturalOrder()));

    private final InMemoryEscalations escalations;

    public InMemorySweepList(InMemoryEscalations escalations) {
        this.escalations = escalations;
    }

    private List<EscalationEntry> shard(String shard) {
        List<EscalationEntry> found = new ArrayList<>();
        for (EscalationEntry e : escalations.entries()) {
            if (shard.equals(e.shard)) {
                found.add(e);
            }
        }
        return found;
    }

    @Override
    public DuePage dueEscalations(Instant now, int limit, String cursor) {
        synchronized (escalations) {
            List<EscalationEntry> due = shard(InMemoryEscalations.OPEN_SHARD).stream()
                    .filter(e -> e.nextCheckAt != null && !e.nextCheckAt.isAfter(stored(now)))
                    .sorted(Comparator.comparing((EscalationEntry e) -> e.nextCheckAt).thenComparing(EscalationEntry::id))
                    .toList();
            int from = 0;
            if (cursor != null) {
                from = due.stream().map(EscalationEntry::id).toList().indexOf(cursor) + 1;
            }
            List<EscalationEntry> page = due.subList(Math.min(from, due.size()), Math.min(due.size(), from + limit));
            // as DynamoDB: a page that stopped at its limit gives a cursor, even when nothing follows
            String next = page.size() == limit ? page.get(page.size() - 1).id() : null;
            return new DuePage(page.stream().map(EscalationEntry::view).toList(), next);
        }
    }

    @Override
    public boolean postponeCheck(Escalation seen, Instant nextCheckAt, String problem, Instant at, boolean stuck,
                                 TimelineEvent event) {
        synchronized (escalations) {
            EscalationEntry e = escalations.entry(seen.feedbackId(), seen.step());
            // not the status: the failed check may have changed it itself
            if (e == null || !InMemoryEscalations.OPEN_SHARD.equals(e.shard) || e.failures != seen.sweep().failures()
                    || (seen.sweep().nextCheckAt() != null
                            && !Objects.equals(e.nextCheckAt, stored(seen.sweep().nextCheckAt())))) {
                return false;
            }
            e.nextCheckAt = stored(nextCheckAt);
            e.failures = seen.sweep().failures() + 1;
            e.problem = problem == null ? "unknown" : problem;
            e.failedAt = stored(at);
            if (stuck) {
                e.shard = InMemoryEscalations.STUCK_SHARD;
                e.stuckAt = stored(at);
            }
            if (event != null) {
                escalations.recordEvent(seen.feedbackId(), event);
            }
            return true;
        }
    }

    @Override
    public List<Escalation> stuckEscalations(String owner, int limit) {
        synchronized (escalations) {
            return shard(InMemoryEscalations.STUCK_SHARD).stream().map(EscalationEntry::view)
                    .filter(e -> owner == null || owner.equals(e.owner())).sorted(DUE_FIRST).limit(limit).toList();
        }
    }

    @Override
    public List<Escalation> escalations(EscalationStatus status, String owner, Instant dueBefore, int limit) {
        List<String> shards = status == EscalationStatus.LATE ? List.of(InMemoryEscalations.LATE_SHARD)
                : status == EscalationStatus.OPEN ? List.of(InMemoryEscalations.OPEN_SHARD)
                : List.of(InMemoryEscalations.OPEN_SHARD, InMemoryEscalations.LATE_SHARD);
        synchronized (escalations) {
            return shards.stream().flatMap(s -> shard(s).stream()).map(EscalationEntry::view)
                    .filter(e -> status == null || e.status() == status)
                    .filter(e -> owner == null || owner.equals(e.owner()))
                    .filter(e -> dueBefore == null || e.dueAt() != null && e.dueAt().isBefore(dueBefore))
                    .sorted(DUE_FIRST).limit(limit).toList();
        }
    }
}
