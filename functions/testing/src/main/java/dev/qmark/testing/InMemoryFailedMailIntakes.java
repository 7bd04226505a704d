package dev.qmark.testing;

import dev.qmark.core.ports.FailedMailIntakes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@link FailedMailIntakes} in memory, as SQS's on-failure destination behaves with a visibility
 * timeout of zero: a taken invocation not marked done is taken again at once, its count one higher;
 * done ones are gone. Each take hands out a new handle, as SQS's receipt handles are.
 */
public final class InMemoryFailedMailIntakes implements FailedMailIntakes {

    private static final class Entry {
        final String payload;
        int taken;
        String handle;

        Entry(String payload) {
            this.payload = payload;
        }
    }

    private final Map<String, Entry> waiting = new LinkedHashMap<>();

    /** Lambda's destination writes the record of an invocation that failed every attempt; the event it carries. */
    public synchronized void failed(String requestPayload) {
        waiting.put(UUID.randomUUID().toString(), new Entry(requestPayload));
    }

    @Override
    public synchronized List<Failed> take(int max) {
        List<Failed> taken = new ArrayList<>();
        for (Entry entry : waiting.values()) {
            if (taken.size() == max) {
                break;
            }
            entry.taken++;
            entry.handle = UUID.randomUUID().toString();
            taken.add(new Failed(entry.handle, entry.payload, entry.taken));
        }
        return taken;
    }

    @Override
    public synchronized void done(String handle) {
        waiting.values().removeIf(entry -> handle.equals(entry.handle));
    }

    /** How many are still waiting. */
    public synchronized int waiting() {
        return waiting.size();
    }
}
