package dev.qmark.emulators;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The mails the SES stand-in accepted, oldest first. With a directory, each is also written there as
 * {@code <millis>-<messageId>.json} (what {@link #toJson} shows) and {@code .eml} (the raw MIME), and
 * read back at start, so a developer can open them and a restart keeps them.
 */
final class Outbox {

    private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path directory;
    private final List<OutboxMail> mails = new ArrayList<>();
    private final List<Consumer<OutboxMail>> listeners = new CopyOnWriteArrayList<>();

    Outbox(Path directory) {
        this.directory = directory;
        if (directory != null) {
            load();
        }
    }

    void onSend(Consumer<OutboxMail> listener) {
        listeners.add(listener);
    }

    /** Keeps the mail (and writes it, with a directory), then tells the listeners. */
    void add(OutboxMail mail) {
        synchronized (this) {
            if (directory != null) {
                write(mail);
            }
            mails.add(mail);
        }
        for (Consumer<OutboxMail> listener : listeners) {
            try {
                listener.accept(mail);
            } catch (RuntimeException e) {
                // The mail was accepted like SES would; a failing listener is the listener's problem.
                LOG.warn("an outbox listener failed on {}", mail.messageId(), e);
            }
        }
    }

    synchronized List<OutboxMail> mails() {
        return List.copyOf(mails);
    }

    synchronized void clear() {
        if (directory != null) {
            for (OutboxMail mail : mails) {
                String base = baseName(mail);
                try {
                    Files.deleteIfExists(directory.resolve(base + ".json"));
                    Files.deleteIfExists(directory.resolve(base + ".eml"));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        mails.clear();
    }

    /** [{"messageId","from","to":[],"cc":[],"replyTo":[],"subject","text","html","headers":{},"sentAt"}] */
    String toJson() {
        return toJson(mails());
    }

    /** The same shape for any list of mails, wherever they were read from. */
    static String toJson(List<OutboxMail> mails) {
        ArrayNode array = JSON.createArrayNode();
        for (OutboxMail mail : mails) {
            array.add(toJson(mail));
        }
        try {
            return JSON.writeValueAsString(array);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode toJson(OutboxMail mail) {
        ObjectNode node = JSON.createObjectNode();
        node.put("messageId", mail.messageId());
        node.put("from", mail.from());
        mail.to().forEach(node.putArray("to")::add);
        mail.cc().forEach(node.putArray("cc")::add);
        mail.replyTo().forEach(node.putArray("replyTo")::add);
        node.put("subject", mail.subject());
        node.put("text", mail.text());
        node.put("html", mail.html());
        ObjectNode headers = node.putObject("headers");
        mail.headers().forEach(headers::put);
        node.put("sentAt", mail.sentAt().toString());
        return node;
    }

    private void write(OutboxMail mail) {
        String base = baseName(mail);
        try {
            // The .eml first: a mail is loaded only when its .json is there.
            AtomicFiles.write(directory.resolve(base + ".eml"), mail.raw());
            AtomicFiles.write(directory.resolve(base + ".json"), JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(toJson(mail)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the outbox mail " + mail.messageId() + " to " + directory, e);
        }
    }

    private void load() {
        try {
            Files.createDirectories(directory);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "*.json")) {
                for (Path file : files) {
                    try {
                        mails.add(read(file));
                    } catch (IOException | RuntimeException e) {
                        LOG.warn("skipping unreadable outbox file {}", file, e);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the outbox in " + directory, e);
        }
        mails.sort(Comparator.comparing(OutboxMail::sentAt).thenComparing(OutboxMail::messageId));
        LOG.debug("outbox: {} mail(s) loaded from {}", mails.size(), directory);
    }

    private static OutboxMail read(Path jsonFile) throws IOException {
        JsonNode node = JSON.readTree(jsonFile.toFile());
        String name = jsonFile.getFileName().toString();
        Path eml = jsonFile.resolveSibling(name.substring(0, name.length() - ".json".length()) + ".eml");
        Map<String, String> headers = new LinkedHashMap<>();
        node.path("headers").properties().forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
        return new OutboxMail(
                node.path("messageId").asText(),
                node.path("from").asText(null),
                strings(node.path("to")),
                strings(node.path("cc")),
                strings(node.path("replyTo")),
                node.path("subject").asText(null),
                node.path("text").asText(null),
                node.path("html").asText(null),
                headers,
                Instant.parse(node.path("sentAt").asText()),
                Files.exists(eml) ? Files.readAllBytes(eml) : new byte[0]);
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Sorts by time in a directory listing; the message id makes it unique. */
    private static String baseName(OutboxMail mail) {
        return String.format("%013d-%s", mail.sentAt().toEpochMilli(), mail.messageId());
    }
}
