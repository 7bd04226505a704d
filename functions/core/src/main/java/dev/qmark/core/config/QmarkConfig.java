package dev.qmark.core.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole configuration: who owns what, how fast, and where mail comes and goes.
 * Built and validated by {@link ConfigLoader}; once built it is consistent (every alias
 * resolves, manager chains end at the founder, the last route takes everything).
 */
public record QmarkConfig(String inboundDomain, String sender, Owner founder,
                          Map<String, Owner> owners, List<Route> routes) {

    /** The manager alias that means "the founder": the top of every chain. */
    public static final String FOUNDER = "founder";

    public QmarkConfig {
        owners = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(owners));
        routes = List.copyOf(routes);
    }

    /** An owner by alias; {@link #FOUNDER} is the founder (whose manager is null). */
    public Optional<Owner> owner(String alias) {
        return FOUNDER.equals(alias) ? Optional.of(founder) : Optional.ofNullable(owners.get(alias));
    }

    /** The owner behind an alias. @throws IllegalArgumentException for an alias nobody has */
    public Owner requireOwner(String alias) {
        return owner(alias).orElseThrow(() -> new IllegalArgumentException("unknown owner: " + alias));
    }

    /** The owner (or founder) who may answer from this address, if any. */
    public Optional<Owner> ownerByAddress(String address) {
        if (founder.answersFrom(address)) {
            return Optional.of(founder);
        }
        return owners.values().stream().filter(o -> o.answersFrom(address)).findFirst();
    }

    /** The aliases above this one, nearest first, ending with {@link #FOUNDER}. */
    public List<String> chainAbove(String alias) {
        List<String> chain = new ArrayList<>();
        String current = alias;
        while (!FOUNDER.equals(current)) {
            current = owners.get(current).manager();
            chain.add(current);
        }
        return chain;
    }

    public String replyAddress(String token) {
        return "answer+" + token + "@" + inboundDomain;
    }
}
