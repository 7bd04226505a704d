package dev.qmark.core.delivery;

import dev.qmark.mail.OutgoingMail;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a mail is about, carried by the mail itself as provider message tags (SES {@code EmailTags},
 * returned in every event as {@code mail.tags}: name → [values]), so that a delivery event finds its
 * item and escalation without a record per mail sent. Read from the headers every Qmark mail has:
 * {@code X-Qmark-Feedback} (the item), {@code X-Qmark-Escalation} ({@code <feedback id>-<step>}),
 * {@code X-Qmark-Notice} (a report or notice about no item).
 *
 * <p>SES allows tag names and values of ASCII letters, digits, {@code _} and {@code -}, at most 256
 * characters. Qmark's ids are all of that already; anything else is {@linkplain #encode encoded}
 * ({@code _} plus two hex digits per UTF-8 byte), and a value too long even so is left out: the mail
 * still goes, its events are then about no item.
 */
public final class MailTags {

    public static final String FEEDBACK = "qmark-feedback";
    public static final String STEP = "qmark-step";
    public static final String NOTICE = "qmark-notice";
    static final int MAX_LENGTH = 256;

    private MailTags() {
    }

    /** The item and escalation step a mail was about; step 0 for none, feedbackId null for none. */
    public record About(String feedbackId, int step) {
    }

    /** The tags to send {@code mail} with (name → value), in SES's alphabet. */
    public static Map<String, String> of(OutgoingMail mail) {
        Map<String, String> tags = new LinkedHashMap<>();
        put(tags, FEEDBACK, mail.headers().get("X-Qmark-Feedback"));
        int step = step(mail.headers().get("X-Qmark-Escalation"));
        if (step > 0) {
            tags.put(STEP, Integer.toString(step));
        }
        put(tags, NOTICE, mail.headers().get("X-Qmark-Notice"));
        return tags;
    }

    /**
     * What an event's tags say the mail was about; empty for a mail sent without them (before the
     * tags were sent, or about no item).
     */
    public static Optional<About> about(Map<String, List<String>> tags) {
        String feedbackId = first(tags, FEEDBACK).map(MailTags::decode).orElse(null);
        if (feedbackId == null || feedbackId.isEmpty()) {
            return Optional.empty();
        }
        int step = first(tags, STEP).map(s -> {
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                return 0;
            }
        }).orElse(0);
        return Optional.of(new About(feedbackId, Math.max(0, step)));
    }

    /** The notice a mail about no item was (digest, town-hall, ...), if its tags say. */
    public static Optional<String> notice(Map<String, List<String>> tags) {
        return first(tags, NOTICE).map(MailTags::decode);
    }

    /** {@code value} in SES's tag alphabet: letters, digits and {@code -} as they are, every other byte {@code _hh}. */
    static String encode(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-') {
                encoded.append(c);
            } else {
                encoded.append('_').append(Character.forDigit((b >> 4) & 0xf, 16)).append(Character.forDigit(b & 0xf, 16));
            }
        }
        return encoded.toString();
    }

    /** The reverse of {@link #encode}; a malformed escape is kept as it is. */
    static String decode(String value) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            int hi = i + 2 < value.length() ? Character.digit(value.charAt(i + 1), 16) : -1;
            int lo = i + 2 < value.length() ? Character.digit(value.charAt(i + 2), 16) : -1;
            if (c == '_' && hi >= 0 && lo >= 0) {
                bytes.write(hi * 16 + lo);
                i += 2;
            } else {
                bytes.write(c);
            }
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    /** "20261201ab12cd34-3" → 3: the escalation id is the feedback id and the step. */
    static int step(String escalationId) {
        if (escalationId == null) {
            return 0;
        }
        try {
            return Integer.parseInt(escalationId.substring(escalationId.lastIndexOf('-') + 1));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void put(Map<String, String> tags, String name, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        String encoded = encode(value);
        if (encoded.length() <= MAX_LENGTH) {
            tags.put(name, encoded);
        }
    }

    private static Optional<String> first(Map<String, List<String>> tags, String name) {
        List<String> values = tags.get(name);
        return values == null || values.isEmpty() || values.get(0) == null ? Optional.empty() : Optional.of(values.get(0));
    }
}
