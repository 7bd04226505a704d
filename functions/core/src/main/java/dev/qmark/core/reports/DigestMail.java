package dev.qmark.core.reports;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Reference;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.text.Html;
import dev.qmark.mail.OutgoingMail;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The digest as mail: a plain-text part that reads on its own and an HTML part mail clients
 * render (tables, inline styles, bars drawn as cells; no script, no image), in the founder's
 * language. Every item line carries its reference: replying {@code ? Q-…} asks its owner again.
 */
public final class DigestMail {

    /** The digest's Reply-To local part: mail-intake takes "? Q-…" from the founder there. */
    public static final String REPLY_LOCAL_PART = "digest";

    private final QmarkConfig config;
    private final ReportsConfig reports;
    private final Words w;

    public DigestMail(QmarkConfig config, ReportsConfig reports) {
        this.config = config;
        this.reports = reports;
        this.w = new Words(reports.korean());
    }

    public OutgoingMail compose(DigestContent c) {
        List<String> to = new ArrayList<>();
        to.add(config.founder().email());
        if (reports.digest() != null) {
            reports.digest().to().stream().filter(a -> !to.contains(a)).forEach(to::add);
        }
        return new OutgoingMail(config.sender(), "Qmark", to, List.of(),
                List.of(REPLY_LOCAL_PART + "@" + config.inboundDomain()), subject(c), text(c), html(c),
                Map.of("X-Qmark-Notice", "digest"));
    }

    String subject(DigestContent c) {
        return w.t("Qmark digest", "Qmark 일일 요약") + " " + c.day() + ": "
                + (c.quiet() ? w.t("a quiet day", "조용한 하루")
                : c.all().received() + w.t(" in, ", "건 접수, ") + c.answers().size() + w.t(" answered, ", "건 답변, ")
                + c.breaches().size() + w.t(" late", "건 지연"));
    }

    public String text(DigestContent c) {
        StringBuilder t = new StringBuilder();
        if (c.quiet()) {
            t.append(w.t("A quiet day: nothing came in on " + c.day() + ", nothing happened, nothing is open.",
                    c.day() + ": 접수된 피드백도, 진행 중인 질문도 없는 조용한 하루였습니다.")).append('\n');
            return t.toString();
        }
        ZoneId zone = config.founder().timeZone();
        t.append(w.t("Qmark digest for ", "Qmark 일일 요약: ")).append(c.day()).append("\n\n");
        t.append(w.t("Came in: ", "접수: ")).append(c.all().received());
        if (c.all().ratings() > 0) {
            t.append(w.t(" | ratings: ", " | 평점: ")).append(c.all().ratings()).append(w.t(", mean ", ", 평균 "))
                    .append(String.format("%.1f", c.all().ratingMean()));
        }
        t.append('\n');
        c.byRoute().forEach((route, tally) -> t.append("  ").append(pad(route, 18)).append(bar(tally.received())).append(' ')
                .append(tally.received()).append('\n'));
        t.append(w.t("  by channel: ", "  채널별: "));
        c.byChannel().forEach((channel, tally) -> t.append(channel).append(' ').append(tally.received()).append("  "));
        t.append("\n\n");
        section(t, w.t("Low ratings (1-2), in their words", "낮은 평점 (1-2점), 고객의 말 그대로"), c.lowRatings(), c.more().get("lowRatings"),
                f -> f.reference() + "  " + "★".repeat(f.rating()) + "  " + f.who() + ": " + f.title() + "\n    \""
                        + oneLine(f.words()) + "\"");
        section(t, w.t("Breaches", "기한 초과"), c.breaches(), c.more().get("breaches"),
                f -> f.reference() + "  " + f.who() + w.t(" late by ", " 지연 ") + duration(f.minutes())
                        + (f.detail() == null ? "" : w.t(", went to ", ", 다음 담당: ") + f.detail()) + "  " + f.title());
        section(t, w.t("Answers", "답변"), c.answers(), c.more().get("answers"),
                f -> f.reference() + "  " + f.who() + w.t(" in ", " ") + duration(f.minutes()) + "  " + f.title()
                        + (f.words() == null ? "" : ": " + cut(oneLine(f.words()), 80)));
        section(t, w.t("Handed on", "넘김"), c.handOns(), c.more().get("handOns"),
                f -> f.reference() + "  " + f.who() + " -> " + f.detail() + "  " + f.title());
        t.append(w.t("Open, oldest first", "진행 중, 오래된 순")).append(" (").append(c.open().size()
                + c.more().getOrDefault("open", 0)).append(")\n");
        if (c.open().isEmpty()) {
            t.append(w.t("  none\n", "  없음\n"));
        }
        for (DigestContent.Open o : c.open()) {
            t.append("  ").append(Reference.of(o.itemId())).append("  ").append(o.owner()).append(w.t(" since ", " 요청 ")).append(when(o.askedAt(), zone))
                    .append(o.late() ? w.t("  LATE", "  지연") : "").append("  ").append(o.title()).append('\n');
        }
        more(t, c.more().get("open"));
        t.append('\n').append(w.t("Owners: time to first answer (median / p90) and breach rate",
                "담당자별 첫 답변까지 시간 (중앙값 / p90)과 기한 초과율")).append('\n');
        t.append("  ").append(pad("", 12)).append(pad(w.t("7 days", "7일"), 26)).append(w.t("30 days", "30일")).append('\n');
        for (String owner : c.owners30().keySet()) {
            t.append("  ").append(pad(owner, 12)).append(pad(ownerFigures(c.owners7().get(owner)), 26))
                    .append(ownerFigures(c.owners30().get(owner))).append('\n');
        }
        if (!c.notWrittenTo().isEmpty()) {
            section(t, w.t("Answered internally, customer never written to", "내부 답변만 있고 고객에게는 연락 없음"),
                    c.notWrittenTo(), null, f -> f.reference() + "  " + f.who() + "  " + f.title());
        }
        t.append('\n').append(w.t("Reply \"? Q-…\" (and a note) to ask that item's owner again.",
                "\"? Q-…\"(와 메모)로 답장하면 그 건의 담당자에게 다시 묻습니다.")).append('\n');
        return t.toString();
    }

