package dev.qmark.core.text;

import java.util.Locale;

/**
 * How much of a text that arrived by mail a record keeps. DynamoDB holds at most 400 KB per item
 * (attribute names and values, counted in UTF-8 bytes), and a mail can be 40 MB: an answer, a
 * note or a subject is cut to a budget so that the write never fails and the answer is never lost.
 * What is cut ends with a marker that says so and how much was kept; the whole mail stays in S3
 * and the services say where on the item's timeline.
 *
 * <p>Budgets leave {@link #ITEM_HEADROOM_BYTES} of every item to everything else it carries (keys,
 * ids, addresses, times, claims and the bounded short texts), so that one long text per item fits
 * whatever else the item holds. Cuts fall between code points, never inside a surrogate pair.
 */
public final class StoredText {

    /** DynamoDB's limit on one item, names and values, in UTF-8 bytes (400 KB). */
    public static final int ITEM_BYTES = 400 * 1024;
    /** What an item keeps free for everything besides its one long text. */
    public static final int ITEM_HEADROOM_BYTES = 48 * 1024;
    /** An answer or a hand-on note: the rest of its escalation's item (360,448 bytes). */
    public static final int LONG_TEXT_BYTES = ITEM_BYTES - ITEM_HEADROOM_BYTES;
    /** A timeline event's detail (it may quote a customer's later mail of 10,000 characters). */
    public static final int DETAIL_BYTES = 40 * 1024;
    /** A review item's reason. */
    public static final int REASON_BYTES = 4 * 1024;
    /** One header's worth: a subject, a name, an address as written. */
    public static final int LINE_BYTES = 1024;
    /** No limit in characters: only bytes count. */
    public static final int ANY_LENGTH = Integer.MAX_VALUE;

    private StoredText() {
    }

    /**
     * What was kept of a text.
     *
     * @param text       the text to store: the original, or its first {@code keptChars} characters and the marker
     * @param cut        whether anything was cut
     * @param keptChars  characters (code points) of the original that were kept
     * @param totalChars characters (code points) of the original
     */
    public record Kept(String text, boolean cut, int keptChars, int totalChars) {

        /** "the first 120,000 of 1,048,576 characters", for timelines and notices. */
        public String howMuch() {
            return "the first " + number(keptChars) + " of " + number(totalChars) + " characters";
        }
    }

    /**
     * Keeps at most {@code maxChars} characters and {@code maxBytes} UTF-8 bytes of {@code text},
     * marker included. Null stays null.
     */
    public static Kept keep(String text, int maxChars, int maxBytes) {
        if (text == null) {
            return new Kept(null, false, 0, 0);
        }
        int total = text.codePointCount(0, text.length());
        if (total <= maxChars && utf8Length(text) <= maxBytes) {
            return new Kept(text, false, total, total);
        }
        // the marker's length depends on the digits of the count kept, never more than those of the total
        String longest = marker(total, total);
        int roomBytes = maxBytes - utf8Length(longest);
        int roomChars = maxChars == ANY_LENGTH ? ANY_LENGTH : maxChars - longest.codePointCount(0, longest.length());
        if (roomBytes < 0 || roomChars < 0) {
            throw new IllegalArgumentException("a budget of " + maxBytes + " bytes and " + maxChars
                    + " characters has no room for the cut marker");
        }
        int end = 0;
        int chars = 0;
        int bytes = 0;
        while (end < text.length()) {
            int codePoint = text.codePointAt(end);
            int size = utf8Length(codePoint);
            if (chars + 1 > roomChars || bytes + size > roomBytes) {
                break;
            }
            bytes += size;
            chars++;
            end += Character.charCount(codePoint);
        }
        return new Kept(text.substring(0, end) + marker(chars, total), true, chars, total);
    }

    /** Keeps at most {@code maxBytes} UTF-8 bytes. */
    public static Kept keepBytes(String text, int maxBytes) {
        return keep(text, ANY_LENGTH, maxBytes);
    }

    /** The text itself when it fits, else its cut form: for fields nobody is told about (subjects, reasons). */
    public static String bounded(String text, int maxBytes) {
        return keepBytes(text, maxBytes).text();
    }

    /** Bytes of a text in UTF-8, as DynamoDB counts them . */
    public static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            bytes += utf8Length(codePoint);
            i += Character.charCount(codePoint);
        }
        return bytes;
    }

    /** A lone surrogate counts 3 bytes: more than the '?' Java writes for it, so never too little. */
    private static int utf8Length(int codePoint) {
        return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
    }

    /** The end of a cut text: what it is and how much of the original it holds. */
    static String marker(int kept, int total) {
        return " […cut by Qmark: " + number(kept) + " of " + number(total) + " characters kept]";
    }

    private static String number(int n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
