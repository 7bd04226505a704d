package dev.qmark.core.intake;

import dev.qmark.mail.ForwardedMessage;
import dev.qmark.mail.InboundMail;
import dev.qmark.mail.NamedAddress;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forward with "?" on top: the founder's practice. The first non-blank line of the mail is
 * {@code ?} (route by the rules) or {@code ? @alias} (that owner), and below it, after an optional
 * note, a message forwarded inline, or attached as a message/rfc822 part ("forward as attachment").
 * Who may send one is the configuration's ({@code mayForward}); this only reads the mail.
 *
 * @param alias     the owner named by {@code ? @alias}, or null for "by the rules"
 * @param forwarded the forwarded message, with the note between "?" and it
 */
public record ForwardCommand(String alias, ForwardedMessage forwarded) {

    private static final Pattern FIRST_LINE = Pattern.compile("^[?？](?:\\s+@([\\p{L}\\p{N}._-]+))?$");

    /** The command in a mail: "?" on top and an inline forward below it, else an attached message. */
    public static Optional<ForwardCommand> parse(InboundMail mail) {
        Optional<ForwardCommand> inline = parse(mail.text());
        if (inline.isPresent() || mail.attached() == null || mail.attached().from() == null) {
            return inline;
        }
        return questionMark(mail.text()).map(top -> new ForwardCommand(top.alias, attached(top.below, mail.attached())));
    }

    /** The command in a mail's text, if its first line is "?" and an inline forward follows. */
    public static Optional<ForwardCommand> parse(String text) {
        return questionMark(text).flatMap(top -> ForwardedMessage.find(top.below).map(f -> new ForwardCommand(top.alias, f)));
    }

    /** The "?" line's alias (or null) and the text below it. */
    private record Top(String alias, String below) {
    }

    private static Optional<Top> questionMark(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String body = text.replace("\r\n", "\n").replace('\r', '\n').stripLeading();
        int end = body.indexOf('\n');
        Matcher m = FIRST_LINE.matcher((end < 0 ? body : body.substring(0, end)).strip());
        return m.matches() ? Optional.of(new Top(m.group(1), end < 0 ? "" : body.substring(end + 1))) : Optional.empty();
    }

    /** An attached message as a forward: the text under "?" is the note; sender, date, subject and words are its own. */
    private static ForwardedMessage attached(String note, InboundMail original) {
        String date = original.header("date");
        return new ForwardedMessage(note.strip(), new NamedAddress(original.from(), original.fromName()),
                date == null ? "" : date.strip(), original.subject(), original.text() == null ? "" : original.text().strip());
    }
}
