package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.qmark.emulators.OutboxMail;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Reading what an external SES sent. moto's format is exercised for real by {@link MotoEndToEndTest};
 * LocalStack needs Docker, so its {@code GET /_aws/ses} answer (as LocalStack's SES guide documents
 * it: {@code messages[]} with {@code Id}, {@code Source}, {@code RawData} or {@code Subject}/{@code Body},
 * {@code Timestamp}) is served here by a tiny HTTP server to check our reading of it.
 */
class SentMailTest {

    private static final String RAW = "From: \\\"Jeff (via Qmark)\\\" <qmark@example.com>\\r\\nTo: dana@example.com\\r\\n"
            + "Reply-To: answer+abc-1-xyz@feedback.example.com\\r\\nSubject: ? My delivery is late\\r\\n"
            + "Date: Sun, 6 Dec 2026 10:00:00 +0900\\r\\n\\r\\n?\\r\\n\\r\\n> Ordered Monday.\\r\\n";

    @Test
    void readsLocalStacksRawMailsAndSkipsSimpleOnes() throws IOException {
        String body = "{\"messages\":["
                + "{\"Id\":\"simple-1\",\"Region\":\"us-east-1\",\"Source\":\"qmark@example.com\",\"Subject\":\"s\","
                + "\"Body\":{\"text_part\":\"t\",\"html_part\":null},\"Destination\":{\"ToAddresses\":[\"a@example.org\"]},"
                + "\"Timestamp\":\"2026-12-06T01:00:00Z\"},"
                + "{\"Id\":\"raw-1\",\"Region\":\"us-east-1\",\"Source\":\"qmark@example.com\",\"RawData\":\"" + RAW + "\","
                + "\"Timestamp\":\"2026-12-06T01:02:03Z\"}]}";
        HttpServer server = serve("/_aws/ses", body);
        try {
            SentMail sentMail = SentMail.probe(URI.create("http://127.0.0.1:" + server.getAddress().getPort()));
            assertTrue(sentMail.describe().startsWith("LocalStack"), sentMail.describe());
            List<OutboxMail> mails = sentMail.read();
            assertEquals(1, mails.size());
            OutboxMail mail = mails.get(0);
            assertEquals("raw-1", mail.messageId());
            assertEquals("qmark@example.com", mail.from());
            assertEquals(List.of("dana@example.com"), mail.to());
            assertEquals(List.of("answer+abc-1-xyz@feedback.example.com"), mail.replyTo());
            assertEquals("? My delivery is late", mail.subject());
            assertTrue(mail.text().startsWith("?"), mail.text());
            assertEquals(Instant.parse("2026-12-06T01:02:03Z"), mail.sentAt());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void mailWithoutATimeOfSendingTakesItsDateHeaderAsMotoKeepsNone() throws IOException {
        String body = "{\"ses\":{\"RawMessage\":[{\"id\":\"m-1\",\"source\":\"qmark@example.com\","
                + "\"destinations\":[\"dana@example.com\"],\"raw_data\":\"" + RAW + "\"}]}}";
        HttpServer server = serve("/moto-api/data.json", body);
        try {
            List<OutboxMail> mails = SentMail.probe(URI.create("http://127.0.0.1:" + server.getAddress().getPort())).read();
            assertEquals(Instant.parse("2026-12-06T01:00:00Z"), mails.get(0).sentAt());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anEndpointWhereNothingAnswersIsRefusedInOneLine() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        SentMail.Unreachable refused = assertThrows(SentMail.Unreachable.class,
                () -> SentMail.probe(URI.create("http://127.0.0.1:" + port)));
        assertTrue(refused.getMessage().contains("moto_server"), refused.getMessage());
    }

    private static HttpServer serve(String path, String json) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        server.createContext("/", exchange -> {
            byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
            int status = exchange.getRequestURI().getPath().equals(path) ? 200 : 404;
            exchange.sendResponseHeaders(status, status == 200 ? bytes.length : -1);
            if (status == 200) {
                exchange.getResponseBody().write(bytes);
            }
            exchange.close();
        });
        server.start();
        return server;
    }
}
