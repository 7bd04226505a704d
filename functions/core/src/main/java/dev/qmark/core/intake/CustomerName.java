package dev.qmark.core.intake;

import java.util.regex.Pattern;

/**
 * A customer's name as it may appear in a mail Qmark sends to the address they typed: the only
 * text of theirs in it. Anyone can type any address into the form, so the name is how a spammer
 * would put words (and links) into a mail from the company's sender: it is cut to a name's length,
 * and anything that reads as a link or an address (a scheme, "www.", a domain, an "@") is dropped,
 * with control characters and markup brackets.
 */
public final class CustomerName {

    /** Longer than any real name people type into a form, too short for a message. */
    public static final int MAX_CHARACTERS = 40;

    private static final Pattern LINKISH = Pattern.compile(
            "\\S*(?:://|www\\.|@|\\.[\\p{L}]{2,}\\b|\\.[\\p{L}]{2,}/)\\S*", Pattern.CASE_INSENSITIVE);
    private static final Pattern UNSAFE = Pattern.compile("[\\p{Cntrl}\\p{Cf}<>\\[\\](){}\"`\\\\|]");

    private CustomerName() {
    }

    /** The name fit to greet the customer with, or null when nothing of it is left. */
    public static String forMail(String name) {
        if (name == null) {
            return null;
        }
        String kept = UNSAFE.matcher(name).replaceAll(" ");
        kept = LINKISH.matcher(kept).replaceAll(" ");
        kept = kept.replaceAll("\\s+", " ").strip();
        if (kept.codePointCount(0, kept.length()) > MAX_CHARACTERS) {
            kept = kept.substring(0, kept.offsetByCodePoints(0, MAX_CHARACTERS)).strip();
        }
        // a name of only punctuation is no name
        return kept.codePoints().anyMatch(Character::isLetter) ? kept : null;
    }
}
