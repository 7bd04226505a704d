package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.emulators.OutboxMail;
import jakarta.mail.internet.MailDateFormat;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an external endpoint's SES accepted, read through the endpoint's own inspection API (SES
 * itself has none): moto's {@code GET /moto-api/data.json} (key {@code ses.RawMessage}) or
 * LocalStack's {@code GET /_aws/ses} (key {@code messages}, field {@code RawData}). Both keep the raw
 * MIME, which is read the way our SES stand-in reads what it accepts, so the pages show the same.
 */
final class SentMail {

    private static final Logger LOG = LoggerFactory.getLogger(SentMail.class);
    static final String MOTO_PATH = "/moto-api/data.json";
    static final String LOCALSTACK_PATH = "/_aws/ses";

    enum Kind { MOTO, LOCALSTACK, NONE }

    /** Nothing answers at the endpoint: `qmark up` says so in one line instead of a stack trace. */
    static final class Unreachable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Unreachable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final URI endpoint;
    private final Kind kind;
    /** Parsed once: moto keeps no time of sending, so a mail without a Date keeps the time first seen. */
    private final Map<String, OutboxMail> parsed = new ConcurrentHashMap<>();

    private SentMail(URI endpoint, Kind kind) {
        this.endpoint = endpoint;
        this.kind = kind;
    }

    /**
     * Finds out which inspection API the endpoint has.
     *
     * @throws Unreachable when nothing answers there
     */
    static SentMail probe(URI endpoint) {
        SentMail probe = new SentMail(endpoint, Kind.NONE);
        try {
            if (probe.get(LOCALSTACK_PATH).statusCode() == 200) {
                return new SentMail(endpoint, Kind.LOCALSTACK);
            }
            if (probe.get(MOTO_PATH).statusCode() == 200) {
                return new SentMail(endpoint, Kind.MOTO);
            }
        } catch (ConnectException e) {
            throw new Unreachable("nothing answers at " + endpoint
                    + ": start it first (moto_server -p PORT, or LocalStack)", e);
        } catch (IOException e) {
            throw new Unreachable("cannot reach " + endpoint + ": " + e, e);
        }
        LOG.warn("{} has neither {} (moto) nor {} (LocalStack): /_local/mail stays empty", endpoint, MOTO_PATH, LOCALSTACK_PATH);
        return probe;
    }

    String describe() {
        return switch (kind) {
            case MOTO -> "moto: sent mail from " + MOTO_PATH;
            case LOCALSTACK -> "LocalStack: sent mail from " + LOCALSTACK_PATH;
            case NONE -> "sent mail cannot be read back";
        };
    }

    /** Every raw mail sent so far, oldest first; an unreadable answer is logged and shows nothing new. */
    List<OutboxMail> read() {
        try {
            return switch (kind) {
                case MOTO -> mails(json(MOTO_PATH).path("ses").path("RawMessage"), "id", "source", "raw_data", null);
                case LOCALSTACK -> mails(json(LOCALSTACK_PATH).path("messages"), "Id", "Source", "RawData", "Timestamp");
                case NONE -> List.of();
            };
        } catch (IOException e) {
            LOG.warn("cannot read what {} sent: {}", endpoint, e.toString());
            return List.of();
        }
    }

    private List<OutboxMail> mails(JsonNode messages, String idField, String sourceField, String rawField, String timeField) {
        List<OutboxMail> mails = new ArrayList<>();
        for (JsonNode message : messages) {
            String id = message.path(idField).asText();
            if (!message.hasNonNull(rawField) || id.isEmpty()) {
                continue;   // Simple content: Qmark sends raw MIME only
            }
            OutboxMail mail = parsed.computeIfAbsent(id, key -> parse(key, message, sourceField, rawField, timeField));
            if (mail != null) {
                mails.add(mail);
            }
        }
        return mails;
    }

    private static OutboxMail parse(String id, JsonNode message, String sourceField, String rawField, String timeField) {
        byte[] raw = message.path(rawField).asText().getBytes(StandardCharsets.UTF_8);
        try {
            String source = message.hasNonNull(sourceField) ? bare(message.path(sourceField).asText()) : null;
            OutboxMail mail = OutboxMail.parse(id, source, raw, Instant.now());
            return new OutboxMail(mail.messageId(), mail.from(), mail.to(), mail.cc(), mail.replyTo(), mail.subject(),
                    mail.text(), mail.html(), mail.headers(), sentAt(message, timeField, mail), raw);
        } catch (IllegalArgumentException e) {
            LOG.warn("skipping a sent mail that cannot be read: {}", e.getMessage());
            return null;
        }
    }

    /** The endpoint's time of sending when it keeps one (LocalStack), else the Date header, else now. */
    private static Instant sentAt(JsonNode message, String timeField, OutboxMail mail) {
        if (timeField != null && message.hasNonNull(timeField)) {
            try {
                return Instant.parse(message.path(timeField).asText());
            } catch (RuntimeException ignored) {
                // fall back to the header
            }
        }
        String date = mail.header("Date");
        if (date != null) {
            try {
                return new MailDateFormat().parse(date).toInstant();
            } catch (ParseException ignored) {
                // fall back to now
            }
        }
        return mail.sentAt();
    }

    private static String bare(String address) {
        int open = address.lastIndexOf('<');
        int close = address.lastIndexOf('>');
        return open >= 0 && close > open ? address.substring(open + 1, close).strip() : address.strip();
    }

    private JsonNode json(String path) throws IOException {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return Json.MAPPER.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws IOException {
        try {
            return http.send(HttpRequest.newBuilder(endpoint.resolve(path)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