    private void section(StringBuilder t, String title, List<Fact> facts, Integer more,
                         java.util.function.Function<Fact, String> line) {
        t.append(title).append(" (").append(facts.size() + (more == null ? 0 : more)).append(")\n");
        if (facts.isEmpty()) {
            t.append(w.t("  none\n", "  없음\n"));
        }
        for (Fact f : facts) {
            t.append("  ").append(line.apply(f)).append('\n');
        }
        more(t, more);
        t.append('\n');
    }

    private void more(StringBuilder t, Integer more) {
        if (more != null && more > 0) {
            t.append(w.t("  … and " + more + " more (GET /feedback)\n", "  … 외 " + more + "건 (GET /feedback)\n"));
        }
    }

    private String ownerFigures(Tally t) {
        if (t == null) {
            return "-";
        }
        String rate = t.breachRate() == null ? "-" : Math.round(t.breachRate() * 100) + "%";
        return duration(t.medianMinutes()) + " / " + duration(t.p90Minutes()) + ", " + rate;
    }

    public String html(DigestContent c) {
        StringBuilder h = new StringBuilder();
        h.append("<!doctype html><html><head><meta charset=\"utf-8\"></head><body style=\"margin:0;padding:16px;background:#f6f6f6;font-family:-apple-system,Segoe UI,Roboto,"
                + "'Apple SD Gothic Neo','Malgun Gothic',sans-serif;color:#222\">");
        h.append("<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"max-width:680px;margin:0 auto;"
                + "background:#fff;border:1px solid #ddd\"><tr><td style=\"padding:20px\">");
        h.append("<h1 style=\"font-size:20px;margin:0 0 12px\">").append(Html.escape(w.t("Qmark digest ", "Qmark 일일 요약 ")))
                .append(c.day()).append("</h1>");
        if (c.quiet()) {
            h.append("<p style=\"font-size:15px\">").append(Html.escape(text(c).strip())).append("</p>");
            return h.append("</td></tr></table></body></html>").toString();
        }
        ZoneId zone = config.founder().timeZone();
        h.append("<p style=\"font-size:15px;margin:0 0 8px\"><b>").append(c.all().received()).append("</b> ")
                .append(w.t("came in", "건 접수"));
        if (c.all().ratings() > 0) {
            h.append(" &middot; ").append(w.t("ratings ", "평점 ")).append(c.all().ratings()).append(w.t(", mean ", ", 평균 "))
                    .append(String.format("%.1f", c.all().ratingMean()));
        }
        h.append("</p>");
        long most = c.byRoute().values().stream().mapToLong(Tally::received).max().orElse(1);
        h.append(table());
        c.byRoute().forEach((route, tally) -> h.append("<tr><td style=\"").append(CELL).append("width:140px\">").append(Html.escape(route))
                .append("</td><td style=\"").append(CELL).append("\">").append(htmlBar(tally.received(), most, "#3b82f6"))
                .append("</td><td style=\"").append(CELL).append("text-align:right;width:40px\">").append(tally.received())
                .append("</td></tr>"));
        h.append("</table><p style=\"font-size:13px;color:#555\">").append(w.t("By channel: ", "채널별: "));
        c.byChannel().forEach((channel, tally) -> h.append(Html.escape(channel)).append(" <b>").append(tally.received()).append("</b> &nbsp; "));
        h.append("</p>");
        htmlSection(h, w.t("Low ratings (1-2), in their words", "낮은 평점 (1-2점), 고객의 말 그대로"), c.lowRatings(), c.more().get("lowRatings"),
                f -> cell(f.reference()) + cell("<span style=\"color:#d97706\">" + "★".repeat(f.rating()) + "</span>")
                        + cell("<b>" + Html.escape(f.who()) + "</b>: " + Html.escape(f.title())
                        + "<br><i style=\"color:#444\">&ldquo;" + Html.escape(oneLine(f.words())) + "&rdquo;</i>"));
        htmlSection(h, w.t("Breaches", "기한 초과"), c.breaches(), c.more().get("breaches"),
                f -> cell(f.reference()) + cell(Html.escape(f.who())) + cell("<span style=\"color:#b91c1c\">" + w.t("late by ", "지연 ")
                        + duration(f.minutes()) + "</span>" + (f.detail() == null ? "" : " &rarr; " + Html.escape(f.detail())))
                        + cell(Html.escape(f.title())));
        htmlSection(h, w.t("Answers", "답변"), c.answers(), c.more().get("answers"),
                f -> cell(f.reference()) + cell(Html.escape(f.who())) + cell(duration(f.minutes()))
                        + cell(Html.escape(f.title()) + (f.words() == null ? "" : "<br><span style=\"color:#555\">"
                        + Html.escape(cut(oneLine(f.words()), 120)) + "</span>")));
        htmlSection(h, w.t("Handed on", "넘김"), c.handOns(), c.more().get("handOns"),
                f -> cell(f.reference()) + cell(Html.escape(f.who()) + " &rarr; " + Html.escape(String.valueOf(f.detail())))
                        + cell(Html.escape(f.title())));
        h.append(heading(w.t("Open, oldest first", "진행 중, 오래된 순") + " (" + (c.open().size() + c.more().getOrDefault("open", 0)) + ")"));
        h.append(table());
        if (c.open().isEmpty()) {
            h.append("<tr>").append(cell(w.t("none", "없음"))).append("</tr>");
        }
        for (DigestContent.Open o : c.open()) {
            h.append("<tr>").append(cell(Reference.of(o.itemId()))).append(cell(Html.escape(o.owner())))
                    .append(cell(when(o.askedAt(), zone) + (o.late() ? " <b style=\"color:#b91c1c\">" + w.t("LATE", "지연") + "</b>" : "")))
                    .append(cell(Html.escape(o.title()))).append("</tr>");
        }
        h.append("</table>");
        if (!c.notWrittenTo().isEmpty()) {
            htmlSection(h, w.t("Answered internally, customer never written to", "내부 답변만 있고 고객에게는 연락 없음"),
                    c.notWrittenTo(), null, f -> cell(f.reference()) + cell(Html.escape(f.who())) + cell(Html.escape(f.title())));
        }
        h.append(heading(w.t("Owners: time to first answer (median / p90), breach rate", "담당자별 첫 답변 시간 (중앙값 / p90), 기한 초과율")));
        h.append(table()).append("<tr>").append(cell("")).append(cell("<b>" + w.t("7 days", "7일") + "</b>"))
                .append(cell("<b>" + w.t("30 days", "30일") + "</b>")).append(cell("")).append("</tr>");
        for (String owner : c.owners30().keySet()) {
            Tally t30 = c.owners30().get(owner);
            h.append("<tr>").append(cell(Html.escape(owner))).append(cell(ownerFigures(c.owners7().get(owner))))
                    .append(cell(ownerFigures(t30)))
                    .append("<td style=\"").append(CELL).append("width:25%\">")
                    .append(htmlBar(Math.round((t30.breachRate() == null ? 0 : t30.breachRate()) * 100), 100, "#ef4444")).append("</td>")
                    .append("</tr>");
        }
        h.append("</table>");
        h.append("<p style=\"font-size:13px;color:#555;margin-top:16px\">").append(Html.escape(w.t(
                "Reply \"? Q-…\" (and a note) to ask that item's owner again.", "\"? Q-…\"(와 메모)로 답장하면 그 건의 담당자에게 다시 묻습니다.")))
                .append("</p></td></tr></table></body></html>");
        return h.toString();
    }

