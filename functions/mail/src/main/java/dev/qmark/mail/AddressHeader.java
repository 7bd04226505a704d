package dev.qmark.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Parses the value of an address header (From, To, Cc, Reply-To) into mailboxes:
 * {@code "Dana Kim" <Dana@Example.com>}, {@code =?UTF-8?B?6rmA64uk64KY?= <dana@x.kr>},
 * {@code dana@x.kr (Dana Kim)}, groups ({@code team: a@x.kr, b@x.kr;}) and lists of those.
 *
 * <p>Splitting happens on the raw value and encoded words are decoded per display name afterwards,
 * so a decoded name containing a comma or angle bracket cannot change the structure. Lenient
 * where senders are sloppy: an unquoted comma inside a name ({@code Kim, Dana <d@x.kr>}) is glued
 * back, because a piece without any {@code @} or {@code <} cannot be a mailbox on its own. Mailboxes whose
 * address is not valid per {@link EmailAddress} are left out rather than guessed.
 */
public final class AddressHeader {

    /** Header values are bounded by the parser; this guards direct callers too. */
    private static final int MAX_VALUE_LENGTH = 64 * 1024;

    private AddressHeader() {
    }

    /** Every valid mailbox in the header value, in order; empty for null or junk. */
    public static List<NamedAddress> parse(String headerValue) {
        List<NamedAddress> result = new ArrayList<>();
        if (headerValue == null) {
            return result;
        }
        String value = headerValue.length() > MAX_VALUE_LENGTH
                ? headerValue.substring(0, MAX_VALUE_LENGTH) : headerValue;
        String carried = "";
        for (String piece : splitMailboxes(value)) {
            String mailbox = carried.isEmpty() ? piece : carried + "," + piece;
            if (mailbox.indexOf('@') < 0 && mailbox.indexOf('<') < 0) {
                carried = mailbox; // a name with an unquoted comma: the address is in a later piece
                continue;
            }
            carried = "";
            parseMailbox(mailbox).ifPresent(result::add);
        }
        return result;
    }

    /** The first valid mailbox of the header value, e.g. the sender of a From header. */
    public static Optional<NamedAddress> parseFirst(String headerValue) {
        return parse(headerValue).stream().findFirst();
    }

    /**
     * Splits on commas (and group delimiters) outside quoted strings, comments and angle brackets.
     * A group's name ({@code team:}) and its closing {@code ;} are dropped.
     */
    private static List<String> splitMailboxes(String value) {
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        boolean angle = false;
        int comment = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' && (quoted || comment > 0) && i + 1 < value.length()) {
                current.append(c).append(value.charAt(++i));
                continue;
            }
            if (quoted) {
                quoted = c != '"';
            } else if (comment > 0) {
                comment += c == '(' ? 1 : c == ')' ? -1 : 0;
            } else if (c == '"') {
                quoted = true;
            } else if (c == '(') {
                comment = 1;
            } else if (c == '<') {
                angle = true;
            } else if (c == '>') {
                angle = false;
            } else if (!angle && (c == ',' || c == ';')) {
                pieces.add(current.toString());
                current.setLength(0);
                continue;
            } else if (!angle && c == ':' && current.indexOf("@") < 0) {
                current.setLength(0); // "team:" starts a group; its name is not a mailbox
                continue;
            }
            current.append(c);
        }
        pieces.add(current.toString());
        pieces.removeIf(String::isBlank);
        return pieces;
    }

    /**
     * One mailbox ({@code name <addr>}, {@code addr (comment)}, a bare address) read the way mail
     * clients display it (docs/mail.md, "Senders as clients show them"); the address itself is
     * never guessed: it must be valid as written.
     */
    private static Optional<NamedAddress> parseMailbox(String mailbox) {
        int open = lastIndexOutsideQuotes(mailbox, '<');
        if (open < 0) {
            open = mailbox.lastIndexOf('<'); // the quote was never closed: clients still show <...>
        }
        String address;
        String name;
        if (open >= 0) {
            int close = mailbox.indexOf('>', open);
            address = mailbox.substring(open + 1, close < 0 ? mailbox.length() : close);
            name = phrase(mailbox.substring(0, open));
            if (name.isEmpty() && close >= 0) {
                name = phrase(mailbox.substring(close + 1)); // "<m@x.kr> Minsu Kim"
            }
            int route = address.lastIndexOf(':'); // obsolete source route: <@relay:dana@x.kr>
            if (route >= 0) {
                address = address.substring(route + 1);
            }
        } else {
            StringBuilder commentText = new StringBuilder();
            address = withoutComments(mailbox, commentText);
            name = commentText.isEmpty() ? null : phrase(commentText.toString());
            Optional<NamedAddress> bare = mailbox(address, name);
            return bare.isPresent() ? bare : lastWordAddress(address, name);
        }
        return mailbox(address, name);
    }

    private static Optional<NamedAddress> mailbox(String address, String name) {
        String a = address.strip();
        if (a.endsWith(".") && a.indexOf('@') > 0) {
            a = a.substring(0, a.length() - 1); // "m@example.kr.": the same domain, written fully qualified
        }
        Optional<String> normalised = EmailAddress.tryNormalise(a);
        String shown = name == null ? null : withoutEnclosingSingleQuotes(name);
        return normalised.map(n -> new NamedAddress(n, shown == null || shown.isBlank() ? null : shown));
    }

    /** {@code "Kim, Minsu m@x.kr"} or {@code "Minsu Kim" m@x.kr}: the last word is the address. */
    private static Optional<NamedAddress> lastWordAddress(String text, String comment) {
        String s = text.strip();
        int space = Math.max(s.lastIndexOf(' '), s.lastIndexOf('\t'));
        if (space < 0 || s.substring(space + 1).indexOf('@') < 0 || s.substring(0, space).indexOf('@') >= 0) {
            return Optional.empty(); // "a@x.kr b@x.kr" is two addresses without a comma, not a name
        }
        String name = phrase(s.substring(0, space));
        return mailbox(s.substring(space + 1), name.isEmpty() ? comment : name);
    }

    /** Outlook shows {@code 'Minsu Kim'} when a sender's client quoted the name with apostrophes. */
    private static String withoutEnclosingSingleQuotes(String name) {
        String s = name.strip();
        return s.length() > 2 && s.startsWith("'") && s.endsWith("'") ? s.substring(1, s.length() - 1).strip() : s;
    }

    /** A display name: quotes and escapes removed, encoded words decoded, whitespace collapsed. */
    private static String phrase(String raw) {
        StringBuilder unquoted = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '\\' && i + 1 < raw.length()) {
                unquoted.append(raw.charAt(++i));
            } else if (c != '"') {
                unquoted.append(c);
            }
        }
        String decoded = EncodedWords.decode(unquoted.toString());
        return HeaderText.clean(decoded).replaceAll("\\s+", " ").strip();
    }

    private static int lastIndexOutsideQuotes(String s, char wanted) {
        boolean quoted = false;
        int found = -1;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && quoted) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (c == wanted && !quoted) {
                found = i;
            }
        }
        return found;
    }

    /** The text outside (nested) comments; the comments' text goes to {@code comments}. */
    private static String withoutComments(String s, StringBuilder comments) {
        StringBuilder outside = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                if (depth++ > 0) {
                    comments.append(c);
                }
            } else if (c == ')' && depth > 0) {
                if (--depth > 0) {
                    comments.append(c);
                }
            } else if (depth > 0) {
                comments.append(c);
            } else if (c != '"') {
                outside.append(c);
            }
        }
        return outside.toString();
    }
}
