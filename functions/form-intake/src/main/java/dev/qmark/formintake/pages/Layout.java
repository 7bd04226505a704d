package dev.qmark.formintake.pages;

import dev.qmark.core.text.Html;

/** The document around every public page: head, inline style, header with the language switch, footer. */
final class Layout {

    private Layout() {
    }

    /** The "?" mark, drawn inline: no image is fetched. */
    static final String LOGO = """
            <svg class="logo" viewBox="0 0 32 32" width="32" height="32" aria-hidden="true" focusable="false">\
            <rect width="32" height="32" rx="9" fill="currentColor"/>\
            <path d="M12.2 12.4a4 4 0 0 1 7.7 1.3c0 2.7-3.9 3.3-3.9 5.8" fill="none" stroke="#fff" \
            stroke-width="2.6" stroke-linecap="round" stroke-linejoin="round"/>\
            <circle cx="16" cy="23.6" r="1.7" fill="#fff"/></svg>""";

    /** No script, nothing from elsewhere; the form may only post back to this site. */
    private static final String CSP =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; form-action 'self'; base-uri 'none'";

    static final String CSS = """
            :root{--bg:#f3f2ee;--card:#fff;--text:#1d2127;--muted:#5b6370;--line:#cdd3db;--line-strong:#9aa3af;\
            --accent:#1f5f50;--accent-hover:#164a3e;--accent-soft:#e5efeb;--ring:#2b7a66;--error:#b42318;\
            --error-soft:#fdf1f0;--star-on:#e29b0f;--star-off:#c5cbd3;--shadow:0 1px 2px rgba(16,24,40,.05),\
            0 8px 24px rgba(16,24,40,.07);color-scheme:light dark}
            @media (prefers-color-scheme:dark){:root{--bg:#15181c;--card:#1e2227;--text:#e8eaed;--muted:#a4acb7;\
            --line:#3a414b;--line-strong:#5d6672;--accent:#5fb39c;--accent-hover:#79c7b1;--accent-soft:#1f3530;\
            --ring:#7fd0b9;--error:#ff8a80;--error-soft:#3a2221;--star-on:#f2b53a;--star-off:#4a525d;\
            --shadow:0 1px 2px rgba(0,0,0,.3),0 8px 24px rgba(0,0,0,.3)}}
            *,*::before,*::after{box-sizing:border-box}
            html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
            body{margin:0;background:var(--bg);color:var(--text);font:16px/1.6 system-ui,-apple-system,"Segoe UI",\
            Roboto,"Apple SD Gothic Neo","Malgun Gothic","Noto Sans KR","Noto Sans CJK KR",sans-serif;\
            overflow-wrap:break-word}
            :lang(ko){word-break:keep-all}
            .wrap{max-width:640px;margin:0 auto;padding:24px 16px 40px}
            .top{display:flex;align-items:center;justify-content:space-between;gap:12px;margin:0 4px 20px}
            .brand{display:flex;align-items:center;gap:10px;font-weight:600;color:var(--text)}
            .logo{color:var(--accent);flex:none}
            .lang-switch{font-size:.9375rem;color:var(--muted);text-decoration:none;padding:6px 12px;\
            border:1px solid var(--line);border-radius:999px;background:var(--card)}
            .lang-switch:hover{color:var(--text);border-color:var(--line-strong)}
            .card{background:var(--card);border-radius:16px;box-shadow:var(--shadow);padding:32px 28px}
            @media (max-width:480px){.wrap{padding:16px 12px 32px}.card{padding:24px 18px;border-radius:14px}}
            h1{font-size:1.625rem;line-height:1.3;margin:0 0 8px;letter-spacing:-.01em}
            .lead{color:var(--muted);margin:0 0 28px}
            a{color:var(--accent)}
            a:hover{color:var(--accent-hover)}
            :focus-visible{outline:3px solid var(--ring);outline-offset:2px}
            .field{margin:0 0 22px}
            label,.legend{display:block;font-weight:600;margin:0 0 6px}
            .opt{font-weight:400;color:var(--muted);font-size:.875rem;margin-left:6px}
            .hint{color:var(--muted);font-size:.875rem;margin:-2px 0 8px}
            input[type=text],input[type=email],textarea{display:block;width:100%;font:inherit;color:inherit;\
            background:var(--card);border:1px solid var(--line-strong);border-radius:10px;padding:11px 14px;\
            transition:border-color .15s,box-shadow .15s}
            textarea{min-height:180px;resize:vertical;line-height:1.55}
            input[type=text]:hover,input[type=email]:hover,textarea:hover{border-color:var(--muted)}
            .has-error input,.has-error textarea{border-color:var(--error);border-width:2px;padding:10px 13px}
            input[type=text]:focus,input[type=email]:focus,textarea:focus{outline:3px solid var(--ring);\
            outline-offset:1px;border-color:var(--ring)}
            .field-error{display:flex;gap:6px;align-items:flex-start;color:var(--error);font-weight:600;\
            font-size:.9375rem;margin:0 0 8px}
            .field-error svg{flex:none;margin-top:3px}
            .has-error{border-left:3px solid var(--error);padding-left:14px;margin-left:-17px}
            @media (max-width:480px){.has-error{padding-left:10px;margin-left:-13px}}
            .error-summary{border:2px solid var(--error);background:var(--error-soft);border-radius:12px;\
            padding:16px 20px;margin:0 0 28px}
            .error-summary h2{font-size:1.0625rem;margin:0 0 6px;color:var(--error)}
            .error-summary ul{margin:0;padding-left:20px}
            .error-summary a{color:var(--error);font-weight:600}
            fieldset{border:0;margin:0 0 26px;padding:0;min-width:0}
            legend{padding:0;font-weight:600;margin:0 0 8px}
            .rating{position:relative;display:flex;align-items:center;flex-wrap:wrap;gap:2px}
            .rating input{position:absolute;opacity:0;width:1px;height:1px;margin:0;pointer-events:none}
            .rating .none{font-size:.875rem;color:var(--muted);border:1px solid var(--line);border-radius:999px;\
            padding:5px 12px;margin:0 10px 0 0;font-weight:500;cursor:pointer;background:var(--card)}
            .rating input:checked+.none{color:var(--accent);border-color:var(--accent);background:var(--accent-soft)}
            .rating .star{margin:0;padding:4px;line-height:0;border-radius:8px;color:var(--star-off);cursor:pointer;\
            transition:color .1s,transform .1s}
            .rating .star svg{width:34px;height:34px;display:block}
            .rating input:checked+.star,.rating .star:has(~ input.s:checked){color:var(--star-on)}
            .rating:has(.star:hover) .star{color:var(--star-off)}
            .rating:has(.star:hover) .star:is(:hover,:has(~ .star:hover)){color:var(--star-on)}
            .rating .star:hover{transform:scale(1.08)}
            .rating input:focus-visible+label{outline:3px solid var(--ring);outline-offset:1px}
            .rating-desc{display:none;margin-left:10px;font-size:.9375rem;color:var(--muted);font-weight:500}
            .rating:has(#rating-1:checked) .d1,.rating:has(#rating-2:checked) .d2,.rating:has(#rating-3:checked) .d3,\
            .rating:has(#rating-4:checked) .d4,.rating:has(#rating-5:checked) .d5{display:inline}
            .rating .break{display:none}
            @media (max-width:480px){.rating .break{display:block;flex-basis:100%;height:8px}\
            .rating .star{padding:3px}.rating .star svg{width:36px;height:36px}}
            .hp{position:absolute;left:-10000px;top:auto;width:1px;height:1px;overflow:hidden}
            .sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);\
            clip-path:inset(50%);white-space:nowrap;border:0}
            .actions{display:flex;align-items:center;gap:16px;flex-wrap:wrap;margin-top:8px}
            .button{display:inline-flex;align-items:center;justify-content:center;gap:8px;font:inherit;\
            font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:10px;padding:12px 26px;\
            cursor:pointer;text-decoration:none;min-height:48px}
            .button:hover{background:var(--accent-hover);color:#fff}
            @media (prefers-color-scheme:dark){.button,.button:hover{color:#0d1a16}}
            .button.secondary{background:transparent;color:var(--accent);border:1px solid var(--line-strong)}
            .button.secondary:hover{background:var(--accent-soft);color:var(--accent-hover)}
            @media (max-width:480px){.actions .button{width:100%}}
            .privacy{color:var(--muted);font-size:.875rem;margin:0}
            .notice-icon{display:flex;width:56px;height:56px;border-radius:50%;align-items:center;\
            justify-content:center;margin:0 0 18px;background:var(--accent-soft);color:var(--accent)}
            .notice-icon.bad{background:var(--error-soft);color:var(--error)}
            .ref{display:flex;flex-wrap:wrap;align-items:baseline;gap:4px 12px;background:var(--bg);\
            border:1px solid var(--line);border-radius:12px;padding:14px 18px;margin:24px 0}
            .ref-label{color:var(--muted);font-size:.875rem}
            .ref code{font:600 1rem/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all}
            .detail{background:var(--bg);border-radius:10px;padding:12px 16px;color:var(--muted);font-size:.9375rem}
            p{margin:0 0 14px}
            .foot{color:var(--muted);font-size:.8125rem;text-align:center;margin-top:22px}
            """;

