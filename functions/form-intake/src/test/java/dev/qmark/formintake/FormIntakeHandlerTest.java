package dev.qmark.formintake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.Invoke;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.feedback.Channel;
import dev.qmark.core.feedback.Feedback;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.feedback.FeedbackRecord;
import dev.qmark.core.feedback.FeedbackStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * {@code GET /} and {@code POST /feedback} through the handler as Lambda runs it, against DynamoDB
 * Local and ElasticMQ over the real SDK: what the customer is told, what is stored, what is queued.
 */
class FormIntakeHandlerTest {

    private static final Pattern REFERENCE = Pattern.compile("<code>([0-9a-z]{16})</code>");

    private TestBed bed;
    private FormIntakeHandler handler;

    @BeforeEach
    void setUp() {
        bed = TestBed.create();
        handler = new FormIntakeHandler(bed.env());
    }

    // --- JSON clients -------------------------------------------------------------------------

    @Test
    void jsonSampleIsStoredThenQueuedOnce() {
        JsonNode response = invoke(sample("form-intake-post-json.json"));

        assertEquals(202, response.get("statusCode").asInt());
        assertTrue(response.at("/headers/content-type").asText().startsWith("application/json"));
        JsonNode body = body(response);
        String id = body.get("id").asText();
        assertTrue(FeedbackIds.isWellFormed(id), id);
        assertEquals(1, body.size(), "only the id is answered: " + body);

        Feedback stored = bed.repository().find(id).orElseThrow();
        assertEquals(FeedbackStatus.RECEIVED, stored.status());
        assertEquals(Channel.WEB, stored.channel());
        assertEquals("Minsu Kim", stored.customer().name());
        assertEquals("minsu@example.org", stored.customer().email());
        assertEquals("My delivery is late", stored.subject());
        assertEquals("I ordered on Monday and the parcel still has not arrived. 배송이 언제 되나요?", stored.message());
        assertEquals(2, stored.rating());
        FeedbackRecord record = bed.repository().findRecord(id).orElseThrow();
        assertEquals(List.of("received"), record.timeline().stream().map(e -> e.type()).toList());

        List<Message> queued = bed.drain(bed.feedbackQueueUrl);
        assertEquals(1, queued.size());
        JsonNode message = json(queued.get(0).body());
        assertEquals(id, message.get("feedbackId").asText());
        assertEquals(1, message.size(), "a FeedbackQueued is only {\"feedbackId\"}: " + message);
        assertTrue(bed.drain(bed.escalationQueueUrl).isEmpty(), "form-intake never talks to the escalator");
    }

    @Test
    void sameIdempotencyKeyAnswersTheFirstIdAndStoresOnce() {
        String first = body(invoke(sample("form-intake-post-json.json"))).get("id").asText();
        JsonNode again = invoke(sample("form-intake-post-json.json"));

        assertEquals(202, again.get("statusCode").asInt());
        assertEquals(first, body(again).get("id").asText());
        assertEquals(1, listAll().size(), "one item for one submission");
        // the retry enqueues again (repairs a lost enqueue); the router ignores what it routed already
        List<Message> queued = bed.drain(bed.feedbackQueueUrl);
        assertEquals(2, queued.size());
        queued.forEach(m -> assertEquals(first, json(m.body()).get("feedbackId").asText()));
    }

    @Test
    void identicalContentWithoutKeyWithinMinutesIsTheSameSubmission() {
        ObjectNode event = sample("form-intake-post-json.json");
        ((ObjectNode) event.get("headers")).remove("idempotency-key");

        String first = body(invoke(event)).get("id").asText();
        String second = body(invoke(event.deepCopy())).get("id").asText();
        assertEquals(first, second);
        assertEquals(1, listAll().size());

        // different content is different feedback
        ObjectNode other = event.deepCopy();
        other.put("body", jsonBody("Minsu Kim", "minsu@example.org", "My delivery is late", "Another message.", 2));
        String third = body(invoke(other)).get("id").asText();
        assertNotEquals(first, third);
        assertEquals(2, listAll().size());
    }

