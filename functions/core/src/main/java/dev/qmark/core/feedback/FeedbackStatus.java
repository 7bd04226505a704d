package dev.qmark.core.feedback;

import java.util.Locale;

/** Where a feedback item stands: stored, routed to an owner, asked ("?" sent), answered. */
public enum FeedbackStatus {
    RECEIVED, ROUTED, ASKED, ANSWERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
