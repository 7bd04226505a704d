package dev.qmark.core.feedback;

/** Who wrote: a display name (may be blank for mail without one) and a lower-cased address. */
public record Customer(String name, String email) {
}
