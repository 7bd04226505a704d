package dev.qmark.core.config;

/** Someone Qmark writes to by name: the founder, or the name and address of an owner. */
public record Person(String name, String email) {
}
