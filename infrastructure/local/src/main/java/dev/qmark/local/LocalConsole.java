package dev.qmark.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.lambda.FormUrlEncoded;
import dev.qmark.emulators.OutboxMail;
import dev.qmark.emulators.SesStandIn;
import dev.qmark.local.pages.MailView;
import dev.qmark.local.pages.MailboxPage;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The local system's own routes under {@code /_local/}, which do not exist in AWS: the SES
 * outbox as JSON, a mailbox page where a person reads each mail and answers it, the clock
 * ({@code POST /_local/clock}) and a sweep on demand ({@code POST /_local/sweep}). Requests that
 * change something are refused when a browser says they come from another origin ({@link SameOrigin}).
 */
final class LocalConsole implements HttpHandler {

    private static final Logger LOG = LoggerFactory.getLogger(LocalConsole.class);
    /** The most one {@code POST /_local/clock} may move: a leap year. */
    static final Duration MAX_ADVANCE = Duration.ofDays(366);

    /** What SES accepted, oldest first: the stand-in's outbox, or what moto or LocalStack kept. */
    private final Supplier<List<OutboxMail>> sentMail;
    private final LocalReply reply;
    private final LocalClock clock;
    private final LocalFunction sweeper;
    /** Which addresses are the staff's (the configuration's people); every other one is a customer's mailbox. */
    private final Predicate<String> staff;
    /** Runs a report now ("digest" or "town-hall") once the figures have caught up; answers what it sent. */
    private final java.util.function.Function<String, JsonNode> report;

