package dev.qmark.core.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Qmark's own addresses: every address at the inbound domain (or a subdomain of it) and the
 * sender Qmark mails from. Mail to them comes straight back in through SES receiving, so Qmark
 * never sends there, and mail from them is never treated as a person's: either would let Qmark
 * mail itself in a loop.
 */
public final class OwnAddresses {

    private final String inboundDomain;
    private final String sender;

    public OwnAddresses(String inboundDomain, String sender) {
        this.inboundDomain = lower(inboundDomain);
        this.sender = lower(sender);
    }

    /** Why an address is one of Qmark's own, or empty when it is somebody else's. */
    public Optional<String> why(String address) {
        String a = lower(address);
        if (a == null || a.isEmpty()) {
            return Optional.empty();
        }
        if (a.equals(sender)) {
            return Optional.of("Qmark's own sender address");
        }
        String domain = a.substring(a.lastIndexOf('@') + 1);
        if (inboundDomain != null && (domain.equals(inboundDomain) || domain.endsWith("." + inboundDomain))) {
            return Optional.of("an address at Qmark's own inbound domain " + inboundDomain);
        }
        return Optional.empty();
    }

    /**
     * Refuses a mail to any of Qmark's own addresses (To or Cc; a Reply-To at the inbound domain is
     * how answers come back and is fine). The whole mail is refused, not just the address: a
     * recipient of ours means a bug or a configuration gap, and a loud failure finds it.
     */
    public void check(OutgoingMail mail) {
        List<String> recipients = new ArrayList<>(mail.to());
        recipients.addAll(mail.cc());
        for (String recipient : recipients) {
            Optional<String> why = why(recipient);
            if (why.isPresent()) {
                throw new Refused("refused to send to " + recipient.toLowerCase(Locale.ROOT) + ": it is " + why.get()
                        + ", and Qmark would mail itself");
            }
        }
    }

    /** A mail Qmark must not send. */
    public static final class Refused extends IllegalArgumentException {
        public Refused(String message) {
            super(message);
        }
    }

    private static String lower(String value) {
        return value == null ? null : value.strip().toLowerCase(Locale.ROOT);
    }
}
