package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.emulators.HttpServerLimits;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Clients that connect and then say nothing, or half a request, must not stop the local server
 * answering everyone else (it had eight threads: eight such clients blocked every request), and
 * are disconnected after {@link HttpServerLimits#MAX_REQUEST_SECONDS}.
 */
class SlowClientsTest {

    static LocalSystem system;

    @BeforeAll
    static void start() {
        system = LocalSystem.start(new LocalOptions(0, 0, LocalHttp.repositoryRoot().resolve("config/qmark.yaml"), null, null));
    }

    @AfterAll
    static void stop() {
        system.close();
    }

    @Test
    void silentAndHalfSentRequestsBlockNobodyAndAreClosedAfterTheTimeout() throws Exception {
        int port = system.httpPort();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                slow.add(connect(port, "")); // connects, sends nothing
                slow.add(connect(port, "GET /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nAcc")); // half the headers
                slow.add(connect(port, "POST /feedback HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                        + "Content-Length: 500\r\n\r\n{\"name\": \"Mi")); // headers, then a fraction of the body
            }
            Thread.sleep(500); // let the server take them all in

            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            long started = System.nanoTime();
            for (String path : new String[] {"/feedback", "/", "/_local/clock"}) {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(200, response.statusCode(), path);
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0,
                    "answered promptly despite " + slow.size() + " slow clients");

            // every slow client is disconnected once its time to send the request has run out
            long limit = HttpServerLimits.MAX_REQUEST_SECONDS;
            for (Socket socket : slow) {
                socket.setSoTimeout((int) Duration.ofSeconds(limit * 2 + 10).toMillis());
                boolean closed = closedByServer(socket);
                assertTrue(closed, "a slow client was still connected after " + (limit * 2 + 10) + " s");
            }
            assertTrue(Duration.ofNanos(System.nanoTime() - started).getSeconds() >= limit - 1,
                    "closed by the request time limit, not at once");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
    }

    private static Socket connect(int port, String send) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        OutputStream out = socket.getOutputStream();
        out.write(send.getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }

    /** True when the server ended the connection (end of stream, or reset), false when it stayed silent. */
    private static boolean closedByServer(Socket socket) {
        try {
            InputStream in = socket.getInputStream();
            byte[] buffer = new byte[4096];
            while (true) {
                int n = in.read(buffer); // the server may answer 400 or 408 first: read on to the end
                if (n < 0) {
                    return true;
                }
            }
        } catch (SocketTimeoutException e) {
            return false;
        } catch (IOException reset) {
            return true;
        }
    }
}
