package dev.qmark.testing;

import static dev.qmark.testing.StoredInstants.stored;

import dev.qmark.core.ports.ReceivedMails;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link ReceivedMails} in memory, with {@code DynamoReceivedMails}'s conditions: a mail begins
 * only if it is new or still pending (a finished one is a redelivery: false), beginning again
 * keeps its first check and its attempts ({@code if_not_exists}), finishing is unconditional (so a
 * mail finished before it began is finished), and postponing needs it still on the unfinished list.
 */
public final class InMemoryReceivedMails implements ReceivedMails {

    private static final class Entry {
        Pending mail;
        boolean finished;
        Instant nextCheck;
        int attempts;
    }

    private final Map<String, Entry> mails = new HashMap<>();

    @Override
    public synchronized boolean begin(Pending mail, Instant firstCheck) {
        Entry e = mails.get(mail.mailId());
        // attribute_not_exists(pk) OR #status = :pending
        if (e != null && e.finished) {
            return false;
        }
        if (e == null) {
            e = new Entry();
            e.nextCheck = stored(firstCheck);
            mails.put(mail.mailId(), e);
        }
        // a quarantine reason is only ever added, as the adapter's SET is
        String quarantine = mail.quarantineReason() != null ? mail.quarantineReason()
                : e.mail == null ? null : e.mail.quarantineReason();
        e.mail = new Pending(mail.mailId(), mail.location(), List.copyOf(mail.recipients()), quarantine, mail.spfPass(),
                mail.dkimPass(), 0);
        return true;
    }

    @Override
    public synchronized void finish(String mailId, Instant at) {
        mails.computeIfAbsent(mailId, id -> new Entry()).finished = true;
    }

    @Override
    public synchronized List<Pending> due(Instant dueBy, int max) {
        return mails.values().stream()
                .filter(e -> !e.finished && e.mail != null && !e.nextCheck.isAfter(stored(dueBy)))
                .sorted(Comparator.comparing((Entry e) -> e.nextCheck))
                .limit(max)
                .map(e -> new Pending(e.mail.mailId(), e.mail.location(), e.mail.recipients(), e.mail.quarantineReason(),
                        e.mail.spfPass(), e.mail.dkimPass(), e.attempts))
                .toList();
    }

    @Override
    public synchronized boolean postpone(String mailId, Instant nextCheck, int attempts) {
        Entry e = mails.get(mailId);
        // deadlineShard = :shard: only while it is unfinished
        if (e == null || e.finished || e.mail == null) {
            return false;
        }
        e.nextCheck = stored(nextCheck);
        e.attempts = attempts;
        return true;
    }
}
