package dev.qmark.emulators;

import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SES's verified identities: addresses and domains a mail may be sent from. SES refuses a send
 * from anything else with MessageRejected ("Email address is not verified"); so does moto. Our
 * stand-in checks only when asked to ({@link #checked()}): the local system does, as a deployed
 * stack must have its sender verified; unit tests of single handlers send from any address, as
 * from an account where every identity they use is verified.
 */
final class SesIdentities {

    private final boolean checked;
    private final Set<String> identities = ConcurrentHashMap.newKeySet();

    private SesIdentities(boolean checked) {
        this.checked = checked;
    }

    /** Every sender passes. */
    static SesIdentities anySender() {
        return new SesIdentities(false);
    }

    /** Only senders whose address or domain was created (CreateEmailIdentity) pass. */
    static SesIdentities checked() {
        return new SesIdentities(true);
    }

    /** @return false when the identity was there already */
    boolean create(String identity) {
        return identities.add(identity.toLowerCase(Locale.ROOT));
    }

    static boolean isDomain(String identity) {
        return identity.indexOf('@') < 0;
    }

    /** Whether SES would let {@code address} send: itself or its domain verified. */
    boolean maySend(String address) {
        if (!checked) {
            return true;
        }
        String lower = address.toLowerCase(Locale.ROOT);
        return identities.contains(lower) || identities.contains(lower.substring(lower.lastIndexOf('@') + 1));
    }
}
