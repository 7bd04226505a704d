package dev.qmark.emulators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;

/**
 * Where every stand-in listens: 127.0.0.1 only, so a developer's laptop never offers its fake AWS
 * to the network it sits on.
 */
final class Loopback {

    /** The literal IPv4 address, not "localhost": that may resolve to ::1 first and miss the socket. */
    static final String HOST = "127.0.0.1";

    private Loopback() {
    }

    static InetAddress address() {
        try {
            return InetAddress.getByAddress(HOST, new byte[] {127, 0, 0, 1});
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static InetSocketAddress socketAddress(int port) {
        checkPort(port);
        return new InetSocketAddress(address(), port);
    }

    static URI httpEndpoint(int port) {
        return URI.create("http://" + HOST + ":" + port);
    }

    static void checkPort(int port) {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0 (any free one) or 1..65535: " + port);
        }
    }

    /**
     * A port free right now, for servers that cannot be asked for port 0 themselves. Another process
     * may take it before the caller binds, so callers retry on a bind failure.
     */
    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, address())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + HOST, e);
        }
    }
}
