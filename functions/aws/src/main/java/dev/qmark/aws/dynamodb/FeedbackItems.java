package dev.qmark.aws.dynamodb;

import dev.qmark.core.escalation.Escalation;
import dev.qmark.core.escalation.EscalationStatus;
import dev.qmark.core.escalation.HandOn;
import dev.qmark.core.escalation.SweepState;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Customer;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackStatus;
import dev.qmark.core.feedback.RouteDecision;
import dev.qmark.core.feedback.TimelineEvent;
import dev.qmark.core.intake.StuckFeedback;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** How the domain's records look as items of the single table (see {@link QmarkTable}). */
final class FeedbackItems {

    static final String ITEM = "ITEM";
    static final String FEEDBACK_LIST = "FEEDBACK";
    static final String REVIEW_LIST = "REVIEW";
    /** The sweeper's partition of the deadline index. */
    static final String OPEN_SHARD = "OPEN";
    /** Breached escalations, kept findable for GET /escalations?status=late. */
    static final String LATE_SHARD = "LATE";
    /** Feedback not asked yet, by its next recovery check (see DynamoUnfinishedFeedback). */
    static final String UNFINISHED_FEEDBACK_SHARD = "FEEDBACK";
    /** Escalations the sweeper failed on too often: off its list, findable for GET /escalations?status=stuck. */
    static final String STUCK_SHARD = "STUCK";

    private FeedbackItems() {
    }

    static String pk(String feedbackId) {
        return "FB#" + feedbackId;
    }

    /**
     * On an escalation: the route its item was asked under, kept by the claim of the "?" (nothing reads
     * it but the figures, for an item read before its ASKED recorded the route).
     */
    static final String ASKED_UNDER_ROUTE = "askedUnderRoute";

    static String escalationSk(int step) {
        return String.format("ESC#%03d", step);
    }

    /** A one-off notice about the item (see {@link DynamoMailClaims}). */
    static String noticeSk(String key) {
        return "NOTICE#" + key;
    }

    static String listSk(Feedback feedback) {
        return StoredTime.format(feedback.receivedAt()) + "#" + feedback.id();
    }

    static Map<String, AttributeValue> feedback(Feedback f) {
        return Item.create()
                .s(QmarkTable.PK, pk(f.id())).s(QmarkTable.SK, ITEM).s("type", "feedback")
                .s("id", f.id()).s("channel", f.channel().wireName())
                .s("customerName", f.customer().name()).s("customer", f.customer().email())
                .s("subject", f.subject()).s("message", f.message()).n("rating", f.rating())
                .time("receivedAt", f.receivedAt()).s("status", f.status().wireName())
                .s("listPk", FEEDBACK_LIST).s("listSk", listSk(f))
                .attachments("attachments", f.attachments())
                // a route decided before the item is stored (a forward to an owner) is stored with it
                .s("route", f.route() == null ? null : f.route().route())
                .s("owner", f.route() == null ? null : f.route().owner())
                .s("answerWithin", f.route() == null ? null : f.route().answerWithin().toString())
                .time("routeDueAt", f.route() == null ? null : f.route().dueAt())
                .time("routedAt", f.route() == null ? null : f.route().decidedAt())
                // on the recovery's list until asked; the first check leaves normal routing its time
                .s("deadlineShard", f.status() == FeedbackStatus.RECEIVED ? UNFINISHED_FEEDBACK_SHARD : null)
                .time("nextCheckAt", f.status() == FeedbackStatus.RECEIVED ? f.receivedAt().plus(StuckFeedback.FIRST_CHECK) : null)
                .build();
    }

    static Feedback feedback(Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        RouteDecision route = item.s("route") == null ? null : new RouteDecision(item.s("route"), item.s("owner"),
                Duration.parse(item.s("answerWithin")), item.time("routeDueAt"), item.time("routedAt"));
        return new Feedback(item.s("id"), Channel.fromWire(item.s("channel")),
                new Customer(item.s("customerName"), item.s("customer")), item.s("subject"), item.s("message"),
                item.integer("rating"), item.time("receivedAt"), FeedbackStatus.fromWire(item.s("status")), route,
                item.attachments("attachments"));
    }

