package dev.qmark.core.escalation;

import java.util.Locale;

/**
 * Where one "?" stands. ASKING: the mail is being sent (a claim, so a redelivered message never
 * sends twice); OPEN: asked, the clock runs; ANSWERED: the owner replied.
 */
public enum EscalationStatus {
    ASKING, OPEN, ANSWERED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EscalationStatus fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
