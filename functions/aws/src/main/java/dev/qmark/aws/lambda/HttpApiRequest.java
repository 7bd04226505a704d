package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;
import java.util.Map;

/**
 * An API Gateway HTTP API (payload format 2.0) request, as Lambda receives it. Header names
 * arrive lower-cased. Only the fields Qmark reads are declared; the rest are ignored.
 */
public record HttpApiRequest(
        String version,
        String routeKey,
        String rawPath,
        String rawQueryString,
        Map<String, String> headers,
        Map<String, String> queryStringParameters,
        Map<String, String> pathParameters,
        String body,
        @JsonProperty("isBase64Encoded") boolean base64Encoded,
        RequestContext requestContext) {

    public record RequestContext(String requestId, Http http, Long timeEpoch) {
    }

    public record Http(String method, String path, String protocol, String sourceIp, String userAgent) {
    }

    public String method() {
        return requestContext == null || requestContext.http() == null ? "" : requestContext.http().method();
    }

    public String header(String name) {
        return headers == null ? null : headers.get(name.toLowerCase(Locale.ROOT));
    }

    public String query(String name) {
        return queryStringParameters == null ? null : queryStringParameters.get(name);
    }

    public String path(String name) {
        return pathParameters == null ? null : pathParameters.get(name);
    }

    /** The body's bytes, decoded when API Gateway base64-encoded it. */
    public byte[] bodyBytes() {
        if (body == null) {
            return new byte[0];
        }
        return base64Encoded ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
