package dev.qmark.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A message forwarded inline, as mail clients lay it out: the forwarder's note, a marker line,
 * a block of the original's headers, the original's words. Covered: Gmail ("---------- Forwarded
 * message ---------", "전달된 메일", "転送されたメッセージ"), Apple Mail ("Begin forwarded message:"
 * and its Korean and Japanese forms, a blank line between its headers), Outlook (an underscore rule
 * or nothing, then "From:/Sent:/To:/Subject:"), Naver and Daum ("-----Original Message-----" with
 * "From:/To:/Sent:/Subject:", or "보낸사람/받는사람/날짜/제목"), with header labels in English, Korean and Japanese.
 *
 * @param note    what the forwarder wrote above the forwarded message, trimmed ("" when nothing)
 * @param from    the original sender, as their client showed them
 * @param date    the original's date as the forward wrote it (clients localise it: it is not parsed here)
 * @param subject the original's subject ("" when the block has none)
 * @param body    the original's words
 */
public record ForwardedMessage(String note, NamedAddress from, String date, String subject, String body) {

    /** "From: ...", "*From:* ...", "보낸 사람: ...", "差出人：..." */
    private static final Pattern HEADER = Pattern.compile("^\\*{0,2}([^:：*]{1,20}?)\\*{0,2}\\s?[:：]\\*{0,2}\\s*(.*)$");

    private enum Field { FROM, DATE, SUBJECT, OTHER }

    private static final Map<String, Field> LABELS = labels();

    /** The forwarded message in {@code text} (a mail's body, the "?" line already taken off), if there is one. */
    public static Optional<ForwardedMessage> find(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        List<String> lines = List.of(MimeParser.lineEnds(text).replace('\u00A0', ' ').split("\n", -1));
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            boolean marker = QuoteMarkers.isSeparator(line); // the same markers a reply is cut at
            if (!marker && field(line) != Field.FROM) {
                continue;
            }
            Optional<ForwardedMessage> found = headerBlock(lines, marker ? i + 1 : i, note(lines, i));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    /** The header block from {@code start} (blank lines before and inside it allowed, as Apple Mail writes them). */
    private static Optional<ForwardedMessage> headerBlock(List<String> lines, int start, String note) {
        String from = null;
        String date = "";
        String subject = "";
        int i = start;
        while (i < lines.size() && lines.get(i).isBlank()) {
            i++;
        }
        int headers = 0;
        for (; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                if (from != null && headers > 1 && !nextIsHeader(lines, i)) {
                    break; // the blank line between the block and the words
                }
                continue;
            }
            Field field = field(line);
            if (field == null) {
                break;
            }
            headers++;
            String value = value(line);
            switch (field) {
                case FROM -> from = from == null ? value : from;
                case DATE -> date = date.isEmpty() ? value : date;
                case SUBJECT -> subject = subject.isEmpty() ? value : subject;
                case OTHER -> { }
            }
        }
        if (from == null || headers < 2) {
            return Optional.empty();
        }
        Optional<NamedAddress> sender = AddressHeader.parseFirst(from.replace("*", "").replace("mailto:", ""));
        if (sender.isEmpty()) {
            return Optional.empty();
        }
        String body = String.join("\n", lines.subList(Math.min(i, lines.size()), lines.size())).strip();
        return Optional.of(new ForwardedMessage(note, sender.get(), date, subject, body));
    }

    private static boolean nextIsHeader(List<String> lines, int blank) {
        for (int j = blank + 1; j < lines.size(); j++) {
            if (!lines.get(j).isBlank()) {
                return field(lines.get(j).strip()) != null;
            }
        }
        return false;
    }

    /** The forwarder's note: every line above the marker, trimmed. */
    private static String note(List<String> lines, int marker) {
        return String.join("\n", lines.subList(0, marker)).strip();
    }

    /** The header field a line names, or null when it is no header line of a forward. */
    private static Field field(String line) {
        Matcher m = HEADER.matcher(line);
        return m.matches() ? LABELS.get(m.group(1).strip().toLowerCase(Locale.ROOT)) : null;
    }

    private static String value(String line) {
        Matcher m = HEADER.matcher(line);
        return m.matches() ? m.group(2).replace("**", "").strip() : "";
    }

    private static Map<String, Field> labels() {
        Map<String, Field> labels = new HashMap<>();
        List.of("from", "보낸 사람", "보낸사람", "발신", "발신자", "보낸이", "差出人", "送信者", "送信元")
                .forEach(s -> labels.put(s, Field.FROM));
        List.of("date", "sent", "보낸 날짜", "보낸날짜", "날짜", "送信日時", "日付", "日時").forEach(s -> labels.put(s, Field.DATE));
        List.of("subject", "제목", "件名").forEach(s -> labels.put(s, Field.SUBJECT));
        List.of("to", "cc", "bcc", "reply-to", "받는 사람", "받는사람", "수신", "수신자", "참조", "宛先", "返信先")
                .forEach(s -> labels.put(s, Field.OTHER));
        return Map.copyOf(labels);
    }
}
