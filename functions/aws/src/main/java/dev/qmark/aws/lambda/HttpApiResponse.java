package dev.qmark.aws.lambda;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.qmark.aws.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/** An API Gateway HTTP API (payload format 2.0) response. */
public record HttpApiResponse(int statusCode, Map<String, String> headers, String body,
                              @JsonProperty("isBase64Encoded") boolean base64Encoded) {

    public static HttpApiResponse json(int status, Object value) {
        try {
            return new HttpApiResponse(status, headers("application/json; charset=utf-8"),
                    Json.MAPPER.writeValueAsString(value), false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {"error": message, "field": field} — the field is left out when the error is not about one. */
    public static HttpApiResponse error(int status, String message, String field) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", message);
        if (field != null) {
            body.put("field", field);
        }
        return json(status, body);
    }

    public static HttpApiResponse html(int status, String html) {
        return new HttpApiResponse(status, headers("text/html; charset=utf-8"), html, false);
    }

    private static Map<String, String> headers(String contentType) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("cache-control", "no-store");
        headers.put("x-content-type-options", "nosniff");
        return headers;
    }
}