    private static final String CELL = "padding:4px 6px;border-bottom:1px solid #eee;font-size:13px;vertical-align:top;";

    private static String table() {
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\" style=\"border-collapse:collapse;margin:0 0 8px\">";
    }

    private static String cell(String html) {
        return "<td style=\"" + CELL + "\">" + html + "</td>";
    }

    private static String heading(String text) {
        return "<h2 style=\"font-size:15px;margin:18px 0 6px;border-bottom:2px solid #222;padding-bottom:2px\">" + Html.escape(text) + "</h2>";
    }

    private void htmlSection(StringBuilder h, String title, List<Fact> facts, Integer more,
                             java.util.function.Function<Fact, String> row) {
        h.append(heading(title + " (" + (facts.size() + (more == null ? 0 : more)) + ")")).append(table());
        if (facts.isEmpty()) {
            h.append("<tr>").append(cell(w.t("none", "없음"))).append("</tr>");
        }
        for (Fact f : facts) {
            h.append("<tr>").append(row.apply(f)).append("</tr>");
        }
        h.append("</table>");
        if (more != null && more > 0) {
            h.append("<p style=\"font-size:12px;color:#555\">").append(w.t("… and " + more + " more", "… 외 " + more + "건")).append("</p>");
        }
    }

    /** A bar as two table cells' worth of width: renders in every mail client, no image. */
    static String htmlBar(long value, long most, String color) {
        int percent = most <= 0 ? 0 : (int) Math.max(value > 0 ? 2 : 0, Math.round(100.0 * value / most));
        return "<table role=\"presentation\" width=\"100%\" cellpadding=\"0\" cellspacing=\"0\"><tr>"
                + (percent > 0 ? "<td width=\"" + percent + "%\" style=\"background:" + color + ";height:12px;font-size:0;line-height:0\">&nbsp;</td>" : "")
                + (percent < 100 ? "<td style=\"height:12px;font-size:0;line-height:0\">&nbsp;</td>" : "") + "</tr></table>";
    }

    private static String bar(long n) {
        return "#".repeat((int) Math.min(n, 40));
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max) + "…";
    }

    private static String when(Instant at, ZoneId zone) {
        return at == null ? "-" : DateTimeFormatter.ofPattern("MM-dd HH:mm").format(at.atZone(zone));
    }

    /** "45m", "3h 10m", "2d 4h": short enough for a table cell. */
    static String duration(Long minutes) {
        if (minutes == null) {
            return "-";
        }
        Duration d = Duration.ofMinutes(minutes);
        if (d.toDays() > 0) {
            return d.toDays() + "d " + d.toHoursPart() + "h";
        }
        if (d.toHours() > 0) {
            return d.toHours() + "h " + d.toMinutesPart() + "m";
        }
        return minutes + "m";
    }

    /** English or Korean, by {@code language}. */
    public record Words(boolean korean) {
        String t(String en, String ko) {
            return korean ? ko : en;
        }
    }
}
