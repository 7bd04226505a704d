package dev.qmark.core.feedback;

import java.security.SecureRandom;

/**
 * New feedback ids: 16 characters of lower-case base32 (80 random bits). Short enough for a
 * mail subject and a reply address, too many to guess, and safe in any header or URL.
 */
public final class FeedbackIds {
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * The priming record's id ("priming", in the ids' alphabet): the feedback the sample events in
     * {@code events/} name, and SnapStart priming runs the real code paths against. A random id is
     * one of 2^80, so no real feedback ever has it. See design.md, "The priming record".
     */
    public static final String PRIMING = "pr1m1ng000000000";

    private FeedbackIds() {
    }

    public static String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        }
        return new String(id);
    }

    public static boolean isWellFormed(String value) {
        if (value == null || value.length() != 16) {
            return false;
        }
        for (char c : value.toCharArray()) {
            if (new String(ALPHABET).indexOf(c) < 0) {
                return false;
            }
        }
        return true;
    }
}
