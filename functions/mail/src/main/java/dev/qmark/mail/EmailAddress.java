package dev.qmark.mail;

import java.net.IDN;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Validation and normalisation of a bare e-mail address ({@code local@domain.tld}), as a customer
 * types it into a form or as it arrives in a header.
 *
 * <p>Deliberately stricter than RFC 5322: no quoted local parts, no domain literals, no comments,
 * nothing that needs escaping. Those are legal but practically never real customers, and every one
 * of them is a way to smuggle syntax into a header or a log line. What passes here can be written
 * into a header as-is.
 */
public final class EmailAddress {

    /** RFC 5321: a path is at most 256 octets including the angle brackets. */
    static final int MAX_LENGTH = 254;
    /** RFC 5321: the local part is at most 64 octets. */
    static final int MAX_LOCAL_LENGTH = 64;
    private static final int MAX_LABEL_LENGTH = 63;

    private EmailAddress() {
    }

    /** True when {@code address} is a plain, deliverable-looking {@code local@domain.tld}. */
    public static boolean isValid(String address) {
        return tryNormalise(address).isPresent();
    }

    /**
     * The address in its canonical form: trimmed, lower-cased, the domain in ASCII (punycode).
     *
     * @throws IllegalArgumentException when it is not a valid address; the message does not repeat
     *                                  the input, which may be anything a customer typed
     */
    public static String normalise(String address) {
        return tryNormalise(address)
                .orElseThrow(() -> new IllegalArgumentException("not a valid e-mail address"));
    }

    /** The canonical form (see {@link #normalise}), or empty when the address is not valid. */
    public static Optional<String> tryNormalise(String address) {
        if (address == null) {
            return Optional.empty();
        }
        String trimmed = address.strip();
        // cheap length guard first: IDN conversion of a megabyte of text is pointless work
        if (trimmed.isEmpty() || trimmed.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int at = trimmed.lastIndexOf('@');
        if (at <= 0 || at == trimmed.length() - 1) {
            return Optional.empty();
        }
        String local = trimmed.substring(0, at);
        Optional<String> domain = asciiDomain(trimmed.substring(at + 1));
        if (!isDotAtom(local) || local.length() > MAX_LOCAL_LENGTH || domain.isEmpty()) {
            return Optional.empty();
        }
        String result = (local + "@" + domain.get()).toLowerCase(Locale.ROOT);
        return result.length() > MAX_LENGTH ? Optional.empty() : Optional.of(result);
    }

    /** RFC 5322 dot-atom with ASCII atext only: no leading, trailing or doubled dots. */
    private static boolean isDotAtom(String local) {
        return !local.startsWith(".") && !local.endsWith(".") && !local.contains("..")
                && local.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '.' || "!#$%&'*+/=?^_`{|}~-".indexOf(c) >= 0);
    }

    /**
     * The domain as ASCII host name with at least two labels and an alphabetic (or punycode) top
     * level. Unicode domains (e.g. a Korean IDN) are converted, because SES and most servers want
     * the ASCII form.
     */
    private static Optional<String> asciiDomain(String domain) {
        String ascii = domain;
        if (domain.chars().anyMatch(c -> c >= 128)) {
            try {
                ascii = IDN.toASCII(domain, 0);
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        if (ascii.endsWith(".")) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2 || !Stream.of(labels).allMatch(EmailAddress::isHostLabel)) {
            return Optional.empty();
        }
        String tld = labels[labels.length - 1];
        boolean alphabetic = tld.length() >= 2 && tld.chars().allMatch(c -> c < 128 && Character.isLetter(c));
        boolean punycode = tld.toLowerCase(Locale.ROOT).startsWith("xn--");
        return alphabetic || punycode ? Optional.of(ascii) : Optional.empty();
    }

    private static boolean isHostLabel(String label) {
        return !label.isEmpty() && label.length() <= MAX_LABEL_LENGTH && !label.startsWith("-") && !label.endsWith("-")
                && label.chars().allMatch(c -> isAsciiLetterOrDigit(c) || c == '-');
    }

    private static boolean isAsciiLetterOrDigit(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    }
}
