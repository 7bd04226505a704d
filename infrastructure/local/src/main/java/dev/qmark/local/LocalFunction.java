package dev.qmark.local;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One deployed function as the local system runs it: the unchanged handler, invoked with event
 * JSON bytes as the Lambda runtime would, one invocation at a time (like reserved concurrency 1).
 */
final class LocalFunction {

    private final String name;
    private final RequestStreamHandler handler;
    private final int timeoutSeconds;

    LocalFunction(String name, RequestStreamHandler handler, int timeoutSeconds) {
        this.name = name;
        this.handler = handler;
        this.timeoutSeconds = timeoutSeconds;
    }

    String name() {
        return name;
    }

    /** Invokes with an event; a handler's exception propagates, as a failed invocation. */
    synchronized JsonNode invoke(Object event) {
        return RunningFunction.run(name, () -> invokeHere(event));
    }

    private JsonNode invokeHere(Object event) {
        try {
            byte[] input = Json.MAPPER.writeValueAsBytes(event);
            ByteArrayOutputStream output = new ByteArrayOutputStream();
            handler.handleRequest(new ByteArrayInputStream(input), output, new LocalContext(name, timeoutSeconds));
            return output.size() == 0 ? null : Json.MAPPER.readTree(output.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(name + " failed to read or write its event", e);
        }
    }
}
