package dev.qmark.staffapi;

import dev.qmark.core.ports.SweepList;
import dev.qmark.core.ports.ReviewQueue;
import dev.qmark.aws.lambda.HttpApiRequest;
import dev.qmark.aws.lambda.HttpApiResponse;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.ports.FeedbackRepository;
import dev.qmark.core.ports.Suppressions;
import java.util.List;
import java.util.Set;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Answers the staff routes from the table's ports (read only); every refusal names the parameter at fault. */
final class StaffApi {

    static final int DEFAULT_LIMIT = 25;
    static final int MAX_LIMIT = 100;
    private static final Pattern ONE = Pattern.compile("/feedback/([^/]+)/?");

    private final FeedbackRepository feedbackItems;
    private final SweepList sweepList;
    private final ReviewQueue review;
    private final CustomerLetters letters;
    private final Suppressions suppressions;

    /**
     * @param letters what was written to customers, shown on {@code GET /feedback/{id}}
     * @param suppressions escalations flag an owner address that bounced hard (or complained)
     */
    StaffApi(FeedbackRepository feedbackItems, SweepList sweepList, ReviewQueue review, CustomerLetters letters,
             Suppressions suppressions) {
        this.feedbackItems = feedbackItems;
        this.sweepList = sweepList;
        this.review = review;
        this.letters = letters;
        this.suppressions = suppressions;
    }

    HttpApiResponse handle(HttpApiRequest request) {
        if (!request.method().equalsIgnoreCase("GET")) {
            return HttpApiResponse.error(405, "the staff API is read-only: use GET", null);
        }
        String path = request.rawPath() == null ? "" : request.rawPath();
        if (path.equals("/feedback") || path.equals("/feedback/")) {
            return list(request);
        }
        if (path.equals("/escalations") || path.equals("/escalations/")) {
            return escalations(request);
        }
        if (path.equals("/review") || path.equals("/review/")) {
            return review(request);
        }
        Matcher one = ONE.matcher(path);
        if (one.matches()) {
            return one(request.path("id") != null ? request.path("id") : one.group(1));
        }
        return HttpApiResponse.error(404, "no such resource: " + path, null);
    }

    private HttpApiResponse one(String id) {
        if (!FeedbackIds.isWellFormed(id)) {
            return HttpApiResponse.error(404, "no feedback with id " + id, "id");
        }
        return feedbackItems.findRecord(id)
                .map(record -> {
                    Map<String, Object> view = new java.util.LinkedHashMap<>(FeedbackViews.detail(record));
                    if (letters != null) {
                        view.put("letters", FeedbackViews.letters(letters.letters(id), letters.ratings(id)));
                    }
                    return HttpApiResponse.json(200, view);
                })
                .orElseGet(() -> HttpApiResponse.error(404, "no feedback with id " + id, "id"));
    }

    /**
     * {@code GET /escalations?status=open|late|stuck&owner=&due-before=&limit=}: the clocks that run or
     * ran out, and those the sweeper set aside after failing on them (with why and how often).
     */
    private HttpApiResponse escalations(HttpApiRequest request) {
        EscalationStatus status = null;
        boolean stuck = false;
        String statusText = request.query("status");
        if (statusText != null && !statusText.isBlank()) {
            stuck = statusText.strip().equals("stuck");
            status = switch (statusText.strip()) {
                case "open" -> EscalationStatus.OPEN;
                case "late" -> EscalationStatus.LATE;
                default -> null;
            };
            if (status == null && !stuck) {
                return HttpApiResponse.error(400, "status must be open, late or stuck (answered ones: "
                        + "GET /feedback?status=answered)", "status");
            }
        }
        Instant dueBefore = null;
        String dueText = request.query("due-before");
        if (dueText != null && !dueText.isBlank()) {
            try {
                dueBefore = Instant.parse(dueText.strip());
            } catch (DateTimeParseException e) {
                return HttpApiResponse.error(400, "due-before must be an ISO-8601 instant such as 2026-11-23T18:00:00Z",
                        "due-before");
            }
        }
        Integer limit = limit(request);
        if (limit == null) {
            return limitRefused();
        }
        String owner = request.query("owner");
        owner = owner == null || owner.isBlank() ? null : owner.strip();
        Instant before = dueBefore;
        var found = stuck ? sweepList.stuckEscalations(owner, Integer.MAX_VALUE).stream()
                .filter(e -> before == null || e.dueAt().isBefore(before)).limit(limit).toList()
                : sweepList.escalations(status, owner, dueBefore, limit);
        // one read of the (small) suppression list flags every owner Qmark cannot reach
        Set<String> suppressed = suppressions.addresses();
        List<Map<String, Object>> items = found.stream().map(e -> {
            Map<String, Object> view = FeedbackViews.escalation(e);
            view.put("ownerUndeliverable", e.ownerEmail() != null
                    && suppressed.contains(e.ownerEmail().toLowerCase(java.util.Locale.ROOT)));
            return view;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", items);
        body.put("undeliverableAddresses", suppressed);
        return HttpApiResponse.json(200, body);
    }

    /** {@code GET /review?limit=&cursor=}: mails kept instead of applied, newest first, paged as {@code /feedback} is. */
    private HttpApiResponse review(HttpApiRequest request) {
        Integer limit = limit(request);
        if (limit == null) {
            return limitRefused();
        }
        ReviewQueue.ReviewPage page;
        try {
            page = review.reviewItems(limit, request.query("cursor"));
        } catch (IllegalArgumentException e) {
            return HttpApiResponse.error(400, e.getMessage(), "cursor");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items());
        body.put("cursor", page.cursor());
        return HttpApiResponse.json(200, body);
    }

    private static HttpApiResponse limitRefused() {
        return HttpApiResponse.error(400, "limit must be a whole number from 1 to " + MAX_LIMIT, "limit");
    }

    /** The limit parameter, the default when absent, or null when it is not a number from 1 to MAX_LIMIT. */
    private static Integer limit(HttpApiRequest request) {
        String text = request.query("limit");
        if (text == null || text.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(text.strip());
            return limit >= 1 && limit <= MAX_LIMIT ? limit : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private HttpApiResponse list(HttpApiRequest request) {
        FeedbackStatus status = null;
        String statusText = request.query("status");
        if (statusText != null && !statusText.isBlank()) {
            try {
                status = FeedbackStatus.fromWire(statusText.strip());
            } catch (IllegalArgumentException e) {
                return HttpApiResponse.error(400, "status must be one of " + Arrays.stream(FeedbackStatus.values())
                        .map(FeedbackStatus::wireName).toList(), "status");
            }
        }
        Integer limit = limit(request);
        if (limit == null) {
            return limitRefused();
        }
        String customer = request.query("customer");
        customer = customer == null || customer.isBlank() ? null : customer.strip().toLowerCase(Locale.ROOT);
        FeedbackRepository.Page page;
        try {
            page = feedbackItems.list(status, customer, limit, request.query("cursor"));
        } catch (IllegalArgumentException e) {
            return HttpApiResponse.error(400, e.getMessage(), "cursor");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("items", page.items().stream().map(FeedbackViews::summary).toList());
        body.put("cursor", page.cursor());
        return HttpApiResponse.json(200, body);
    }
}