    @Test
    void differentKeysWithIdenticalContentAreDifferentSubmissions() {
        ObjectNode a = sample("form-intake-post-json.json");
        ((ObjectNode) a.get("headers")).put("idempotency-key", "key-a");
        ObjectNode b = sample("form-intake-post-json.json");
        ((ObjectNode) b.get("headers")).put("idempotency-key", "key-b");
        assertNotEquals(body(invoke(a)).get("id").asText(), body(invoke(b)).get("id").asText());
    }

    /*
     * README: "A 202 means the item is in DynamoDB." The dedupe key of a submission with an
     * Idempotency-Key is the key alone (Submission.dedupeKey: "key\n" + idempotencyKey), global to
     * the public endpoint and blind to the content. A second customer (or a client that reuses a
     * constant key) sending *different* feedback under a key seen in the last 24 h is answered 202
     * with the first customer's id, and their words are stored nowhere. The IETF Idempotency-Key
     * draft answers a reused key with a different payload with 422; at the least the answer must
     * not claim the second message is stored.
     */
    @Test
    void reusedKeyWithOtherCustomersFeedbackIsNotSilentlyDropped() {
        invoke(sample("form-intake-post-json.json"));
        ObjectNode other = sample("form-intake-post-json.json");
        other.put("body", jsonBody("Eve Park", "eve@example.org", "Refund", "Please refund my order 42.", 3));
        JsonNode response = invoke(other);

        if (response.get("statusCode").asInt() == 202) {
            Feedback stored = bed.repository().find(body(response).get("id").asText()).orElseThrow();
            assertEquals("eve@example.org", stored.customer().email(), "a 202 must mean *this* message is stored");
            assertEquals("Please refund my order 42.", stored.message());
        } else {
            assertEquals(422, response.get("statusCode").asInt());
            assertEquals("Idempotency-Key", body(response).get("field").asText());
        }
    }

