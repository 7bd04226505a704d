package dev.qmark.staffapi;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.ports.CustomerLetters;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.TimelineEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON shapes of the staff API: stable field names, times in ISO-8601 UTC, no nulls hidden. */
final class FeedbackViews {

    private FeedbackViews() {
    }

    static Map<String, Object> summary(Feedback f) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", f.id());
        view.put("status", f.status().wireName());
        view.put("channel", f.channel().wireName());
        view.put("customer", Map.of("name", nullToEmpty(f.customer().name()), "email", f.customer().email()));
        view.put("subject", f.subject());
        view.put("title", f.title());
        view.put("rating", f.rating());
        view.put("receivedAt", f.receivedAt());
        view.put("owner", f.route() == null ? null : f.route().owner());
        view.put("dueAt", f.route() == null ? null : f.route().dueAt());
        return view;
    }

    static Map<String, Object> detail(FeedbackRecord record) {
        Feedback f = record.feedback();
        Map<String, Object> view = summary(f);
        view.put("message", f.message());
        // what a customer's mail carried besides its text; the files themselves stay in the raw mail in S3
        view.put("attachments", f.attachments().stream().map(FeedbackViews::attachment).toList());
        if (f.route() != null) {
            Map<String, Object> route = new LinkedHashMap<>();
            route.put("name", f.route().route());
            route.put("owner", f.route().owner());
            route.put("answerWithin", f.route().answerWithin().toString());
            route.put("dueAt", f.route().dueAt());
            route.put("decidedAt", f.route().decidedAt());
            view.put("route", route);
        } else {
            view.put("route", null);
        }
        view.put("escalations", record.escalations().stream().map(FeedbackViews::escalation).toList());
        // the chain so far: who was asked, in order
        view.put("chain", record.escalations().stream().map(Escalation::owner).toList());
        view.put("timeline", record.timeline().stream().map(FeedbackViews::event).toList());
        return view;
    }

    /**
     * What was written to the customer (who, when, the text) with the customer's rating and comment
     * of each (issue 9): {@code letters: [{"step","writer","writerEmail","at","text","rating","comment"}]}.
     */
    static List<Map<String, Object>> letters(List<CustomerLetters.Letter> letters, List<CustomerLetters.Rating> ratings) {
        return letters.stream().map(letter -> {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("step", letter.step());
            view.put("writer", letter.writerName());
            view.put("writerEmail", letter.writerEmail());
            view.put("at", letter.at().toString());
            view.put("text", letter.text());
            ratings.stream().filter(r -> r.letterKey().equals(letter.key())).findFirst().ifPresent(r -> {
                view.put("rating", r.score());
                view.put("comment", r.comment());
                view.put("ratedAt", r.at().toString());
            });
            return view;
        }).toList();
    }

    static Map<String, Object> escalation(Escalation e) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", e.id());
        view.put("feedbackId", e.feedbackId());
        view.put("step", e.step());
        view.put("owner", e.owner());
        view.put("ownerEmail", e.ownerEmail());
        // null: stored by a version that wrote what this one cannot read (the sweeper sets it aside)
        view.put("status", e.status() == null ? "unreadable" : e.status().wireName());
        view.put("askedAt", e.askedAt());
        view.put("dueAt", e.dueAt());
        view.put("answeredAt", e.answeredAt());
        view.put("answer", e.answer());
        view.put("answeredBy", e.answeredBy());
        view.put("lateBy", e.lateBy() == null ? null : e.lateBy().toString());
        view.put("breachedAt", e.breachedAt());
        view.put("reminders", e.reminderTimes());
        view.put("remindersSent", e.remindersSent());
        if (e.sweep().failures() > 0 || e.sweep().stuck()) {
            // the sweeper failed on it: why, how often, and whether it gave up (status=stuck lists those)
            view.put("stuck", e.sweep().stuck());
            view.put("stuckAt", e.sweep().stuckAt());
            view.put("failures", e.sweep().failures());
            view.put("reason", e.sweep().problem());
            view.put("failedAt", e.sweep().failedAt());
            view.put("nextCheckAt", e.sweep().stuck() ? null : e.sweep().nextCheckAt());
        }
        if (e.status() == dev.qmark.core.escalation.EscalationStatus.ORPHANED && e.handedOn() != null) {
            view.put("orphanedTo", e.handedOn().to());
            view.put("note", e.handedOn().note());
        }
        if ((e.status() == dev.qmark.core.escalation.EscalationStatus.UNDELIVERABLE
                || e.status() == dev.qmark.core.escalation.EscalationStatus.AWAY) && e.handedOn() != null) {
            // mail to the owner bounced, or they were away: to whom it went at once, and why
            view.put("passedOnTo", e.handedOn().to());
            view.put("note", e.handedOn().note());
            view.put("backAt", e.handedOn().backAt());
        }
        if ((e.status() == dev.qmark.core.escalation.EscalationStatus.ANSWERED
                || e.status() == dev.qmark.core.escalation.EscalationStatus.ANSWERED_LATE) && e.handedOn() != null) {
            // the founder sent this answer back: the same owner was asked again as step toStep
            Map<String, Object> sentBack = new LinkedHashMap<>();
            sentBack.put("by", e.handedOn().by());
            sentBack.put("at", e.handedOn().at());
            sentBack.put("toStep", e.handedOn().toStep());
            sentBack.put("note", e.handedOn().note());
            view.put("sentBack", sentBack);
        }
        return view;
    }

    private static Map<String, Object> attachment(Feedback.Attachment a) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("name", a.fileName());
        view.put("type", a.contentType());
        view.put("size", a.size());
        return view;
    }

    private static Map<String, Object> event(TimelineEvent event) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("at", event.at());
        view.put("type", event.type());
        view.put("detail", event.detail());
        return view;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
