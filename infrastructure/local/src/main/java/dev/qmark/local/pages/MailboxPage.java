package dev.qmark.local.pages;

import dev.qmark.core.text.Html;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code GET /_local/mail}: every mail the local system "sent", newest first, each one opened with a
 * {@code <details>} and answered with a form that posts to {@code /_local/mail/reply}
 * ({@code messageId}, {@code from}, {@code text}). No script; the HTML part is shown in a sandboxed frame.
 *
 * <p>Every address that got mail is a mailbox ({@code ?mailbox=address}): the staff's (the
 * configuration's people) and the customers' alike, so the whole loop can be played by hand —
 * read the acknowledgement as the customer, answer it as the customer, follow its links (listed
 * under each mail, http and https only, opened in a new tab).
 */
public final class MailboxPage {

    public static final String PATH = "/_local/mail";
    public static final String REPLY_PATH = "/_local/mail/reply";

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** Script-free; frames only from srcdoc, forms only to this server. */
    private static final String CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
            + "frame-src 'self'; form-action 'self'; base-uri 'none'";

    private static final String CSS = """
            :root{--bg:#f4f5f7;--card:#fff;--text:#1d2127;--muted:#5d6571;--line:#d8dce2;--accent:#1f5f50;\
            --accent-hover:#164a3e;--accent-soft:#e5efeb;--ring:#2b7a66;--code:#f6f7f9;color-scheme:light dark}
            @media (prefers-color-scheme:dark){:root{--bg:#15181c;--card:#1e2227;--text:#e8eaed;--muted:#a4acb7;\
            --line:#363d46;--accent:#5fb39c;--accent-hover:#79c7b1;--accent-soft:#1f3530;--ring:#7fd0b9;\
            --code:#171a1e}}
            *,*::before,*::after{box-sizing:border-box}
            body{margin:0;background:var(--bg);color:var(--text);font:15px/1.5 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR",sans-serif;overflow-wrap:break-word}
            .wrap{max-width:980px;margin:0 auto;padding:20px 16px 48px}
            header{display:flex;align-items:center;gap:12px;flex-wrap:wrap;margin-bottom:16px}
            .logo{color:var(--accent);flex:none}
            h1{font-size:1.25rem;margin:0}
            .count{color:var(--muted)}
            .refresh{margin-left:auto;color:var(--accent);font-weight:600;text-decoration:none;padding:6px 14px;\
            border:1px solid var(--line);border-radius:8px;background:var(--card)}
            .refresh:hover{border-color:var(--accent)}
            :focus-visible{outline:3px solid var(--ring);outline-offset:2px}
            .notice{background:var(--accent-soft);color:var(--accent-hover);border:1px solid var(--accent);\
            border-radius:10px;padding:10px 14px;margin:0 0 16px;font-weight:600}
            .empty{background:var(--card);border:1px dashed var(--line);border-radius:12px;padding:40px 20px;\
            text-align:center;color:var(--muted)}
            .empty strong{display:block;color:var(--text);font-size:1.0625rem;margin-bottom:4px}
            .mails{list-style:none;margin:0;padding:0}
            .mail{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:0 0 10px}
            .mail[open]{box-shadow:0 4px 16px rgba(16,24,40,.08)}
            summary{display:grid;grid-template-columns:1fr auto;gap:2px 16px;padding:12px 16px 12px 36px;\
            cursor:pointer;list-style:none;position:relative;border-radius:12px}
            summary::-webkit-details-marker{display:none}
            summary::before{content:"";position:absolute;left:16px;top:19px;border:5px solid transparent;\
            border-left:7px solid var(--muted);transition:transform .15s;transform-origin:3px 5px}
            .mail[open] summary::before{transform:rotate(90deg)}
            summary:hover{background:var(--code)}
            .subject{font-weight:600}
            .time{color:var(--muted);font-size:.875rem;text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
            .route{grid-column:1/-1;color:var(--muted);font-size:.875rem}
            .badge{display:inline-block;font-size:.75rem;border:1px solid var(--line);border-radius:999px;\
            padding:0 8px;margin-left:8px;color:var(--muted);font-weight:500;vertical-align:1px}
            .body{padding:4px 16px 16px;border-top:1px solid var(--line)}
            .headers{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:12px 0;font-size:.875rem}
            .headers dt{color:var(--muted)}
            .headers dd{margin:0;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.8125rem}
            h2{font-size:.8125rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);margin:16px 0 6px}
            pre{background:var(--code);border:1px solid var(--line);border-radius:8px;padding:12px 14px;margin:0;\
            white-space:pre-wrap;font:13px/1.55 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;\
            max-height:480px;overflow:auto}
            .none{color:var(--muted);font-style:italic;margin:0}
            iframe{display:block;width:100%;height:420px;border:1px solid var(--line);border-radius:8px;background:#fff}
            .reply{margin-top:16px;padding:14px;border:1px solid var(--line);border-radius:10px;background:var(--code)}
            .reply h2{margin-top:0}
            .reply label{display:block;font-weight:600;font-size:.875rem;margin:8px 0 4px}
            .reply input[type=text],.reply textarea{display:block;width:100%;font:inherit;color:inherit;\
            background:var(--card);border:1px solid var(--line);border-radius:8px;padding:8px 10px}
            .reply input[type=text]:focus,.reply textarea:focus{outline:3px solid var(--ring);outline-offset:0}
            .reply textarea{min-height:110px;resize:vertical}
            .boxes{display:flex;flex-wrap:wrap;gap:6px;margin:0 0 16px;padding:0;list-style:none}
            .boxes a{display:inline-block;padding:4px 12px;border:1px solid var(--line);border-radius:999px;\
            background:var(--card);color:var(--text);text-decoration:none;font-size:.875rem}
            .boxes a:hover{border-color:var(--accent)}
            .boxes a[aria-current]{background:var(--accent-soft);border-color:var(--accent);font-weight:600}
            .kind{color:var(--muted);font-size:.75rem;margin-left:4px}
            .links{margin:0;padding-left:20px;font-size:.875rem}
            pre a,.links a{color:var(--accent);word-break:break-all}
            .hint{color:var(--muted);font-size:.8125rem;margin:4px 0 0}
            button{margin-top:10px;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;\
            border-radius:8px;padding:8px 22px;cursor:pointer}
            button:hover{background:var(--accent-hover)}
            @media (prefers-color-scheme:dark){button,button:hover{color:#0d1a16}}
            @media (max-width:560px){summary{grid-template-columns:1fr}.time{text-align:left}}
            """;

