package dev.qmark.emulators;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What SES does after it accepted a mail sent with a configuration set, as its mailbox simulator
 * shows it: events in the shape SES publishes to EventBridge ({@code source: aws.ses},
 * {@code detail-type: "Email Bounced"}, ..., {@code detail}: the event record), per recipient:
 * <ul>
 *   <li>{@code success@simulator.amazonses.com} (and every other address): Send, Delivery;</li>
 *   <li>{@code bounce@}: Send, Bounce (Permanent/General, 550 5.1.1);</li>
 *   <li>{@code complaint@}: Send, Delivery, Complaint (abuse);</li>
 *   <li>{@code suppressionlist@}: Send, Bounce (Permanent/OnAccountSuppressionList);</li>
 *   <li>{@code ooto@}: Send, Delivery, and an out-of-office reply to the Reply-To address (else the sender).</li>
 * </ul>
 * Like the account-level suppression list, an address that bounced hard or complained here bounces
 * (OnAccountSuppressionList) on every later send. Mail sent without a configuration set publishes nothing.
 * Every event's {@code mail.tags} holds, as SES's, its auto-tags ({@code ses:configuration-set},
 * {@code ses:source-ip}, {@code ses:from-domain}, {@code ses:caller-identity}) and the message tags the
 * mail was sent with ({@code EmailTags}), each name with a list of one value.
 */
final class MailboxSimulator {