    @Test
    void malformedJsonIs400() {
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"), "{\"name\": \"Minsu\", "));
        assertEquals(400, response.get("statusCode").asInt());
        assertTrue(body(response).get("error").asText().contains("not valid JSON"), body(response).toString());
        assertNothingStoredOrQueued();
    }

    /** Before: Jackson read the first object and ignored the rest, and kept the last of two equal keys (202). */
    @Test
    void somethingAfterTheObjectIs400() {
        String object = jsonBody("Minsu", "minsu@example.org", "Late", "Still nothing.", null);
        for (String tail : new String[] {"x", "{\"email\": \"other@example.org\"}", " 42", "]", "\n{}", "}"}) {
            JsonNode response = invoke(withBody(sample("form-intake-post-json.json"), object + tail));
            assertEquals(400, response.get("statusCode").asInt(), tail);
            assertTrue(body(response).get("error").asText().contains("nothing after it"), body(response).toString());
        }
        assertNothingStoredOrQueued();
        // white space after the object is no content
        assertEquals(202, invoke(withBody(sample("form-intake-post-json.json"), object + " \r\n\t")).get("statusCode").asInt());
    }

    @Test
    void aFieldGivenTwiceIs400NamingIt() {
        String twice = "{\"name\": \"Minsu\", \"email\": \"minsu@example.org\", \"message\": \"hi\","
                + " \"email\": \"someone-else@example.org\"}";
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"), twice));
        assertEquals(400, response.get("statusCode").asInt());
        assertEquals("email", body(response).get("field").asText(), body(response).toString());
        assertTrue(body(response).get("error").asText().contains("more than once"), body(response).toString());
        JsonNode rating = invoke(withBody(sample("form-intake-post-json.json"),
                "{\"name\": \"M\", \"email\": \"m@example.org\", \"message\": \"hi\", \"rating\": 5, \"rating\": 1}"));
        assertEquals(400, rating.get("statusCode").asInt());
        assertEquals("rating", body(rating).get("field").asText());
        assertNothingStoredOrQueued();
    }

    @Test
    void jsonArrayIs400() {
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"),
                "[{\"name\": \"Minsu\", \"email\": \"minsu@example.org\", \"message\": \"hi\"}]"));
        assertEquals(400, response.get("statusCode").asInt());
        assertTrue(body(response).get("error").asText().contains("JSON object"), body(response).toString());
        assertNothingStoredOrQueued();
    }

    @Test
    void wrongFieldTypeIs400NamingTheField() {
        Map<String, String> bodies = Map.of(
                "email", "{\"name\": \"Minsu\", \"email\": [\"minsu@example.org\"], \"message\": \"hi\"}",
                "message", "{\"name\": \"Minsu\", \"email\": \"minsu@example.org\", \"message\": {\"text\": \"hi\"}}",
                "name", "{\"name\": 42, \"email\": \"minsu@example.org\", \"message\": \"hi\"}",
                "rating", "{\"name\": \"Minsu\", \"email\": \"minsu@example.org\", \"message\": \"hi\", \"rating\": 4.5}");
        bodies.forEach((field, text) -> {
            JsonNode response = invoke(withBody(sample("form-intake-post-json.json"), text));
            assertEquals(400, response.get("statusCode").asInt(), field);
            JsonNode error = body(response);
            assertEquals(field, error.get("field").asText(), error.toString());
            assertTrue(error.get("error").asText().startsWith(field + " must be"), error.toString());
        });
        assertNothingStoredOrQueued();
    }

    @Test
    void missingEmailIs400NamingEmail() {
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"),
                "{\"name\": \"Minsu Kim\", \"message\": \"Where is my parcel?\"}"));
        assertEquals(400, response.get("statusCode").asInt());
        JsonNode error = body(response);
        assertEquals("email", error.get("field").asText());
        assertFalse(error.get("error").asText().isBlank());
        assertEquals("required", error.at("/errors/0/code").asText());
        assertNothingStoredOrQueued();
    }

    @Test
    void everyBadFieldIsListed() {
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"),
                "{\"name\": \"\", \"email\": \"not-an-address\", \"message\": \" \", \"rating\": 9}"));
        assertEquals(400, response.get("statusCode").asInt());
        JsonNode error = body(response);
        assertEquals("name", error.get("field").asText(), "the first bad field in form order");
        List<String> fields = new java.util.ArrayList<>();
        error.get("errors").forEach(e -> fields.add(e.get("field").asText() + ":" + e.get("code").asText()));
        assertEquals(List.of("name:required", "email:invalid", "message:required", "rating:invalid"), fields);
        assertNothingStoredOrQueued();
    }

    @Test
    void bodyOver64KiBIs413() {
        String big = jsonBody("Minsu Kim", "minsu@example.org", "Big", "x".repeat(64 * 1024), 2);
        JsonNode response = invoke(withBody(sample("form-intake-post-json.json"), big));
        assertEquals(413, response.get("statusCode").asInt());
        assertTrue(body(response).get("error").asText().contains("64 KiB"));
        assertNothingStoredOrQueued();

        // exactly 64 KiB is still taken
        String padded = padTo(jsonBody("Minsu Kim", "minsu@example.org", "Big", "x", 2), 64 * 1024);
        assertEquals(64 * 1024, padded.getBytes(StandardCharsets.UTF_8).length);
        assertEquals(202, invoke(withBody(sample("form-intake-post-json.json"), padded)).get("statusCode").asInt());
    }

    @Test
    void base64BodyOver64KiBIs413AfterDecoding() {
        // API Gateway base64-encodes bodies; the limit applies to the bytes the customer sent
        String form = "name=Minsu&email=minsu%40example.org&message=" + "y".repeat(64 * 1024);
        ObjectNode event = sample("form-intake-post-form.json");
        event.put("body", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        JsonNode response = invoke(event);
        assertEquals(413, response.get("statusCode").asInt());
        assertTrue(response.at("/headers/content-type").asText().startsWith("text/html"));
        assertTrue(response.get("body").asText().contains("(413)</title>"));
        assertNothingStoredOrQueued();
    }

    @Test
    void unsupportedContentTypeIs415() {
        for (String type : new String[] {"text/plain", "multipart/form-data; boundary=x", ""}) {
            ObjectNode event = sample("form-intake-post-json.json");
            ((ObjectNode) event.get("headers")).put("content-type", type);
            JsonNode response = invoke(event);
            assertEquals(415, response.get("statusCode").asInt(), type);
            assertTrue(body(response).get("error").asText().contains("application/json"));
        }
        assertNothingStoredOrQueued();
    }

    @Test
    void jsonContentTypeWithCharsetIsAccepted() {
        ObjectNode event = sample("form-intake-post-json.json");
        ((ObjectNode) event.get("headers")).put("content-type", "application/json; charset=utf-8");
        assertEquals(202, invoke(event).get("statusCode").asInt());
    }

    @Test
    void filledHoneypotAnswersLikeSuccessButKeepsNothing() {
        ObjectNode event = withBody(sample("form-intake-post-json.json"),
                "{\"name\": \"Bot\", \"email\": \"bot@example.org\", \"message\": \"buy\", \"website\": \"http://spam\"}");
        JsonNode response = invoke(event);

        assertEquals(202, response.get("statusCode").asInt());
        String decoy = body(response).get("id").asText();
        assertTrue(FeedbackIds.isWellFormed(decoy), "the bot cannot tell: " + decoy);
        assertTrue(bed.repository().find(decoy).isEmpty(), "the decoy id is not stored");
        assertNothingStoredOrQueued();
    }

    @Test
    void blankHoneypotIsAPerson() {
        ObjectNode event = withBody(sample("form-intake-post-json.json"),
                "{\"name\": \"Minsu\", \"email\": \"minsu@example.org\", \"message\": \"hi\", \"website\": \"  \"}");
        String id = body(invoke(event)).get("id").asText();
        assertTrue(bed.repository().find(id).isPresent());
    }

    // --- browsers -----------------------------------------------------------------------------

    @Test
    void browserFormPostGetsAKoreanThankYouPageAndIsStored() {
        JsonNode response = invoke(sample("form-intake-post-form.json"));

        assertEquals(202, response.get("statusCode").asInt());
        assertTrue(response.at("/headers/content-type").asText().startsWith("text/html"));
        String html = response.get("body").asText();
        assertTrue(html.contains("<html lang=\"ko\">"), html);
        assertTrue(html.contains("의견을 잘 받았어요"));
        Matcher ref = REFERENCE.matcher(html);
        assertTrue(ref.find(), "the page shows the reference");
        String id = ref.group(1);

        Feedback stored = bed.repository().find(id).orElseThrow();
        assertEquals("Minsu Kim", stored.customer().name());
        assertEquals("minsu@example.org", stored.customer().email());
        assertEquals("배송이 늦어요", stored.message());
        assertEquals(null, stored.subject(), "an empty subject is no subject");
        assertEquals(1, stored.rating());
        List<Message> queued = bed.drain(bed.feedbackQueueUrl);
        assertEquals(1, queued.size());
        assertEquals(id, json(queued.get(0).body()).get("feedbackId").asText());
    }

    @Test
    void browserPostWithBadEmailReRendersTheFormWithWhatWasTyped() {
        String form = "name=Minsu+Kim&email=minsu-at-example&subject=Late&message=%EB%B0%B0%EC%86%A1%3C%2Fb%3E&rating=3&lang=ko&website=";
        ObjectNode event = sample("form-intake-post-form.json");
        event.put("body", Base64.getEncoder().encodeToString(form.getBytes(StandardCharsets.UTF_8)));
        JsonNode response = invoke(event);

        assertEquals(400, response.get("statusCode").asInt());
        assertTrue(response.at("/headers/content-type").asText().startsWith("text/html"));
        String html = response.get("body").asText();
        assertTrue(html.contains("<html lang=\"ko\">"));
        assertTrue(html.contains("<form method=\"post\" action=\"feedback\""));
        assertTrue(html.contains("올바른 이메일 주소를 입력해 주세요"), "the error in the customer's language");
        assertTrue(html.contains("aria-invalid=\"true\""));
        assertTrue(html.contains("value=\"minsu-at-example\""), "what was typed is kept");
        assertTrue(html.contains("value=\"Minsu Kim\""));
        assertTrue(html.contains("배송&lt;/b&gt;"), "and escaped");
        assertNothingStoredOrQueued();
    }

    @Test
    void formPostFromAScriptGetsJson() {
        ObjectNode event = sample("form-intake-post-form.json");
        ((ObjectNode) event.get("headers")).put("accept", "application/json");
        JsonNode response = invoke(event);
        assertEquals(202, response.get("statusCode").asInt());
        assertTrue(bed.repository().find(body(response).get("id").asText()).isPresent());
    }

    @Test
    void getRootServesTheForm() {
        JsonNode response = invoke(sample("form-intake-get-form.json"));
        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(response.at("/headers/content-type").asText().startsWith("text/html"));
        String html = response.get("body").asText();
        assertTrue(html.startsWith("<!DOCTYPE html>"));
        assertTrue(html.contains("<html lang=\"en\">"), "accept-language en-US");
        assertTrue(html.contains("<form method=\"post\" action=\"feedback\""));
        for (String field : new String[] {"name", "email", "subject", "message", "rating", "website"}) {
            assertTrue(html.contains("name=\"" + field + "\""), field);
        }

        ObjectNode korean = sample("form-intake-get-form.json");
        korean.putObject("queryStringParameters").put("lang", "ko");
        korean.put("rawQueryString", "lang=ko");
        assertTrue(invoke(korean).get("body").asText().contains("<html lang=\"ko\">"));
    }

    @Test
    void unknownPathIs404AndGetOnFeedbackIs405() {
        ObjectNode unknown = sample("form-intake-get-form.json");
        unknown.put("rawPath", "/admin");
        ((ObjectNode) unknown.at("/requestContext/http")).put("path", "/admin");
        JsonNode response = invoke(unknown);
        assertEquals(404, response.get("statusCode").asInt());
        assertTrue(body(response).get("error").asText().contains("/admin"));

        ObjectNode get = sample("form-intake-get-form.json");
        get.put("rawPath", "/feedback");
        assertEquals(405, invoke(get).get("statusCode").asInt());
        assertNothingStoredOrQueued();
    }

    // --- helpers ------------------------------------------------------------------------------

    private JsonNode invoke(ObjectNode event) {
        return Invoke.handler(handler, event.toString());
    }

    private List<Feedback> listAll() {
        return bed.repository().list(null, null, 100, null).items();
    }

    private void assertNothingStoredOrQueued() {
        assertEquals(List.of(), listAll(), "nothing stored");
        assertEquals(List.of(), bed.drain(bed.feedbackQueueUrl), "nothing queued");
    }

    static ObjectNode sample(String name) {
        return (ObjectNode) json(TestBed.event(name));
    }

    static ObjectNode withBody(ObjectNode event, String body) {
        event.put("body", body);
        event.put("isBase64Encoded", false);
        return event;
    }

    static JsonNode body(JsonNode response) {
        return json(response.get("body").asText());
    }

    static JsonNode json(String text) {
        try {
            return Json.MAPPER.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String jsonBody(String name, String email, String subject, String message, Integer rating) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        body.put("name", name).put("email", email).put("subject", subject).put("message", message);
        if (rating != null) {
            body.put("rating", rating);
        }
        return body.toString();
    }

    /** JSON of exactly {@code size} bytes: the same object with spaces before its closing brace. */
    static String padTo(String json, int size) {
        int missing = size - json.getBytes(StandardCharsets.UTF_8).length;
        return json.substring(0, json.length() - 1) + " ".repeat(missing) + "}";
    }
}
