package dev.qmark.local.pages;

import dev.qmark.core.text.Html;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * {@code GET /_local/mail}: every mail the local system "sent", newest first, each one opened with a
 * {@code <details>} and answered with a form that posts to {@code /_local/mail/reply}
 * ({@code messageId}, {@code from}, {@code text}). No script; the HTML part is shown in a sandboxed frame.
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

    /**
     * @param mails  in any order; shown newest first (same time: the later in the list first; unknown time last)
     * @param notice a line to show at the top ("Reply sent"), or {@code null}
     * @param zone   the zone times are shown in
     */
    public static String render(List<MailView> mails, String notice, ZoneId zone) {
        List<MailView> sorted = newestFirst(mails == null ? List.of() : mails);
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
        if (notice != null && !notice.isBlank()) {
            b.append("<p class=\"notice\" role=\"status\">").append(Html.escape(notice)).append("</p>\n");
        }
        if (sorted.isEmpty()) {
            b.append("<div class=\"empty\"><strong>No mail yet</strong>Everything the local system sends shows up "
                    + "here. Send feedback through the form, then refresh this page.</div>\n");
        } else {
            b.append("<ol class=\"mails\" reversed>\n");
            for (int i = 0; i < sorted.size(); i++) {
                mail(b, sorted.get(i), i, zone);
            }
            b.append("</ol>\n");
        }
        b.append("</main>\n</div>\n</body>\n</html>\n");
        return b.toString();
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

    private static void mail(StringBuilder b, MailView m, int index, ZoneId zone) {
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
            b.append("<pre>").append(Html.escape(m.text())).append("</pre>\n");
        } else {
            b.append("<p class=\"none\">No text part.</p>\n");
        }
        if (m.html() != null) {
            b.append("<h2>HTML</h2>\n<iframe sandbox title=\"HTML part of ").append(Html.escape(subject))
                    .append("\" srcdoc=\"").append(Html.escape(m.html())).append("\"></iframe>\n");
        }
        b.append("<form class=\"reply\" method=\"post\" action=\"").append(REPLY_PATH)
                .append("\" accept-charset=\"UTF-8\">\n<h2>Reply</h2>\n")
                .append("<input type=\"hidden\" name=\"messageId\" value=\"").append(Html.escape(m.messageId()))
                .append("\">\n<label for=\"").append(id).append("-from\">From</label>\n")
                .append("<input type=\"text\" id=\"").append(id).append("-from\" name=\"from\" value=\"")
                .append(Html.escape(m.firstTo())).append("\" autocomplete=\"off\" spellcheck=\"false\">\n")
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
