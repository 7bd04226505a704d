package dev.qmark.mail;

/**
 * One mailbox from an address header: the normalised address and the decoded display name.
 *
 * @param address     lower-cased {@code local@domain}, valid per {@link EmailAddress}
 * @param displayName the decoded display name, or null when there is none
 */
public record NamedAddress(String address, String displayName) {
}