    private static final String LOGO = """
            <svg class="logo" viewBox="0 0 32 32" width="28" height="28" aria-hidden="true" focusable="false">\
            <rect width="32" height="32" rx="9" fill="currentColor"/>\
            <path d="M12.2 12.4a4 4 0 0 1 7.7 1.3c0 2.7-3.9 3.3-3.9 5.8" fill="none" stroke="#fff" \
            stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>\
            <circle cx="16" cy="23.6" r="1.7" fill="#fff"/></svg>""";

    private MailboxPage() {
    }

    /** Times in this machine's zone. */
    public static String render(List<MailView> mails, String notice) {
        return render(mails, notice, ZoneId.systemDefault());
    }

    /** Every mail, without telling staff from customers. */
    public static String render(List<MailView> mails, String notice, ZoneId zone) {
        return render(mails, notice, null, address -> false, zone);
    }

    /**
     * @param mails   in any order; shown newest first (same time: the later in the list first; unknown time last)
     * @param notice  a line to show at the top ("Reply sent"), or {@code null}
     * @param mailbox the one address whose mails to show (To or Cc), or {@code null} for all
     * @param staff   which addresses are the staff's (the rest are customers')
     * @param zone    the zone times are shown in
     */
    public static String render(List<MailView> mails, String notice, String mailbox, Predicate<String> staff,
                                ZoneId zone) {
        List<MailView> all = mails == null ? List.of() : mails;
        String box = mailbox == null || mailbox.isBlank() ? null : mailbox.strip().toLowerCase(Locale.ROOT);
        List<MailView> sorted = newestFirst(box == null ? all
                : all.stream().filter(m -> m != null && addressees(m).contains(box)).toList());
        StringBuilder b = new StringBuilder(8192 + sorted.size() * 2048);
        b.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<title>Local mailbox (").append(sorted.size()).append(") \u00b7 Qmark</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n</head>\n<body>\n<div class=\"wrap\">\n")
                .append("<header>").append(LOGO).append("<h1>Local mailbox</h1><span class=\"count\">")
                .append(sorted.size()).append(sorted.size() == 1 ? " mail" : " mails")
                .append("</span><a class=\"refresh\" href=\"").append(PATH).append("\">Refresh</a></header>\n")
                .append("<main>\n");
        mailboxes(b, all, box, staff);
        if (notice != null && !notice.isBlank()) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.escape(notice)).append("</p>\n");
        }
        if (sorted.isEmpty()) {
            b.append("<div class=\"empty\"><strong>No mail yet</strong>Everything the local system sends shows up "
                    + "here. Send feedback through the form, then refresh this page.</div>\n");
        } else {
            b.append("<ol class=\"mails\" reversed>\n");
            for (int i = 0; i < sorted.size(); i++) {
                mail(b, sorted.get(i), i, zone, box);
            }
            b.append("</ol>\n");
        }
        b.append("</main>\n</div>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The mailboxes as links: all mail, then each address that got some, staff first, with how many. */
    private static void mailboxes(StringBuilder b, List<MailView> mails, String current, Predicate<String> staff) {
        Map<String, Integer> counts = new TreeMap<>();
        for (MailView m : mails) {
            if (m != null) {
                addressees(m).forEach(a -> counts.merge(a, 1, Integer::sum));
            }
        }
        if (counts.isEmpty()) {
            return;
        }
        b.append("<nav aria-label=\"Mailboxes\"><ul class=\"boxes\">\n<li><a href=\"").append(PATH).append('"')
                .append(current == null ? " aria-current=\"page\"" : "").append(">All mail</a></li>\n");
        List<String> ordered = new ArrayList<>(counts.keySet());
        ordered.sort(Comparator.comparing((String a) -> !staff.test(a)));
        for (String address : ordered) {
            b.append("<li><a href=\"").append(PATH).append("?mailbox=")
                    .append(Html.escape(URLEncoder.encode(address, StandardCharsets.UTF_8))).append('"')
                    .append(address.equals(current) ? " aria-current=\"page\"" : "").append('>')
                    .append(Html.escape(address)).append(" (").append(counts.get(address)).append(")<span class=\"kind\">")
                    .append(staff.test(address) ? "staff" : "customer").append("</span></a></li>\n");
        }
        b.append("</ul></nav>\n");
    }

    /** The addresses a mail went to (To and Cc), lower-cased. */
    private static Set<String> addressees(MailView m) {
        Set<String> out = new LinkedHashSet<>();
        m.to().forEach(a -> out.add(a.strip().toLowerCase(Locale.ROOT)));
        m.cc().forEach(a -> out.add(a.strip().toLowerCase(Locale.ROOT)));
        return out;
    }

    static List<MailView> newestFirst(List<MailView> mails) {
        List<Integer> order = new ArrayList<>(mails.size());
        for (int i = 0; i < mails.size(); i++) {
            if (mails.get(i) != null) {
                order.add(i);
            }
        }
        Comparator<Integer> byTime = Comparator.comparing(i -> mails.get(i).sentAt(),
                Comparator.nullsFirst(Comparator.<java.time.Instant>naturalOrder()));
        order.sort(byTime.thenComparing(Comparator.naturalOrder()).reversed());
        List<MailView> out = new ArrayList<>(order.size());
        for (int i : order) {
            out.add(mails.get(i));
        }
        return out;
    }

    private static void mail(StringBuilder b, MailView m, int index, ZoneId zone, String mailbox) {
        String id = "m" + index;
        String subject = m.subject() == null || m.subject().isBlank() ? "(no subject)" : m.subject();
        b.append("<li>\n<details class=\"mail\" id=\"").append(id).append("\"").append(index == 0 ? " open" : "")
                .append(">\n<summary><span class=\"subject\">").append(Html.escape(subject)).append("</span>");
        if (m.sentAt() != null) {
            b.append("<time class=\"time\" datetime=\"").append(m.sentAt()).append("\">")
                    .append(TIME.format(m.sentAt().atZone(zone))).append("</time>");
        } else {
            b.append("<span class=\"time\">time unknown</span>");
        }
        b.append("<span class=\"route\">").append(Html.escape(m.from())).append(" \u2192 ")
                .append(Html.escape(String.join(", ", m.to())));
        if (!m.cc().isEmpty()) {
            b.append("<span class=\"badge\">cc ").append(m.cc().size()).append("</span>");
        }
        if (m.html() != null) {
            b.append("<span class=\"badge\">html</span>");
        }
        b.append("</span></summary>\n<div class=\"body\">\n<dl class=\"headers\">\n");
        header(b, "From", m.from());
        header(b, "To", String.join(", ", m.to()));
        if (!m.cc().isEmpty()) {
            header(b, "Cc", String.join(", ", m.cc()));
        }
        if (!m.replyTo().isEmpty()) {
            header(b, "Reply-To", String.join(", ", m.replyTo()));
        }
        header(b, "Subject", m.subject());
        header(b, "Date", m.sentAt() == null ? null : m.sentAt().toString());
        header(b, "Message-ID", m.messageId());
        b.append("</dl>\n<h2>Text</h2>\n");
        if (m.text() != null) {
            b.append("<pre>").append(MailLinks.linkify(m.text())).append("</pre>\n");
        } else {
            b.append("<p class=\"none\">No text part.</p>\n");
        }
        if (m.html() != null) {
            // no script in it; its links may open a new tab (base target), outside the sandbox
            b.append("<h2>HTML</h2>\n<iframe sandbox=\"allow-popups allow-popups-to-escape-sandbox\" title=\"HTML part of ")
                    .append(Html.escape(subject)).append("\" srcdoc=\"")
                    .append(Html.escape("<base target=\"_blank\">" + m.html())).append("\"></iframe>\n");
        }
        List<String> links = MailLinks.of(m.text(), m.html());
        if (!links.isEmpty()) {
            b.append("<h2>Links</h2>\n<ul class=\"links\">\n");
            links.forEach(url -> b.append("<li>").append(MailLinks.anchor(url, url)).append("</li>\n"));
            b.append("</ul>\n");
        }
        String writer = mailbox != null ? mailbox : m.firstTo();
        String goesTo = !m.replyTo().isEmpty() ? m.replyTo().get(0) : m.from();
        b.append("<form class=\"reply\" method=\"post\" action=\"").append(REPLY_PATH)
                .append("\" accept-charset=\"UTF-8\">\n<h2>Reply</h2>\n")
                .append("<input type=\"hidden\" name=\"messageId\" value=\"").append(Html.escape(m.messageId()))
                .append("\">\n<label for=\"").append(id).append("-from\">From</label>\n")
                .append("<input type=\"text\" id=\"").append(id).append("-from\" name=\"from\" value=\"")
                .append(Html.escape(writer)).append("\" autocomplete=\"off\" spellcheck=\"false\">\n")
                .append("<p class=\"hint\">Goes over the local SMTP port to ").append(Html.escape(goesTo))
                .append(", threaded with this mail, as a reply from a mail client would.</p>\n")
                .append("<label for=\"").append(id).append("-text\">Text</label>\n")
                .append("<textarea id=\"").append(id).append("-text\" name=\"text\" rows=\"5\"></textarea>\n")
                .append("<button type=\"submit\">Reply</button>\n</form>\n")
                .append("</div>\n</details>\n</li>\n");
    }

    private static void header(StringBuilder b, String name, String value) {
        b.append("<dt>").append(name).append("</dt><dd>")
                .append(value == null || value.isEmpty() ? "\u2014" : Html.escape(value)).append("</dd>\n");
    }
}
