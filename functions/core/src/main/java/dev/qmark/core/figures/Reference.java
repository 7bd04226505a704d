package dev.qmark.core.figures;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference of an item in the founder's reports: {@code Q-} and its id, as the customer's
 * acknowledgement shows it ({@code [Q-…]}), so one reference names an item everywhere.
 */
public final class Reference {

    private static final Pattern PATTERN = Pattern.compile("\\[?Q-([0-9a-z]{16})]?", Pattern.CASE_INSENSITIVE);

    private Reference() {
    }

    public static String of(String itemId) {
        return "Q-" + itemId;
    }

    /** The item id a reference such as {@code Q-0123456789abcdef} (or {@code [Q-…]}) names. */
    public static Optional<String> itemId(String reference) {
        Matcher m = PATTERN.matcher(reference.strip());
        return m.matches() ? Optional.of(m.group(1).toLowerCase(Locale.ROOT)) : Optional.empty();
    }
}