    static Map<String, AttributeValue> escalation(Escalation e) {
        return Item.create()
                .s(QmarkTable.PK, pk(e.feedbackId())).s(QmarkTable.SK, escalationSk(e.step())).s("type", "escalation")
                .s("feedbackId", e.feedbackId()).n("step", e.step()).s("owner", e.owner()).s("ownerEmail", e.ownerEmail())
                .s("status", e.status().wireName()).time("askedAt", e.askedAt()).time("dueAt", e.dueAt())
                .time("answeredAt", e.answeredAt()).s("answer", e.answer()).s("answeredBy", e.answeredBy())
                .build();
    }

    static Escalation escalation(Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        Integer sent = item.integer("remindersSent");
        return new Escalation(item.s("feedbackId"), item.integer("step"), item.s("owner"), item.s("ownerEmail"),
                EscalationStatus.fromWire(item.s("status")), item.time("askedAt"), item.time("dueAt"),
                item.time("answeredAt"), item.s("answer"), item.s("answeredBy"), item.times("reminderTimes"),
                sent == null ? 0 : sent, item.time("breachedAt"), handOn(item), sweepState(item));
    }

    /**
     * An escalation read from the deadline index, even one this version cannot read (a status a
     * newer version wrote, a damaged attribute): then only its keys and sweeper state, status null
     * and the reason as its sweep problem, so the sweeper postpones it and sets it aside like any
     * failing item instead of failing every sweep on it, and the listings still show it.
     */
    static Escalation indexedEscalation(Map<String, AttributeValue> values) {
        try {
            return escalation(values);
        } catch (RuntimeException unreadable) {
            Item item = Item.of(values);
            String pk = item.s(QmarkTable.PK);
            String sk = item.s(QmarkTable.SK);
            SweepState sweep;
            try {
                sweep = sweepState(item);
            } catch (RuntimeException alsoUnreadable) {
                sweep = SweepState.NONE;
            }
            return new Escalation(pk.substring(pk.indexOf('#') + 1), Integer.parseInt(sk.substring(sk.indexOf('#') + 1)),
                    item.s("owner"), item.s("ownerEmail"), null, null, null, null, null, null, null, 0, null, null,
                    new SweepState(sweep.nextCheckAt(), sweep.failures(), "unreadable escalation: " + unreadable,
                            sweep.failedAt(), sweep.stuckAt()));
        }
    }

    /** Written by {@link DynamoSweepList#postponeCheck}; nextCheckAt by every clock change. */
    private static SweepState sweepState(Item item) {
        Integer failures = item.integer("sweepFailures");
        return new SweepState(item.time("nextCheckAt"), failures == null ? 0 : failures, item.s("sweepProblem"),
                item.time("sweepFailedAt"), item.time("stuckAt"));
    }

    /** Written by {@link DynamoEscalations#recordHandOn}; null on escalations not handed on. */
    private static HandOn handOn(Item item) {
        if (item.s("handedTo") == null) {
            return null;
        }
        return new HandOn(item.s("handedTo"), item.integer("handedToStep"), item.time("handedToDueAt"),
                item.time("handedOnAt"), item.s("handedOnBy"), item.s("handOnNote"), item.s("handOnMailId"),
                item.time("ownerBackAt"));
    }

    static Map<String, AttributeValue> event(String feedbackId, TimelineEvent event) {
        return Item.create()
                .s(QmarkTable.PK, pk(feedbackId))
                .s(QmarkTable.SK, "EVT#" + StoredTime.format(event.at()) + "#" + event.type())
                .s("type", "event").time("at", event.at()).s("kind", event.type()).s("detail", event.detail())
                .build();
    }

    static TimelineEvent event(Map<String, AttributeValue> values) {
        Item item = Item.of(values);
        return new TimelineEvent(item.time("at"), item.s("kind"), item.s("detail"));
    }
}
