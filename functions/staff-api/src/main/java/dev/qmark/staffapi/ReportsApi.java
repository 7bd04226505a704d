package dev.qmark.staffapi;

import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.core.reports.Stats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The founder's figures for tools ({@code GET /stats}) and the town-hall report as a printable
 * page ({@code GET /reports/town-hall}). Both read the daily aggregates only.
 */
final class ReportsApi {

    private final Stats stats;
    /** The town-hall page for a period (from, to), both days included. */
    private final BiFunction<LocalDate, LocalDate, String> townHall;

    ReportsApi(Stats stats, BiFunction<LocalDate, LocalDate, String> townHall) {
        this.stats = stats;
        this.townHall = townHall;
    }

    static boolean serves(String path) {
        return path != null && (path.equals("/stats") || path.equals("/stats/") || path.startsWith("/reports/"));
    }

    HttpApiResponse handle(HttpApiRequest request) {
        if (!request.method().equalsIgnoreCase("GET")) {
            return HttpApiResponse.error(405, "the staff API is read-only: use GET", null);
        }
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(required(request, "from"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return HttpApiResponse.error(400, "from must be a day such as 2026-11-01", "from");
        }
        try {
            to = LocalDate.parse(required(request, "to"));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return HttpApiResponse.error(400, "to must be a day such as 2026-11-30", "to");
        }
        if (to.isBefore(from) || to.toEpochDay() - from.toEpochDay() >= Stats.MAX_DAYS) {
            return HttpApiResponse.error(400, "to must be on or after from, at most " + Stats.MAX_DAYS + " days in all", "to");
        }
        String path = request.rawPath();
        if (path.startsWith("/reports/town-hall")) {
            return HttpApiResponse.html(200, townHall.apply(from, to));
        }
        if (path.startsWith("/reports/")) {
            return HttpApiResponse.error(404, "no such report: " + path, null);
        }
        String by = request.query("by") == null || request.query("by").isBlank() ? "all" : request.query("by").strip();
        if (!Stats.DIMENSIONS.contains(by)) {
            return HttpApiResponse.error(400, "by must be owner, route, topic or channel", "by");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("from", from.toString());
        body.put("to", to.toString());
        body.put("by", by);
        body.put("groups", stats.groups(from, to, by));
        return HttpApiResponse.json(200, body);
    }

    private static String required(HttpApiRequest request, String name) {
        String value = request.query(name);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name);
        }
        return value.strip();
    }
}