    /**
     * A whole HTML5 document.
     *
     * @param title  plain text, escaped here
     * @param switchHref where the other language's page is, or {@code null} for no switch link
     * @param main   the inner HTML of {@code <main>}, already safe
     */
    static String page(Language lang, String title, String switchHref, String main) {
        Language other = lang == Language.KO ? Language.EN : Language.KO;
        StringBuilder b = new StringBuilder(16_384);
        b.append("<!DOCTYPE html>\n<html lang=\"").append(lang.code()).append("\">\n<head>\n")
                .append("<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n")
                .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
                .append("<meta name=\"color-scheme\" content=\"light dark\">\n")
                .append("<title>").append(Html.escape(title)).append("</title>\n")
                .append("<style>\n").append(CSS).append("</style>\n")
                .append("</head>\n<body>\n<div class=\"wrap\">\n<header class=\"top\">\n")
                .append("<span class=\"brand\">").append(LOGO)
                .append("<span>").append(lang.pick("고객 의견", "Feedback")).append("</span></span>\n");
        if (switchHref != null) {
            b.append("<a class=\"lang-switch\" href=\"").append(Html.escape(switchHref)).append("\" lang=\"")
                    .append(other.code()).append("\" hreflang=\"").append(other.code()).append("\">")
                    .append(other == Language.KO ? "한국어" : "English").append("</a>\n");
        }
        b.append("</header>\n<main class=\"card\" id=\"main\">\n").append(main).append("</main>\n")
                .append("<footer class=\"foot\"><p>")
                .append(lang.pick("이름과 이메일 주소는 답장을 드리는 데에만 사용해요.",
                        "We use your name and email address only to answer you."))
                .append("</p></footer>\n</div>\n</body>\n</html>\n");
        return b.toString();
    }

    /** The link that shows the same page in the other language; "./" so it works under a stage path. */
    static String switchHref(Language lang) {
        return "./?lang=" + (lang == Language.KO ? Language.EN : Language.KO).code();
    }
}
