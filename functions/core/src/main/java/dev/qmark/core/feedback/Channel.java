package dev.qmark.core.feedback;

import java.util.Locale;

/** How feedback reached us. */
public enum Channel {
    WEB, EMAIL;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Channel fromWire(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
