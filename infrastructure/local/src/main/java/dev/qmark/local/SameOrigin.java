package dev.qmark.local;

import com.sun.net.httpserver.Headers;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a state-changing {@code /_local/*} request may come from where it says it comes from.
 * Any web page a developer has open can make the browser POST to 127.0.0.1 (a form or a
 * {@code text/plain} fetch needs no CORS preflight): it could move the clock a year, run sweeps or
 * answer a "?" in the owner's name. Browsers say where such a request comes from, in
 * {@code Origin} and {@code Sec-Fetch-Site}; only the local server's own pages (and tools such as
 * curl, which send neither) are let through. The origin is compared with the loopback names of
 * the port, never with the {@code Host} header, which a DNS-rebinding page controls.
 */
final class SameOrigin {

    /** What {@code Sec-Fetch-Site} says for the server's own pages and for an address typed by hand. */
    private static final Set<String> OWN_FETCHES = Set.of("same-origin", "none");

    private SameOrigin() {
    }

    /** Null when allowed, else why not (for a 403). */
    static String refusal(Headers headers, int port) {
        String site = headers.getFirst("Sec-Fetch-Site");
        if (site != null && !OWN_FETCHES.contains(site.strip().toLowerCase(Locale.ROOT))) {
            return "cross-origin request refused (Sec-Fetch-Site: " + site.strip() + "): /_local/* only answers its own pages and tools such as curl";
        }
        String origin = headers.getFirst("Origin");
        if (origin != null && !ownOrigins(port).contains(origin.strip().toLowerCase(Locale.ROOT))) {
            return "cross-origin request refused (Origin: " + origin.strip() + "): /_local/* only answers its own pages and tools such as curl";
        }
        return null;
    }

    private static Set<String> ownOrigins(int port) {
        return Set.of("http://127.0.0.1:" + port, "http://localhost:" + port, "http://[::1]:" + port);
    }
}
