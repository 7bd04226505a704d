package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.RepositoryRoot;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A test's view of a running local system: HTTP calls and patient waiting for asynchronous work. */
final class LocalHttp {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final String base;

    LocalHttp(int port) {
        this.base = "http://127.0.0.1:" + port;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
    }

    HttpResponse<String> post(String path, String contentType, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("content-type", contentType).POST(HttpRequest.BodyPublishers.ofString(body));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return send(request.build());
    }

    JsonNode json(HttpResponse<String> response) {
        try {
            return Json.MAPPER.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    JsonNode outbox() {
        return json(get("/_local/outbox"));
    }

    /** The first outbox mail to this address whose subject starts so, once it is there. */
    JsonNode awaitMail(String to, String subjectStart) {
        return await("a mail to " + to + " with subject '" + subjectStart + "'", () -> {
            for (JsonNode mail : outbox()) {
                if (mail.path("to").toString().contains("\"" + to + "\"") && mail.path("subject").asText().startsWith(subjectStart)) {
                    return Optional.of(mail);
                }
            }
            return Optional.empty();
        });
    }

    long countMail(String to, String subjectStart) {
        long n = 0;
        for (JsonNode mail : outbox()) {
            if (mail.path("to").toString().contains("\"" + to + "\"") && mail.path("subject").asText().startsWith(subjectStart)) {
                n++;
            }
        }
        return n;
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new AssertionError(request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Waits up to 30 s for something asynchronous (queues, SES receiving) to have happened. */
    static <T> T await(String what, Supplier<Optional<T>> probe) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            Optional<T> value = probe.get();
            if (value.isPresent()) {
                return value.get();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
        throw new AssertionError("waited 30 s for " + what);
    }

    static Path repositoryRoot() {
        return RepositoryRoot.PATH;
    }
}
