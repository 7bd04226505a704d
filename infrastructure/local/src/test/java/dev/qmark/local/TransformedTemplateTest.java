package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.Json;
import dev.qmark.aws.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What API Gateway really gets: template.yaml run through AWS's own SAM translator
 * (tools/sam-transform.py), not our reading of the YAML. The public routes must come out
 * without authorization and every other route with IAM, so a staff route that becomes public by
 * accident (or a new route nobody marked) fails here. Skipped where python3 or the translator
 * is missing, required under CI=true.
 */
class TransformedTemplateTest {

    /** The routes anybody may call. Everything else must need SigV4. */
    /** The form, its post, and the customers' rating pages (reached from mail, signed tokens in the path). */
    static final Set<String> PUBLIC = Set.of("GET /", "POST /feedback", "GET /rate/{token}", "POST /rate/{token}");
    static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options", "x-amazon-apigateway-any-method");

    static Path python;
    static boolean translatorFound;

    /** Per test, not per class: surefire reports a skip in @BeforeAll as no tests at all, message lost. */
    @BeforeEach
    void translator() {
        python = ExternalTool.require("python3", "install Python 3");
        if (!translatorFound) {
            ExternalTool.Result probe = ExternalTool.run(TemplateTest.ROOT, Duration.ofMinutes(1),
                    List.of(python.toString(), "-c", "import samtranslator"));
            if (probe.exitCode() != 0) {
                ExternalTool.missing("the SAM translator is not installed for " + python, "pip install aws-sam-translator; cfn-lint brings it");
            }
            translatorFound = true;
        }
    }

    @Test
    void publicRoutesArePublicAndEveryOtherRouteNeedsIam() throws IOException {
        Map<String, String> routes = authorization(transform(TemplateTest.ROOT.resolve("template.yaml")));
        Set<String> declared = new TreeSet<>();
        LocalSystem.API_ROUTES.forEach(r -> declared.add(r.method() + " " + r.path()));
        assertEquals(declared, routes.keySet(), "routes after the transform vs the routes the code serves");
        Map<String, String> expected = new TreeMap<>();
        routes.keySet().forEach(route -> expected.put(route, PUBLIC.contains(route) ? "NONE" : "AWS_IAM"));
        assertEquals(expected, routes);
        assertTrue(routes.keySet().containsAll(PUBLIC), "a public route went missing: " + routes.keySet());
    }

