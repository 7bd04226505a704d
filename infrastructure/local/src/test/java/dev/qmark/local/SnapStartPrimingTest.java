package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.qmark.aws.FunctionEnvironment;
import dev.qmark.aws.testing.TestBed;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.crac.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * SnapStart priming runs each function's own paths before the snapshot: it must leave nothing a
 * person or a figure could see. Against the embedded AWS, for every handler of template.yaml: no
 * mail sent, no item written (so no figure counted, no address suppressed, no digest day claimed,
 * no stream record for the figures to count; figures' priming hands it the stream event of the
 * priming record routed, which it must skip), no message queued, no metric line; and a restore
 * (which re-reads the reply-token secret) leaves a handler that still works.
 */
class SnapStartPrimingTest {

    static TestBed bed;

    @BeforeAll
    static void start() {
        bed = TestBed.create();
    }

    /** Every function's handler class, from template.yaml: a function added later is primed and checked here too. */
    static Stream<String> handlers() {
        return TemplateTest.functions().values().stream()
                .map(function -> TemplateTest.map(function.get("Properties")).get("Handler").toString())
                .map(handler -> handler.substring(0, handler.indexOf("::")));
    }

    @Test
    void theNineFunctionsOfIssue15AreChecked() {
        assertTrue(handlers().toList().containsAll(java.util.List.of("dev.qmark.mailevents.MailEventsHandler",
                "dev.qmark.figures.FiguresHandler", "dev.qmark.digest.DigestHandler")), handlers().toList().toString());
        assertTrue(handlers().count() >= 9, "template.yaml's functions: " + handlers().toList());
    }

    @ParameterizedTest
    @MethodSource("handlers")
    void primingHasNoEffectAnyoneCanSee(String handlerClass) throws Exception {
        int mailsBefore = bed.outbox().size();
        PrintStream stdout = System.out;
        ByteArrayOutputStream written = new ByteArrayOutputStream();
        Resource handler;
        System.setOut(new PrintStream(written, true, StandardCharsets.UTF_8));
        try {
            handler = (Resource) Class.forName(handlerClass).getConstructor(FunctionEnvironment.class).newInstance(bed.env());
            handler.beforeCheckpoint(null);
            handler.afterRestore(null);
            handler.beforeCheckpoint(null);
        } finally {
            System.setOut(stdout);
        }

        assertEquals(mailsBefore, bed.outbox().size(), handlerClass + " sent mail while priming");
        assertEquals(0, bed.dynamo.scan(s -> s.tableName(bed.table)).count(), handlerClass + " wrote to the table");
        assertTrue(bed.drain(bed.feedbackQueueUrl).isEmpty(), handlerClass + " enqueued feedback");
        assertTrue(bed.drain(bed.escalationQueueUrl).isEmpty(), handlerClass + " enqueued an escalation");
        assertFalse(written.toString(StandardCharsets.UTF_8).contains("\"_aws\""), handlerClass + " wrote a metric: "
                + written.toString(StandardCharsets.UTF_8));
    }
}
