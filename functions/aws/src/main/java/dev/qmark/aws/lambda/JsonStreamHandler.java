package dev.qmark.aws.lambda;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * A Lambda handler on our own event records: reads the event JSON with the project's mapper and
 * writes the result. One JSON library, our own small event types, nothing reflective in the
 * runtime's serializer — and tests and the local system pass the very bytes Lambda would.
 *
 * <p>SnapStart: every handler registers itself as a CRaC resource when it is built. Before Lambda
 * takes the snapshot it calls {@link #prime()} (the function's own code paths against the priming
 * record, with no effect anyone can see), so a restored container does not load and JIT its
 * first request's classes while a customer waits; after a restore, {@link #restored()} re-reads
 * what must not be frozen in a snapshot. Lambda keeps the handler, so the registration (which
 * CRaC holds weakly) lives as long as it does.
 */
public abstract class JsonStreamHandler<I, O> implements RequestStreamHandler, Resource {

    private static final Logger LOG = LoggerFactory.getLogger(JsonStreamHandler.class);

    private final JavaType inputType;

    protected JsonStreamHandler(Class<I> inputType) {
        this.inputType = Json.MAPPER.constructType(inputType);
        Core.getGlobalContext().register(this);
    }

    protected abstract O handle(I input, Context context);

    @Override
    public final void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        if (context != null) {
            // every log line of this invocation carries it (the JSON log lines, see dev.qmark.logging)
            MDC.put("requestId", context.getAwsRequestId());
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(input);
            I event = Json.MAPPER.convertValue(tree, inputType);
            O result = handle(event, context);
            Json.MAPPER.writeValue(output, result);
        } finally {
            MDC.clear();
        }
    }

    /**
     * Runs the function's code paths once without effect: load classes, exercise JSON and the SDK
     * (reads of the priming record, mails composed and not sent). Nothing by default.
     */
    protected void prime() {
    }

    /**
     * The bytes-to-bytes path of an invocation without the invocation: {@code eventJson} read into
     * the event type as {@link #handleRequest} reads it, and {@code sampleAnswer} written as it writes
     * an answer (to nowhere), for handlers whose real events all have effects (the digest's schedule).
     */
    protected final void primeJsonPath(String eventJson, Object sampleAnswer) {
        try {
            JsonNode tree = Json.MAPPER.readTree(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)));
            Json.MAPPER.convertValue(tree, inputType);
            Json.MAPPER.writeValue(OutputStream.nullOutputStream(), sampleAnswer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** After a SnapStart restore: re-read what a snapshot must not freeze (secrets). Nothing by default. */
    protected void restored() {
    }

    /** One invocation with {@code eventJson}, its answer thrown away: the whole path from bytes to bytes. */
    protected final void handleForPriming(String eventJson) {
        try {
            handleRequest(new ByteArrayInputStream(eventJson.getBytes(StandardCharsets.UTF_8)),
                    new ByteArrayOutputStream(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public final void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        long started = System.nanoTime();
        prime();
        // one log line the fluent way the functions log (key-value pairs): its path is primed too
        LOG.atInfo().addKeyValue("primedMs", (System.nanoTime() - started) / 1_000_000)
                .log("primed for the SnapStart snapshot: {}", getClass().getSimpleName());
    }

    @Override
    public final void afterRestore(org.crac.Context<? extends Resource> context) {
        restored();
    }
}