    /**
     * Least privilege as deployed: the roles SAM generates, not our policy templates. form-intake
     * reads it to verify the rating links' tokens.
     */
    @Test
    void onlyTheFunctionsThatSignOrVerifyRepliesMayReadTheSecretAndOnlyThatOne() throws IOException {
        JsonNode resources = transform(TemplateTest.ROOT.resolve("template.yaml")).path("Resources");
        Map<String, Set<String>> readers = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (!resource.getValue().path("Type").asText().equals("AWS::IAM::Role")) {
                continue;
            }
            for (JsonNode policy : resource.getValue().path("Properties").path("Policies")) {
                for (JsonNode statement : policy.path("PolicyDocument").path("Statement")) {
                    JsonNode actions = statement.path("Action");
                    for (JsonNode action : actions.isArray() ? actions : Json.MAPPER.createArrayNode().add(actions)) {
                        if (action.asText().toLowerCase().startsWith("secretsmanager:")) {
                            assertEquals("secretsmanager:GetSecretValue", action.asText(), resource.getKey());
                            readers.computeIfAbsent(resource.getKey(), k -> new TreeSet<>()).add(statement.path("Resource").toString());
                        }
                    }
                }
            }
            assertTrue(resource.getValue().path("Properties").path("ManagedPolicyArns").toString().indexOf("SecretsManager") < 0,
                    resource.getKey() + " has a managed Secrets Manager policy");
        }
        String onlyTheSecret = "{\"Fn::Sub\":[\"${secretArn}\",{\"secretArn\":{\"Ref\":\"ReplyTokenSecret\"}}]}";
        Map<String, Set<String>> expected = new TreeMap<>();
        for (String role : List.of("EscalatorFunctionRole", "FormIntakeFunctionRole", "MailEventsFunctionRole",
                "MailIntakeFunctionRole", "SweeperFunctionRole")) {
            expected.put(role, Set.of(onlyTheSecret));
        }
        assertEquals(expected, readers);
    }

    /** The rating pages are public and reached from mail: the deployed stage throttles both routes. */
    @Test
    void theRatingRoutesAreThrottledOnTheDeployedStage() throws IOException {
        JsonNode resources = transform(TemplateTest.ROOT.resolve("template.yaml")).path("Resources");
        JsonNode settings = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals("AWS::ApiGatewayV2::Stage")) {
                settings = resource.getValue().path("Properties").path("RouteSettings");
            }
        }
        assertTrue(settings != null && settings.isObject(), "no stage with route settings: " + settings);
        for (String route : List.of("GET /rate/{token}", "POST /rate/{token}")) {
            assertTrue(settings.path(route).path("ThrottlingRateLimit").asDouble() > 0, route + ": " + settings);
            assertTrue(settings.path(route).path("ThrottlingBurstLimit").asInt() > 0, route + ": " + settings);
        }
    }

    /**
     * The figures function as deployed: the table's stream mapped with partial batch failures (a
     * failed record is retried from, not the batch) in a tumbling window (the event names its shard),
     * one batch per shard at a time, and what it gives up on sent to its DLQ, which its role may send to.
     */
    @Test
    void theTableStreamReachesTheFiguresFunctionWithAnOnFailureDestination() throws IOException {
        JsonNode resources = transform(TemplateTest.ROOT.resolve("template.yaml")).path("Resources");
        JsonNode mapping = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = resources.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            if (resource.getValue().path("Type").asText().equals("AWS::Lambda::EventSourceMapping")
                    && resource.getValue().path("Properties").path("EventSourceArn").toString().contains("StreamArn")) {
                assertTrue(mapping == null, "one stream mapping");
                mapping = resource.getValue().path("Properties");
            }
        }
        assertTrue(mapping != null, "the table's stream is mapped to a function");
        assertTrue(mapping.path("FunctionName").toString().contains("FiguresFunction"), mapping.toString());
        assertEquals("[\"ReportBatchItemFailures\"]", mapping.path("FunctionResponseTypes").toString());
        // the shard in each event (a tumbling window's), each shard's records in order (one batch at a time), a
        // retry from the first record not counted (no bisecting): what the cells' per-shard sequence numbers rely on
        assertTrue(mapping.path("TumblingWindowInSeconds").asInt() > 0, mapping.toString());
        assertTrue(mapping.path("ParallelizationFactor").isMissingNode() || mapping.path("ParallelizationFactor").asInt() == 1,
                mapping.toString());
        assertTrue(!mapping.path("BisectBatchOnFunctionError").asBoolean(false), mapping.toString());
        assertTrue(mapping.path("DestinationConfig").path("OnFailure").path("Destination").toString().contains("FiguresDLQ"),
                mapping.toString());
        assertTrue(resources.path("FiguresFunctionRole").toString().contains("FiguresDLQ"),
                "the figures function's role may send to its on-failure destination");
    }

    /** The check above can fail: a staff route opted out of IAM comes out public. */
    @Test
    void aStaffRouteMadePublicIsCaught(@TempDir Path dir) throws IOException {
        String template = Files.readString(TemplateTest.ROOT.resolve("template.yaml"));
        String review = "            Path: /review\n";
        assertTrue(template.contains(review), "the staff route /review moved; update this test");
        Path opened = dir.resolve("template.yaml");
        Files.writeString(opened, template.replace(review, review + "            Auth:\n              Authorizer: NONE\n"));
        assertEquals("NONE", authorization(transform(opened)).get("GET /review"));
    }

    /** Each route's authorization type, as API Gateway will import it: "METHOD /path" -> NONE or AWS_IAM. */
    static Map<String, String> authorization(JsonNode template) {
        Map<String, String> routes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = template.path("Resources").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> resource = it.next();
            JsonNode properties = resource.getValue().path("Properties");
            switch (resource.getValue().path("Type").asText()) {
                case "AWS::ApiGatewayV2::Api" -> routes.putAll(openApiRoutes(properties.path("Body")));
                case "AWS::ApiGatewayV2::Route" -> routes.put(properties.path("RouteKey").asText(),
                        properties.path("AuthorizationType").asText("NONE"));
                case "AWS::ApiGateway::RestApi" -> throw new AssertionError("a REST API appeared; extend this test to it");
                default -> { }
            }
        }
        assertFalse(routes.isEmpty(), "the transformed template has no HTTP API routes");
        return routes;
    }

    /**
     * SAM writes an HTTP API's routes into its OpenAPI body. A route's {@code security} names
     * the schemes it requires: one with {@code x-amazon-apigateway-authtype: awsSigv4} is IAM;
     * SAM's {@code NONE} (a name with no scheme behind it), an empty list or no security at all
     * (with none at the top level) is a route without authorization.
     */
    static Map<String, String> openApiRoutes(JsonNode body) {
        assertTrue(body.isObject(), "the HTTP API has no inline OpenAPI body: " + body);
        JsonNode schemes = body.path("components").path("securitySchemes");
        Map<String, String> routes = new TreeMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = body.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> ops = path.getValue().fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (!METHODS.contains(op.getKey())) {
                    continue;
                }
                JsonNode security = op.getValue().has("security") ? op.getValue().get("security") : body.path("security");
                Set<String> types = new TreeSet<>();
                for (JsonNode requirement : security) {
                    for (Iterator<String> names = requirement.fieldNames(); names.hasNext(); ) {
                        String name = names.next();
                        JsonNode scheme = schemes.path(name);
                        if ("awsSigv4".equals(scheme.path("x-amazon-apigateway-authtype").asText())) {
                            types.add("AWS_IAM");
                        } else if (name.equals("NONE") && scheme.isMissingNode()) {
                            types.add("NONE");
                        } else {
                            types.add("OTHER(" + name + ")");
                        }
                    }
                }
                String method = op.getKey().equals("x-amazon-apigateway-any-method") ? "ANY" : op.getKey().toUpperCase();
                routes.put(method + " " + path.getKey(), types.isEmpty() ? "NONE" : String.join("+", types));
            }
        }
        return routes;
    }

    static JsonNode transform(Path template) throws IOException {
        ExternalTool.Result result = ExternalTool.run(TemplateTest.ROOT, Duration.ofMinutes(2), List.of(python.toString(),
                TemplateTest.ROOT.resolve("tools/sam-transform.py").toString(), template.toString()));
        assertEquals(0, result.exitCode(), "sam-transform.py " + template + ":\n" + result.all());
        return Json.MAPPER.readTree(result.output());
    }
}
