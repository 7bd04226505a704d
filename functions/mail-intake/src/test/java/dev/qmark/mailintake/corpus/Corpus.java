package dev.qmark.mailintake.corpus;

import static dev.qmark.mailintake.SesReceipts.sesEvent;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.mailintake.MailIntakeHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The mail corpus under {@code src/test/resources/corpus/} and how its mails reach mail-intake: the
 * raw bytes go into the test bed's bucket, and the handler is invoked with the SES receiving event
 * of {@code events/mail-intake-ses.json} naming that mail and its envelope recipient, as SES does.
 */
final class Corpus {

    static final String FEEDBACK_ADDRESS = "feedback@feedback.example.com";
    static final String MAIL_PREFIX = "inbound/";

    private Corpus() {
    }

    /** The bytes of {@code corpus/<path>}, exactly as committed. */
    static byte[] read(String path) {
        try (InputStream in = Corpus.class.getResourceAsStream("/corpus/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code corpus/<directory>/expected.json}. */
    static JsonNode manifest(String directory) {
        try {
            return Json.MAPPER.readTree(read(directory + "/expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the {@code .eml} files in {@code corpus/<directory>}, sorted. */
    static List<String> files(String directory) {
        URL url = Corpus.class.getResource("/corpus/" + directory);
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".eml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * {@code raw} with each placeholder ({@code {{NAME}}}, ASCII) replaced, byte for byte: the rest
     * of the mail, in whatever charset, stays untouched.
     */
    static byte[] fill(byte[] raw, Map<String, String> values) {
        byte[] result = raw;
        for (Map.Entry<String, String> value : values.entrySet()) {
            result = replaceAll(result, value.getKey().getBytes(StandardCharsets.US_ASCII),
                    value.getValue().getBytes(StandardCharsets.US_ASCII));
        }
        return result;
    }

    static boolean contains(byte[] haystack, String needle) {
        return indexOf(haystack, needle.getBytes(StandardCharsets.US_ASCII), 0) >= 0;
    }

    private static byte[] replaceAll(byte[] source, byte[] target, byte[] replacement) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(source.length);
        int from = 0;
        int at;
        while ((at = indexOf(source, target, from)) >= 0) {
            out.write(source, from, at - from);
            out.writeBytes(replacement);
            from = at + target.length;
        }
        out.write(source, from, source.length - from);
        return out.toByteArray();
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }



    /** Stores {@code raw} as SES would and invokes the handler; the one result of that mail. */
    static JsonNode deliver(TestBed bed, MailIntakeHandler handler, String mailId, byte[] raw, String recipient) {
        bed.putMail(MAIL_PREFIX + mailId, raw);
        JsonNode results = Invoke.handler(handler, sesEvent(mailId, recipient).toString());
        assertEquals(1, results.size(), "one result per mail: " + results);
        assertEquals(mailId, results.get(0).path("mailId").asText(), results.toString());
        return results.get(0);
    }

    /** The review item kept for a mail, or null. */
    static Map<String, AttributeValue> review(TestBed bed, String mailId) {
        Map<String, AttributeValue> item = bed.dynamo.getItem(g -> g.tableName(bed.table).consistentRead(true)
                .key(Map.of("pk", AttributeValue.fromS("REVIEW#" + mailId), "sk", AttributeValue.fromS("REVIEW"))))
                .item();
        return item == null || item.isEmpty() ? null : item;
    }

    /** The feedback ids waiting in the bed's feedback queue (which is emptied). */
    static List<String> drainQueuedFeedbackIds(TestBed bed) {
        List<String> ids = new ArrayList<>();
        for (Message message : bed.drain(bed.feedbackQueueUrl)) {
            try {
                ids.add(Json.MAPPER.readTree(message.body()).path("feedbackId").asText());
            } catch (IOException e) {
                ids.add(message.body());
            }
        }
        return ids;
    }

    /**
     * Runs {@code checks}. For a case with a known bug (the manifest's {@code bug}), a failure is
     * reported as skipped with the bug's description and the failure itself, and a pass is an error:
     * the bug is gone and the manifest should say so.
     */
    static void check(String bug, Executable checks) throws Throwable {
        if (bug == null || bug.isBlank()) {
            checks.execute();
            return;
        }
        try {
            checks.execute();
        } catch (AssertionError e) {
            Assumptions.abort("bug: " + bug + "\n  still failing: " + e.getMessage());
        }
        fail("this case is listed as failing (bug: " + bug + ") but passes now: remove \"bug\" from expected.json");
    }

    /** Text that went through the wrong charset shows replacement characters or C1 controls. */
    static String mojibake(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\uFFFD' || (c >= 0x80 && c <= 0x9F)) {
                return "U+" + String.format("%04X", (int) c) + " at " + i + " in: " + text;
            }
        }
        return null;
    }
}
