package dev.qmark.testing;

import dev.qmark.core.ports.RawMailStore;
import java.util.HashMap;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * {@link RawMailStore} in memory: a test puts a mail's raw MIME where SES would have, and a read
 * of a location nothing was put at fails, as S3's GetObject does (NoSuchKey).
 */
public final class InMemoryRawMailStore implements RawMailStore {

    private final Map<String, byte[]> mails = new HashMap<>();

    /** Puts {@code raw} at {@code location} (an {@code s3://bucket/key} as mail-intake is handed). */
    public synchronized void put(String location, byte[] raw) {
        mails.put(location, raw.clone());
    }

    @Override
    public synchronized byte[] read(String location) {
        byte[] raw = mails.get(location);
        if (raw == null) {
            throw new NoSuchElementException("no mail at " + location);
        }
        return raw.clone();
    }
}
