package dev.qmark.core.feedback;

import java.util.Locale;

/**
 * Where a feedback item stands: stored, asked ("?" sent; its route recorded with it), answered. ROUTED
 * (routed, not asked yet) is what the router wrote before the route rode on the first "?": items a stack
 * kept from then still have it, are listed by it and asked from it.
 */
public enum FeedbackStatus {
    RECEIVED, ROUTED, ASKED, ANSWERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static FeedbackStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
