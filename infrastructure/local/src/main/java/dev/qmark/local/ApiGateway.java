package dev.qmark.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays API Gateway's HTTP API: matches a route key such as {@code GET /feedback/{id}}, builds
 * the payload format 2.0 event exactly as AWS does (lower-case headers, base64 bodies for
 * non-text content such as form posts), invokes the function and writes its response.
 */
final class ApiGateway implements HttpHandler {

    /** API Gateway's own payload limit. */
    static final int MAX_PAYLOAD = 10 * 1024 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(ApiGateway.class);

    /** A route: method and path with {name} parameters, as in template.yaml. */
    record Route(String method, String path, LocalFunction function) {
        String key() {
            return method + " " + path;
        }

        Pattern pattern() {
            return Pattern.compile(path.replaceAll("\\{([a-zA-Z]+)}", "(?<$1>[^/]+)"));
        }
    }

    private final List<Route> routes;

    ApiGateway(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    List<Route> routes() {
        return routes;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
            String path = exchange.getRequestURI().getRawPath();
            for (Route route : routes) {
                Matcher m = route.pattern().matcher(path);
                if (route.method().equals(method) && m.matches()) {
                    byte[] body = readBody(exchange.getRequestBody());
                    if (body == null) {
                        write(exchange, 413, Map.of("content-type", "application/json"), "{\"message\":\"Request Entity Too Large\"}".getBytes(StandardCharsets.UTF_8));
                        return;
                    }
                    invoke(exchange, route, pathParameters(route, m), body);
                    return;
                }
            }
            write(exchange, 404, Map.of("content-type", "application/json"), "{\"message\":\"Not Found\"}".getBytes(StandardCharsets.UTF_8));
        }
    }

    private void invoke(HttpExchange exchange, Route route, Map<String, String> pathParameters, byte[] body) throws IOException {
        Map<String, Object> event = event(exchange, route, pathParameters, body);
        JsonNode response;
        try {
            response = route.function().invoke(event);
        } catch (RuntimeException | Error e) {
            // a failed invocation: API Gateway answers 500 whatever the function threw
            LOG.error("{} failed on {}", route.function().name(), route.key(), e);
            write(exchange, 500, Map.of("content-type", "application/json"),
                    "{\"message\":\"Internal Server Error\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        int status = response.path("statusCode").asInt(200);
        Map<String, String> headers = new LinkedHashMap<>();
        response.path("headers").fields().forEachRemaining(h -> headers.put(h.getKey(), h.getValue().asText()));
        String text = response.path("body").asText("");
        byte[] bytes = response.path("isBase64Encoded").asBoolean(false)
                ? Base64.getDecoder().decode(text) : text.getBytes(StandardCharsets.UTF_8);
        write(exchange, status, headers, bytes);
    }

    private static Map<String, Object> event(HttpExchange exchange, Route route, Map<String, String> pathParameters, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        exchange.getRequestHeaders().forEach((name, values) ->
                headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String contentType = headers.getOrDefault("content-type", "").toLowerCase(Locale.ROOT);
        boolean text = contentType.startsWith("text/") || contentType.startsWith("application/json");
        Map<String, Object> http = new LinkedHashMap<>();
        http.put("method", exchange.getRequestMethod().toUpperCase(Locale.ROOT));
        http.put("path", exchange.getRequestURI().getRawPath());
        http.put("protocol", exchange.getProtocol());
        http.put("sourceIp", exchange.getRemoteAddress().getAddress().getHostAddress());
        http.put("userAgent", headers.getOrDefault("user-agent", ""));
        Map<String, Object> context = new LinkedHashMap<>();
        context.put("accountId", "000000000000");
        context.put("apiId", "local");
        context.put("domainName", headers.getOrDefault("host", "localhost"));
        context.put("http", http);
        context.put("requestId", UUID.randomUUID().toString());
        context.put("routeKey", route.key());
        context.put("stage", "$default");
        context.put("timeEpoch", System.currentTimeMillis());
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("version", "2.0");
        event.put("routeKey", route.key());
        event.put("rawPath", exchange.getRequestURI().getRawPath());
        event.put("rawQueryString", rawQuery == null ? "" : rawQuery);
        event.put("headers", headers);
        if (rawQuery != null && !rawQuery.isEmpty()) {
            event.put("queryStringParameters", query(rawQuery));
        }
        if (!pathParameters.isEmpty()) {
            event.put("pathParameters", pathParameters);
        }
        event.put("requestContext", context);
        if (body.length > 0) {
            event.put("body", text ? new String(body, StandardCharsets.UTF_8) : Base64.getEncoder().encodeToString(body));
            event.put("isBase64Encoded", !text);
        } else {
            event.put("isBase64Encoded", false);
        }
        return event;
    }

    /** Like API Gateway: repeated parameters are joined with commas. */
    private static Map<String, String> query(String rawQuery) {
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return text;
        }
    }

    private static Map<String, String> pathParameters(Route route, Matcher m) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher names = Pattern.compile("\\{([a-zA-Z]+)}").matcher(route.path());
        while (names.find()) {
            parameters.put(names.group(1), decode(m.group(names.group(1))));
        }
        return parameters;
    }

    /** The body, or null when it is over API Gateway's limit. */
    private static byte[] readBody(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_PAYLOAD + 1);
        return bytes.length > MAX_PAYLOAD ? null : bytes;
    }

    static void write(HttpExchange exchange, int status, Map<String, String> headers, byte[] body) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

}
