package dev.qmark.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * A Lambda handler on our own event records: reads the event JSON with the project's mapper and
 * writes the result. One JSON library, our own small event types, nothing reflective in the
 * runtime's serializer — and tests and the local system pass the very bytes Lambda would.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler {

    private final JavaType inputType;

    protected JsonStreamHandler(Class<I> inputType) {
        this.inputType = Json.MAPPER.constructType(inputType);
    }

    protected abstract O handle(I input, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode tree = Json.MAPPER.readTree(input);
        I event = Json.MAPPER.convertValue(tree, inputType);
        O result = handle(event, context);
        Json.MAPPER.writeValue(output, result);
    }
}
