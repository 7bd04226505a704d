package dev.qmark.local.pages;

import dev.qmark.core.text.Html;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The links in a mail, so that a person trying the loop by hand can follow them (a rating link, a
 * page the mail points to). Only {@code http} and {@code https}: a {@code javascript:} or
 * {@code data:} link in a mail is never made clickable here.
 */
final class MailLinks {

    /** A URL in text: up to white space or a character that cannot be in one unescaped. */
    private static final Pattern IN_TEXT = Pattern.compile("https?://[^\\s<>\"'`]+", Pattern.CASE_INSENSITIVE);
    private static final Pattern HREF = Pattern.compile("href\\s*=\\s*([\"'])(https?://[^\"']+)\\1",
            Pattern.CASE_INSENSITIVE);
    /** Punctuation that ends a sentence more often than a URL. */
    private static final String TRAILING = ".,;:!?)]}>";

    private MailLinks() {
    }

    /** Every http(s) link of the text part and the HTML part's hrefs, first seen first, once each. */
    static List<String> of(String text, String html) {
        Set<String> links = new LinkedHashSet<>();
        if (text != null) {
            Matcher m = IN_TEXT.matcher(text);
            while (m.find()) {
                links.add(trim(m.group()));
            }
        }
        if (html != null) {
            Matcher m = HREF.matcher(html);
            while (m.find()) {
                links.add(m.group(2).replace("&amp;", "&"));
            }
        }
        return List.copyOf(links);
    }

    /** The text escaped for HTML, each http(s) URL in it a link that opens in a new tab without a referrer. */
    static String linkify(String text) {
        StringBuilder out = new StringBuilder(text.length() + 64);
        Matcher m = IN_TEXT.matcher(text);
        int last = 0;
        while (m.find()) {
            String url = trim(m.group());
            out.append(Html.escape(text.substring(last, m.start())));
            out.append(anchor(url, url));
            last = m.start() + url.length();
        }
        out.append(Html.escape(text.substring(last)));
        return out.toString();
    }

    static String anchor(String url, String label) {
        return "<a href=\"" + Html.escape(url) + "\" target=\"_blank\" rel=\"noopener noreferrer\">" + Html.escape(label)
                + "</a>";
    }

    private static String trim(String url) {
        int end = url.length();
        while (end > 0 && TRAILING.indexOf(url.charAt(end - 1)) >= 0) {
            end--;
        }
        return url.substring(0, end);
    }
}