    static final String DOMAIN = "simulator.amazonses.com";
    static final String ACCOUNT = "000000000000";
    private static final Logger LOG = LoggerFactory.getLogger(MailboxSimulator.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<Consumer<String>> eventListeners = new CopyOnWriteArrayList<>();
    private volatile MailDelivery autoReplies;
    private final Set<String> suppressed = ConcurrentHashMap.newKeySet();
    private final java.util.concurrent.ScheduledExecutorService replies =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "ses-simulator-replies");
                thread.setDaemon(true);
                return thread;
            });

    void onEvent(Consumer<String> listener) {
        eventListeners.add(listener);
    }

    void onAutoReply(MailDelivery delivery) {
        this.autoReplies = delivery;
    }

    /** A mail SES accepted with {@code configurationSet} (null: no events, as SES) and its message tags. */
    void accepted(OutboxMail mail, List<String> destination, String configurationSet, Map<String, String> messageTags) {
        if (configurationSet == null || configurationSet.isBlank()) {
            return;
        }
        Map<String, String> tags = new LinkedHashMap<>();
        tags.put("ses:configuration-set", configurationSet);
        tags.put("ses:source-ip", "127.0.0.1");
        tags.put("ses:from-domain", mail.from().substring(mail.from().indexOf('@') + 1));
        tags.put("ses:caller-identity", "qmark-local");
        tags.putAll(messageTags);
        accepted(mail, destination, tags);
    }

    private void accepted(OutboxMail mail, List<String> destination, Map<String, String> tags) {
        publish(event(mail, destination, tags, "Send", null));
        for (String recipient : destination) {
            String address = recipient.toLowerCase(Locale.ROOT);
            String local = address.endsWith("@" + DOMAIN) ? address.substring(0, address.indexOf('@')) : "";
            if (suppressed.contains(address) || local.startsWith("suppressionlist")) {
                publish(bounce(mail, destination, tags, address, "OnAccountSuppressionList",
                        "Amazon SES did not send the message to this address because it is on the suppression list for your account."));
            } else if (local.startsWith("bounce")) {
                suppressed.add(address);
                publish(bounce(mail, destination, tags, address, "General", "smtp; 550 5.1.1 user unknown"));
            } else {
                ObjectNode delivery = JSON.createObjectNode();
                delivery.put("timestamp", now()).put("processingTimeMillis", 1).put("smtpResponse", "250 2.6.0 Message received")
                        .put("reportingMTA", "a8-70.smtp-out.amazonses.com").putArray("recipients").add(address);
                publish(event(mail, destination, tags, "Delivery", delivery));
                if (local.startsWith("complaint")) {
                    suppressed.add(address);
                    ObjectNode complaint = JSON.createObjectNode();
                    complaint.putArray("complainedRecipients").addObject().put("emailAddress", address);
                    complaint.put("timestamp", now()).put("feedbackId", UUID.randomUUID().toString())
                            .put("complaintFeedbackType", "abuse").put("userAgent", "Amazon SES Mailbox Simulator");
                    publish(event(mail, destination, tags, "Complaint", complaint));
                } else if (local.startsWith("ooto")) {
                    autoReply(mail, address);
                }
            }
        }
    }

    private ObjectNode bounce(OutboxMail mail, List<String> destination, Map<String, String> tags, String address,
                              String subType, String diagnostic) {
        ObjectNode bounce = JSON.createObjectNode();
        bounce.put("feedbackId", UUID.randomUUID().toString()).put("bounceType", "Permanent").put("bounceSubType", subType);
        bounce.putArray("bouncedRecipients").addObject().put("emailAddress", address).put("action", "failed")
                .put("status", "5.1.1").put("diagnosticCode", diagnostic);
        bounce.put("timestamp", now()).put("reportingMTA", "dns; amazonses.com");
        return event(mail, destination, tags, "Bounce", bounce);
    }

    /** The EventBridge event: envelope, and the record SES writes for {@code eventType} as its detail. */
    private static ObjectNode event(OutboxMail mail, List<String> destination, Map<String, String> tags, String eventType,
                                    ObjectNode body) {
        ObjectNode event = JSON.createObjectNode();
        event.put("version", "0").put("id", UUID.randomUUID().toString()).put("detail-type", detailType(eventType))
                .put("source", "aws.ses").put("account", ACCOUNT).put("time", now()).put("region", EmbeddedAws.REGION);
        event.putArray("resources").add("arn:aws:ses:" + EmbeddedAws.REGION + ":" + ACCOUNT + ":configuration-set/"
                + tags.get("ses:configuration-set"));
        ObjectNode detail = event.putObject("detail");
        detail.put("eventType", eventType);
        ObjectNode record = detail.putObject("mail");
        record.put("timestamp", mail.sentAt().toString()).put("source", mail.from()).put("sendingAccountId", ACCOUNT)
                .put("messageId", mail.messageId()).put("headersTruncated", false);
        ArrayNode to = record.putArray("destination");
        destination.forEach(to::add);
        ObjectNode tagged = record.putObject("tags");
        tags.forEach((name, value) -> tagged.putArray(name).add(value));
        if (body != null) {
            detail.set(switch (eventType) {
                case "Bounce" -> "bounce";
                case "Complaint" -> "complaint";
                case "Delivery" -> "delivery";
                default -> eventType.toLowerCase(Locale.ROOT);
            }, body);
        } else if (eventType.equals("Send")) {
            detail.putObject("send");
        }
        return event;
    }

    private static String detailType(String eventType) {
        return switch (eventType) {
            case "Send" -> "Email Sent";
            case "Delivery" -> "Email Delivered";
            case "Bounce" -> "Email Bounced";
            case "Complaint" -> "Email Complaint Received";
            case "Reject" -> "Email Rejected";
            case "DeliveryDelay" -> "Email Delivery Delayed";
            default -> "Email " + eventType;
        };
    }

    private void publish(ObjectNode event) {
        String json = event.toString();
        for (Consumer<String> listener : eventListeners) {
            try {
                listener.accept(json);
            } catch (RuntimeException e) {
                LOG.warn("an SES event listener failed", e);
            }
        }
    }

    /** The out-of-office reply ooto@ sends, as a mail client would: RFC 3834 headers, a return date. */
    private void autoReply(OutboxMail mail, String from) {
        MailDelivery delivery = autoReplies;
        if (delivery == null) {
            return;
        }
        String to = mail.replyTo().isEmpty() ? mail.from() : mail.replyTo().get(0);
        String back = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH)
                .format(Instant.now().plusSeconds(3 * 86400).atZone(ZoneOffset.UTC));
        String inReplyTo = mail.header("message-id");
        List<String> lines = new ArrayList<>(List.of(
                "From: " + from,
                "To: " + to,
                "Subject: Automatic reply: " + (mail.subject() == null ? "" : mail.subject().replaceAll("[\\r\\n]", " ")),
                "Date: " + DateTimeFormatter.RFC_1123_DATE_TIME.format(Instant.now().atZone(ZoneOffset.UTC)),
                "Message-ID: <" + UUID.randomUUID() + "@" + DOMAIN + ">",
                "Auto-Submitted: auto-replied",
                "MIME-Version: 1.0",
                "Content-Type: text/plain; charset=UTF-8"));
        if (inReplyTo != null) {
            lines.add("In-Reply-To: " + inReplyTo);
        }
        String raw = String.join("\r\n", lines) + "\r\n\r\nI am out of the office until " + back
                + " with no access to mail. For anything urgent, please contact my team.\r\n";
        // later, as a mail server answers: never inside the SendEmail call that caused it
        replies.schedule(() -> {
            try {
                delivery.deliver("", List.of(to), raw.getBytes(StandardCharsets.UTF_8));
            } catch (Exception e) {
                LOG.warn("the simulated out-of-office reply was not taken", e);
            }
        }, 500, java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    private static String now() {
        return Instant.now().toString();
    }
}
