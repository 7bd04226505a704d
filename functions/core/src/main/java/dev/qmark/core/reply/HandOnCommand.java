package dev.qmark.core.reply;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reply that hands the question on instead of answering it. Only the first line of the new
 * text (what {@link dev.qmark.mail.ReplyText} left above the quoted "?") counts:
 * <ul>
 *   <li>{@code ?} alone: to the route's owner (only a founder's triage step knows whom that is);</li>
 *   <li>{@code ? @alias}: to that owner ({@code @founder} for the founder);</li>
 *   <li>{@code ? someone@company}: to the owner (or founder) with that address.</li>
 * </ul>
 * Whatever follows the target on its line, and every line below, is the note for the next
 * person. Full-width {@code ？} and {@code ＠} (Korean and Japanese input methods) count too, and
 * so does the {@code <mailto:...>} Outlook adds after an address it turned into a link. A first
 * line that merely starts with a question mark ("? what do you mean") is not a command.
 *
 * @param target how the next person is named
 * @param name   the alias or address as written, lower-cased; null for {@link Target#ROUTE_OWNER}
 * @param note   what the person handing on wrote for the next one, "" when nothing
 */
public record HandOnCommand(Target target, String name, String note) {

    public enum Target { ROUTE_OWNER, ALIAS, ADDRESS }

    private static final Pattern BARE = Pattern.compile("[?？]");
    private static final Pattern ALIAS = Pattern.compile("[?？]\\s*[@＠]\\s*([\\p{Alnum}][\\p{Alnum}_.-]*)(.*)",
            Pattern.UNICODE_CHARACTER_CLASS);
    private static final Pattern ADDRESS = Pattern.compile(
            "[?？]\\s*<?(?:mailto:)?([^\\s<>@,;]+@[^\\s<>@,;]+)>?(?:\\s*<mailto:[^>]*>)?((?:[\\s,;:].*)?)",
            Pattern.CASE_INSENSITIVE);

    public HandOnCommand {
        note = note == null ? "" : note.strip();
    }

    /** The command in the new text of a reply, if its first line is one. */
    public static Optional<HandOnCommand> parse(String newText) {
        if (newText == null) {
            return Optional.empty();
        }
        String text = newText.replace("\r\n", "\n").replace('\r', '\n').strip();
        int end = text.indexOf('\n');
        String first = (end < 0 ? text : text.substring(0, end)).strip();
        String below = end < 0 ? "" : text.substring(end + 1);
        if (BARE.matcher(first).matches()) {
            return Optional.of(new HandOnCommand(Target.ROUTE_OWNER, null, below));
        }
        Matcher alias = ALIAS.matcher(first);
        if (alias.matches()) {
            String written = alias.group(1).replaceFirst("[.]+$", "");
            return Optional.of(new HandOnCommand(Target.ALIAS, written.toLowerCase(Locale.ROOT),
                    note(alias.group(2), below)));
        }
        Matcher address = ADDRESS.matcher(first);
        if (address.matches()) {
            String written = address.group(1).replaceFirst("[.:!]+$", "");
            return Optional.of(new HandOnCommand(Target.ADDRESS, written.toLowerCase(Locale.ROOT),
                    note(address.group(2), below)));
        }
        return Optional.empty();
    }

    /** How the command read: "? @ops", "? olivia@example.com", "?". */
    public String written() {
        return switch (target) {
            case ROUTE_OWNER -> "?";
            case ALIAS -> "? @" + name;
            case ADDRESS -> "? " + name;
        };
    }

    private static String note(String restOfLine, String below) {
        String rest = restOfLine.strip().replaceFirst("^[,;:.!]+", "").strip();
        return rest.isEmpty() ? below : rest + "\n" + below;
    }
}
