package dev.qmark.core.reports;

import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.config.ReportsConfig;
import dev.qmark.core.figures.Cell;
import dev.qmark.core.figures.DayTally;
import dev.qmark.core.figures.Fact;
import dev.qmark.core.figures.Reference;
import dev.qmark.core.figures.Tally;
import dev.qmark.core.figures.TopicTagger;
import dev.qmark.core.ports.DailyFigures;
import dev.qmark.core.ports.Notice;
import dev.qmark.core.sending.SendOnce;
import dev.qmark.core.text.Html;
import dev.qmark.mail.OutgoingMail;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The town-hall report: every {@code townHall.every} on {@code townHall.day} at {@code townHall.at},
 * the period that ended yesterday against the one before: the most satisfied and most unsatisfied
 * customers in their words with the answer they got, the figures side by side, and which topics
 * and which new words rose. Read from the daily aggregates and facts (the facts of each day, at most
 * {@link #FACTS_PER_DAY} of a kind), never from the items.
 */
public final class TownHallReport {

    static final int FACTS_PER_DAY = 500;
    static final int VOICES = 5;
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "you", "your", "with", "this", "that", "was",
            "are", "not", "but", "have", "has", "had", "from", "they", "our", "its", "it's", "all", "can", "will", "just",
            "what", "when", "there", "been", "were", "would", "could", "about", "still", "into", "than", "then", "them");

    /** What the report says, as figures; rendered by {@link #html} and {@link #text}. */
    public record Content(LocalDate from, LocalDate to, Tally now, Tally before, List<Voice> satisfied,
                          List<Voice> unsatisfied, List<Rise> topics, List<Rise> words) {
    }

    /** A customer's rating and words, and the answer they got in the period (null if none). */
    public record Voice(Fact rated, String answer, String answeredBy) {
    }

    /** How often something came up in the period and in the one before. */
    public record Rise(String name, long now, long before) {
        long delta() {
            return now - before;
        }
    }

    public record Outcome(String result, LocalDate from, LocalDate to, String subject, String text) {
    }

    private final QmarkConfig config;
    private final ReportsConfig reports;
    private final DailyFigures figures;
    private final SendOnce sendOnce;
    private final Clock clock;
    private final DigestMail.Words w;

    public TownHallReport(QmarkConfig config, ReportsConfig reports, DailyFigures figures, SendOnce sendOnce, Clock clock) {
        this.config = config;
        this.reports = reports;
        this.figures = figures;
        this.sendOnce = sendOnce;
        this.clock = clock;
        this.w = new DigestMail.Words(reports.korean());
    }

    /** Sends the report when its day and time have come (or {@code now}), once per day it is due. */
    public Outcome run(boolean now) {
        ReportsConfig.TownHall th = reports.townHall();
        ZonedDateTime local = clock.instant().atZone(config.founder().timeZone());
        LocalDate today = local.toLocalDate();
        int days = th.every().getDays();
        boolean due = today.getDayOfWeek() == th.day() && !local.toLocalTime().isBefore(th.at())
                && (days % 7 != 0 || Math.floorMod(Math.floorDiv(today.toEpochDay() + 3, 7), days / 7) == 0);
        LocalDate to = today.minusDays(1);
        LocalDate from = today.minusDays(days);
        if (!now && !due) {
            return new Outcome("not-yet", from, to, null, null);
        }
        String[] composed = new String[2];
        SendOnce.Sent sent = sendOnce.send(new Notice.ToFounder("town-hall-" + today), () -> {
            Content c = read(from, to);
            List<String> recipients = th.to().isEmpty() ? List.of(config.founder().email()) : th.to();
            composed[0] = w.t("Town hall: what customers said ", "타운홀: 고객의 목소리 ") + from + " – " + to;
            composed[1] = text(c);
            return new OutgoingMail(config.sender(), "Qmark", recipients, List.of(), List.of(), composed[0], composed[1],
                    html(c), Map.of("X-Qmark-Notice", "town-hall"));
        }, at -> null);
        return sent == SendOnce.Sent.NOW ? new Outcome("sent", from, to, composed[0], composed[1])
                : new Outcome("sent-before", from, to, null, null);
    }

    /** The report of {@code from}..{@code to} (both included) against the as long period before it. */
    public Content read(LocalDate from, LocalDate to) {
        long days = to.toEpochDay() - from.toEpochDay() + 1;
        LocalDate prevFrom = from.minusDays(days);
        LocalDate prevTo = from.minusDays(1);
        // each period's cells read once, for its total and its topics
        List<Cell> period = figures.cells(from, to);
        List<Cell> before = figures.cells(prevFrom, prevTo);
        List<Fact> rated = facts(from, to, Fact.Kind.RATED);
        Map<String, Fact> answers = new HashMap<>();
        facts(from, to, Fact.Kind.ANSWERED).forEach(a -> answers.putIfAbsent(a.itemId(), a));
        List<Voice> satisfied = rated.stream().filter(f -> f.rating() >= 4)
                .sorted(Comparator.comparing(Fact::rating).reversed().thenComparing(Fact::at)).limit(VOICES)
                .map(f -> voice(f, answers)).toList();
        List<Voice> unsatisfied = rated.stream().filter(f -> f.rating() <= 2)
                .sorted(Comparator.comparing(Fact::rating).thenComparing(Fact::at)).limit(VOICES)
                .map(f -> voice(f, answers)).toList();
        return new Content(from, to, total(period), total(before), satisfied, unsatisfied,
                topicRises(period, before), wordRises(facts(from, to, Fact.Kind.RECEIVED),
                        facts(prevFrom, prevTo, Fact.Kind.RECEIVED)));
    }

    private static Voice voice(Fact rated, Map<String, Fact> answers) {
        Fact answer = answers.get(rated.itemId());
        return new Voice(rated, answer == null ? null : answer.words(), answer == null ? null : answer.who());
    }

    private List<Fact> facts(LocalDate from, LocalDate to, Fact.Kind kind) {
        return figures.facts(from, to, kind, FACTS_PER_DAY);
    }

    private static Tally total(List<Cell> cells) {
        return Cell.tallies(cells, "all").stream().map(DayTally::tally).reduce(Tally.ZERO, Tally::plus);
    }

    private static List<Rise> topicRises(List<Cell> period, List<Cell> before) {
        Map<String, long[]> counts = new TreeMap<>();
        Cell.tallies(period, "topic").forEach(t -> counts.computeIfAbsent(t.value(), k -> new long[2])[0] += t.tally().received());
        Cell.tallies(before, "topic").forEach(t -> counts.computeIfAbsent(t.value(), k -> new long[2])[1] += t.tally().received());
        return counts.entrySet().stream().map(e -> new Rise(e.getKey(), e.getValue()[0], e.getValue()[1]))
                .sorted(Comparator.comparing(Rise::delta).reversed()).toList();
    }

    /** Words (Korean without their particles) in more of this period's items than the last's, most risen first. */
    static List<Rise> wordRises(List<Fact> now, List<Fact> before) {
        Map<String, Long> n = wordCounts(now);
        Map<String, Long> b = wordCounts(before);
        return n.entrySet().stream().filter(e -> e.getValue() >= 2 && e.getValue() > b.getOrDefault(e.getKey(), 0L))
                .map(e -> new Rise(e.getKey(), e.getValue(), b.getOrDefault(e.getKey(), 0L)))
                .sorted(Comparator.comparing(Rise::delta).reversed().thenComparing(Rise::name)).limit(10).toList();
    }

    private static Map<String, Long> wordCounts(List<Fact> facts) {
        Map<String, Long> counts = new HashMap<>();
        for (Fact f : facts) {
            Set<String> once = new HashSet<>();
            for (String word : TopicTagger.words((f.title() == null ? "" : f.title()) + " " + (f.words() == null ? "" : f.words()))) {
                String stem = TopicTagger.stem(word);
                if (stem.length() >= 2 && !STOP_WORDS.contains(stem) && !stem.chars().allMatch(Character::isDigit)
                        && (stem.length() >= 3 || stem.chars().anyMatch(c -> c >= 0xAC00))) {
                    once.add(stem);
                }
            }
            once.forEach(s -> counts.merge(s, 1L, Long::sum));
        }
        return counts;
    }

    public String text(Content c) {
        StringBuilder t = new StringBuilder();
        t.append(w.t("Town hall ", "타운홀 ")).append(c.from()).append(" – ").append(c.to()).append("\n\n");
        t.append(w.t("Most satisfied", "가장 만족한 고객")).append('\n');
        voices(t, c.satisfied());
        t.append(w.t("Most unsatisfied", "가장 불만족한 고객")).append('\n');
        voices(t, c.unsatisfied());
        t.append(w.t("Figures (this period / the one before)", "지표 (이번 기간 / 지난 기간)")).append('\n');
        figures(c).forEach((name, pair) -> t.append("  ").append(name).append(": ").append(pair[0]).append(" / ").append(pair[1]).append('\n'));
        t.append('\n').append(w.t("Topics", "주제")).append('\n');
        for (Rise r : c.topics()) {
            t.append("  ").append(r.name()).append(": ").append(r.now()).append(" (").append(signed(r.delta())).append(")\n");
        }
        t.append('\n').append(w.t("New words rising", "새로 늘어난 단어")).append('\n');
        for (Rise r : c.words()) {
            t.append("  ").append(r.name()).append(": ").append(r.now()).append(" (").append(signed(r.delta())).append(")\n");
        }
        return t.toString();
    }

    private void voices(StringBuilder t, List<Voice> voices) {
        if (voices.isEmpty()) {
            t.append(w.t("  none\n", "  없음\n"));
        }
        for (Voice v : voices) {
            t.append("  ").append(Reference.of(v.rated().itemId())).append("  ").append("★".repeat(v.rated().rating())).append("  ")
                    .append(v.rated().who()).append(": \"").append(flat(v.rated().words())).append("\"\n");
            if (v.answer() != null) {
                t.append("    ").append(w.t("Answer", "답변")).append(" (").append(v.answeredBy()).append("): ").append(flat(v.answer())).append('\n');
            }
        }
        t.append('\n');
    }

    private Map<String, String[]> figures(Content c) {
        Map<String, String[]> f = new LinkedHashMap<>();
        f.put(w.t("came in", "접수"), new String[] {"" + c.now().received(), "" + c.before().received()});
        f.put(w.t("answered", "답변"), new String[] {"" + c.now().answered(), "" + c.before().answered()});
        f.put(w.t("median time to first answer", "첫 답변 중앙값"),
                new String[] {DigestMail.duration(c.now().medianMinutes()), DigestMail.duration(c.before().medianMinutes())});
        f.put(w.t("90th percentile", "p90"), new String[] {DigestMail.duration(c.now().p90Minutes()), DigestMail.duration(c.before().p90Minutes())});
        f.put(w.t("breach rate", "기한 초과율"), new String[] {percent(c.now().breachRate()), percent(c.before().breachRate())});
        f.put(w.t("mean rating", "평균 평점"), new String[] {mean(c.now().ratingMean()), mean(c.before().ratingMean())});
        return f;
    }

    /** A printable page (also the mail's HTML part): two columns of voices, the figures, the rises. */
    public String html(Content c) {
        StringBuilder h = new StringBuilder("<!doctype html><html><head><meta charset=\"utf-8\"><title>")
                .append(Html.escape(w.t("Town hall ", "타운홀 ") + c.from() + " – " + c.to()))
                .append("</title></head><body style=\"font-family:-apple-system,Segoe UI,Roboto,'Apple SD Gothic Neo','Malgun Gothic',"
                        + "sans-serif;color:#222;max-width:960px;margin:24px auto;padding:0 16px\">");
        h.append("<h1 style=\"font-size:24px\">").append(Html.escape(w.t("Town hall ", "타운홀 "))).append(c.from()).append(" – ")
                .append(c.to()).append("</h1>");
        h.append("<table width=\"100%\" cellpadding=\"8\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr>")
                .append("<td width=\"50%\" style=\"vertical-align:top;background:#ecfdf5\"><h2 style=\"font-size:17px\">")
                .append(Html.escape(w.t("Most satisfied", "가장 만족한 고객"))).append("</h2>").append(voicesHtml(c.satisfied())).append("</td>")
                .append("<td width=\"50%\" style=\"vertical-align:top;background:#fef2f2\"><h2 style=\"font-size:17px\">")
                .append(Html.escape(w.t("Most unsatisfied", "가장 불만족한 고객"))).append("</h2>").append(voicesHtml(c.unsatisfied()))
                .append("</td></tr></table>");
        h.append("<h2 style=\"font-size:17px\">").append(Html.escape(w.t("Figures", "지표"))).append("</h2>")
                .append("<table cellpadding=\"6\" cellspacing=\"0\" style=\"border-collapse:collapse\"><tr><th></th><th align=\"right\">")
                .append(Html.escape(w.t("this period", "이번 기간"))).append("</th><th align=\"right\">")
                .append(Html.escape(w.t("the one before", "지난 기간"))).append("</th></tr>");
        figures(c).forEach((name, pair) -> h.append("<tr style=\"border-top:1px solid #ddd\"><td>").append(Html.escape(name))
                .append("</td><td align=\"right\"><b>").append(Html.escape(pair[0])).append("</b></td><td align=\"right\">")
                .append(Html.escape(pair[1])).append("</td></tr>"));
        h.append("</table>");
        rises(h, w.t("Topics", "주제"), c.topics());
        rises(h, w.t("New words rising", "새로 늘어난 단어"), c.words());
        return h.append("</body></html>").toString();
    }

    private void rises(StringBuilder h, String title, List<Rise> rises) {
        h.append("<h2 style=\"font-size:17px\">").append(Html.escape(title)).append("</h2><table cellpadding=\"4\" cellspacing=\"0\" width=\"100%\">");
        long most = rises.stream().mapToLong(Rise::now).max().orElse(1);
        for (Rise r : rises) {
            h.append("<tr><td width=\"160\">").append(Html.escape(r.name())).append("</td><td>")
                    .append(DigestMail.htmlBar(r.now(), most, "#6366f1")).append("</td><td width=\"90\" align=\"right\">").append(r.now())
                    .append(" (").append(signed(r.delta())).append(")</td></tr>");
        }
        if (rises.isEmpty()) {
            h.append("<tr><td>").append(Html.escape(w.t("none", "없음"))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private String voicesHtml(List<Voice> voices) {
        StringBuilder h = new StringBuilder();
        if (voices.isEmpty()) {
            h.append("<p>").append(Html.escape(w.t("none", "없음"))).append("</p>");
        }
        for (Voice v : voices) {
            h.append("<p style=\"margin:0 0 12px\"><span style=\"color:#d97706\">").append("★".repeat(v.rated().rating()))
                    .append("</span> <b>").append(Html.escape(v.rated().who())).append("</b> <small>")
                    .append(Reference.of(v.rated().itemId())).append("</small><br>&ldquo;").append(Html.escape(flat(v.rated().words())))
                    .append("&rdquo;");
            if (v.answer() != null) {
                h.append("<br><small>").append(Html.escape(w.t("Answer", "답변") + " (" + v.answeredBy() + "): " + flat(v.answer())))
                        .append("</small>");
            }
            h.append("</p>");
        }
        return h.toString();
    }

    private static String flat(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s+", " ");
    }

    private static String signed(long n) {
        return n > 0 ? "+" + n : Long.toString(n);
    }

    private static String percent(Double rate) {
        return rate == null ? "-" : Math.round(rate * 100) + "%";
    }

    private static String mean(Double m) {
        return m == null ? "-" : String.format("%.1f", m);
    }
}
