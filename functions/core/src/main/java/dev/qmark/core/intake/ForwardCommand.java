package dev.qmark.core.intake;

import dev.qmark.mail.ForwardedMessage;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forward with "?" on top: the founder's practice. The first non-blank line of the mail is
 * {@code ?} (route by the rules) or {@code ? @alias} (that owner), and below it, after an optional
 * note, a message forwarded inline. Who may send one is the configuration's ({@code mayForward});
 * this only reads the text.
 *
 * @param alias     the owner named by {@code ? @alias}, or null for "by the rules"
 * @param forwarded the forwarded message, with the note between "?" and it
 */
public record ForwardCommand(String alias, ForwardedMessage forwarded) {

    private static final Pattern FIRST_LINE = Pattern.compile("^[?？](?:\\s+@([\\p{L}\\p{N}._-]+))?$");

    /** The command in a mail's text, if its first line is "?" and an inline forward follows. */
    public static Optional<ForwardCommand> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = text.replace("\r\n", "\n").replace('\r', '\n').stripLeading();
        int end = body.indexOf('\n');
        String first = (end < 0 ? body : body.substring(0, end)).strip();
        Matcher m = FIRST_LINE.matcher(first);
        if (!m.matches() || end < 0) {
            return Optional.empty();
        }
        return ForwardedMessage.find(body.substring(end + 1)).map(f -> new ForwardCommand(m.group(1), f));
    }
}
