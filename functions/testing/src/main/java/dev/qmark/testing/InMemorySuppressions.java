package dev.qmark.testing;

import dev.qmark.core.ports.Suppressions;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/** {@link Suppressions} in memory; as its DynamoDB adapter, addresses compare lower-cased and the first reason stays. */
public final class InMemorySuppressions implements Suppressions {

    private final Map<String, String> reasons = new ConcurrentHashMap<>();

    @Override
    public boolean suppressed(String address) {
        return reasons.containsKey(address.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public void suppress(String address, String reason, Instant at) {
        reasons.putIfAbsent(address.strip().toLowerCase(Locale.ROOT), reason);
    }

    @Override
    public Set<String> addresses() {
        return new TreeSet<>(reasons.keySet());
    }

    /** Why an address is suppressed, or null. */
    public String reason(String address) {
        return reasons.get(address.strip().toLowerCase(Locale.ROOT));
    }
}
