package dev.qmark.mail;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads Message-ID, In-Reply-To and References values into bare ids (without angle brackets).
 *
 * <p>Ids are taken from {@code <...>}; text around them (comments, phrases that old clients put
 * into In-Reply-To) is ignored. A value without any angle brackets is read as whitespace or comma
 * separated ids, keeping only tokens with an {@code @}, which is what broken mailers send.
 */
final class MessageIds {

    /** A long thread has a few dozen references; far more is junk we need not keep. */
    static final int MAX_IDS = 200;
    private static final int MAX_ID_LENGTH = 998;

    private MessageIds() {
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        return all(value).stream().findFirst().orElse(null);
    }

    /** Every id in the value, in order. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) {
            return ids;
        }
        int open = value.indexOf('<');
        if (open < 0) {
            for (String token : value.split("[\\s,]+")) {
                if (token.indexOf('@') > 0 && ids.size() < MAX_IDS) {
                    addIfSane(ids, token);
                }
            }
            return ids;
        }
        while (open >= 0 && ids.size() < MAX_IDS) {
            int close = value.indexOf('>', open + 1);
            if (close < 0) {
                break;
            }
            int nestedOpen = value.lastIndexOf('<', close);
            addIfSane(ids, value.substring(nestedOpen + 1, close));
            open = value.indexOf('<', close + 1);
        }
        return ids;
    }

    private static void addIfSane(List<String> ids, String id) {
        String trimmed = id.strip();
        boolean printable = trimmed.chars().noneMatch(c -> c <= ' ' || c == 127);
        if (!trimmed.isEmpty() && trimmed.length() <= MAX_ID_LENGTH && printable) {
            ids.add(trimmed);
        }
    }
}