    LocalConsole(Supplier<List<OutboxMail>> sentMail, LocalReply reply, LocalClock clock, LocalFunction sweeper,
                 Predicate<String> staff, java.util.function.Function<String, JsonNode> report) {
        this.staff = staff;
        this.sentMail = sentMail;
        this.reply = reply;
        this.clock = clock;
        this.sweeper = sweeper;
        this.report = report;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            String method = exchange.getRequestMethod();
            String refusal = method.equals("GET") ? null
                    : SameOrigin.refusal(exchange.getRequestHeaders(), exchange.getLocalAddress().getPort());
            if (refusal != null) {
                LOG.warn("{} {}: {}", method, path, refusal);
                send(exchange, 403, "application/json", Json.MAPPER.writeValueAsString(Map.of("error", refusal)));
                return;
            }
            if (path.equals("/_local/outbox") && method.equals("GET")) {
                send(exchange, 200, "application/json; charset=utf-8", SesStandIn.outboxJson(sentMail.get()));
            } else if (path.equals(MailboxPage.PATH) && method.equals("GET")) {
                Map<String, String> query = query(exchange);
                send(exchange, 200, "text/html; charset=utf-8", MailboxPage.render(views(), query.get("notice"),
                        query.get("mailbox"), staff, ZoneId.systemDefault()));
            } else if (path.equals(MailboxPage.REPLY_PATH) && method.equals("POST")) {
                answer(exchange);
            } else if (path.equals("/_local/clock") && (method.equals("POST") || method.equals("GET"))) {
                moveClock(exchange, method.equals("POST"));
            } else if (path.equals("/_local/sweep") && method.equals("POST")) {
                JsonNode report = sweeper.invoke(ScheduledEvent.now("sweeper"));
                send(exchange, 200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsString(report));
            } else if ((path.equals("/_local/digest") || path.equals("/_local/town-hall")) && method.equals("POST")) {
                JsonNode sent = report.apply(path.substring("/_local/".length()));
                send(exchange, 200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsString(sent));
            } else {
                send(exchange, 404, "application/json", "{\"message\":\"Not Found\"}");
            }
        }
    }

    /** {@code POST /_local/clock {"advance": "PT5H"}}: moves every function's clock forward; GET tells the time. */
    private void moveClock(HttpExchange exchange, boolean advance) throws IOException {
        if (advance) {
            Duration by;
            try {
                JsonNode body = Json.MAPPER.readTree(exchange.getRequestBody().readNBytes(4096));
                by = Duration.parse(body.path("advance").asText());
            } catch (IOException | RuntimeException e) {
                send(exchange, 400, "application/json", Json.MAPPER.writeValueAsString(Map.of("error",
                        "send {\"advance\": \"PT5H\"}: an ISO-8601 duration, not negative")));
                return;
            }
            // a year at a time at most: a typo such as P99999D, or adding up to beyond year 1,000,000,000,
            // would leave every function unable to tell the time until restart
            if (by.isNegative() || by.compareTo(MAX_ADVANCE) > 0) {
                send(exchange, 400, "application/json", Json.MAPPER.writeValueAsString(Map.of("error",
                        "advance must be from PT0S to " + MAX_ADVANCE.toDays() + " days (P" + MAX_ADVANCE.toDays()
                                + "D) per call; the clock never goes back", "field", "advance")));
                return;
            }
            clock.advance(by);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("now", clock.instant().toString());
        answer.put("offset", clock.offset().toString());
        send(exchange, 200, "application/json; charset=utf-8", Json.MAPPER.writeValueAsString(answer));
    }

    private void answer(HttpExchange exchange) throws IOException {
        Map<String, String> form = FormUrlEncoded.parse(new String(exchange.getRequestBody().readNBytes(1 << 20), StandardCharsets.UTF_8));
        Optional<OutboxMail> original = sentMail.get().stream()
                .filter(m -> m.messageId().equals(form.get("messageId"))).findFirst();
        String notice;
        if (original.isEmpty()) {
            notice = "No such mail: " + form.get("messageId");
        } else if (form.getOrDefault("text", "").isBlank() || form.getOrDefault("from", "").isBlank()) {
            notice = "A reply needs a sender and some text.";
        } else {
            try {
                reply.send(original.get(), form.get("from").strip(), form.get("text"));
                notice = "Reply sent from " + form.get("from").strip() + ".";
            } catch (Exception e) {
                LOG.warn("local reply failed", e);
                notice = "Reply failed: " + e.getMessage();
            }
        }
        // back to the mailbox the reply was written from
        String from = form.getOrDefault("from", "").strip();
        exchange.getResponseHeaders().set("Location", MailboxPage.PATH + "?notice="
                + URLEncoder.encode(notice, StandardCharsets.UTF_8)
                + (from.isEmpty() ? "" : "&mailbox=" + URLEncoder.encode(from, StandardCharsets.UTF_8)));
        exchange.sendResponseHeaders(303, -1);
    }

    private List<MailView> views() {
        return sentMail.get().stream().map(m -> new MailView(m.messageId(), displayedFrom(m), m.to(), m.cc(), m.replyTo(),
                m.subject(), m.text(), m.html(), m.sentAt())).toList();
    }

    /** The From header as a mail client shows it ("Jeff (via Qmark) <qmark@...>"), not only the address. */
    private static String displayedFrom(OutboxMail mail) {
        String header = mail.header("From");
        if (header == null || header.isBlank()) {
            return mail.from();
        }
        try {
            InternetAddress[] parsed = InternetAddress.parseHeader(header, false);
            if (parsed.length > 0 && parsed[0].getPersonal() != null) {
                return parsed[0].getPersonal() + " <" + parsed[0].getAddress() + ">";
            }
        } catch (AddressException e) {
            // shown as the bare address
        }
        return mail.from();
    }

    private static Map<String, String> query(HttpExchange exchange) {
        String raw = exchange.getRequestURI().getRawQuery();
        return raw == null ? Map.of() : FormUrlEncoded.parse(raw);
    }

    private static void send(HttpExchange exchange, int status, String type, String body) throws IOException {
        ApiGateway.write(exchange, status, Map.of("content-type", type, "cache-control", "no-store"),
                body.getBytes(StandardCharsets.UTF_8));
    }
}
