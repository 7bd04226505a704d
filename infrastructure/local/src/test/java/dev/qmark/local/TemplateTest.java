package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.secrets.ReplyTokenSecret;
import dev.qmark.aws.ses.SesSending;
import dev.qmark.aws.testing.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Keeps template.yaml honest: it must deploy exactly what the code is. Every function module
 * deployed with an existing handler, every environment variable a handler reads declared (and
 * none that nobody reads), every reference resolving, every queue with a DLQ and its senders
 * allowed to send, the table's keys and indexes as the code creates them, the HTTP routes as the
 * local gateway serves them, a sample event per trigger, and the reply-token secret readable by
 * exactly the functions that use it.
 */
class TemplateTest {

    static final Path ROOT = LocalHttp.repositoryRoot();
    static final Map<String, Object> TEMPLATE = CloudFormationYaml.read(ROOT.resolve("template.yaml"));
    static final Map<String, Object> RESOURCES = map(TEMPLATE.get("Resources"));
    /** Set for the JVM, not read by our code. */
    static final Set<String> RUNTIME_VARIABLES = Set.of("JAVA_TOOL_OPTIONS");
    static final Pattern REQUIRED_VARIABLE = Pattern.compile("require\\(\"([A-Z0-9_]+)\"\\)");

    @Test
    void everyFunctionModuleIsDeployedWithItsHandler() throws Exception {
        Set<String> modules = functionModules();
        Set<String> deployed = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Map<String, Object> properties = map(function.getValue().get("Properties"));
            String module = module(function.getKey());
            deployed.add(module);
            assertEquals("functions/" + module + "/target/" + module + ".jar", properties.get("CodeUri"), function.getKey());
            assertEquals(Boolean.TRUE, map(function.getValue().get("Metadata")).get("SkipBuild"), function.getKey());
            String handler = (String) properties.get("Handler");
            assertTrue(handler.endsWith("::handleRequest"), handler);
            Class<?> type = Class.forName(handler.substring(0, handler.indexOf("::")));
            assertTrue(RequestStreamHandler.class.isAssignableFrom(type), handler);
            type.getConstructor();  // Lambda builds it with the no-argument constructor
        }
        assertEquals(modules, deployed, "function modules vs functions in template.yaml");
    }

    @Test
    void environmentVariablesAreExactlyWhatTheHandlersRead() throws IOException {
        Set<String> global = map(map(map(map(TEMPLATE.get("Globals")).get("Function")).get("Environment"))
                .get("Variables")).keySet();
        for (String function : functions().keySet()) {
            Set<String> declared = new TreeSet<>(global);
            declared.addAll(variables(function).keySet());
            declared.removeAll(RUNTIME_VARIABLES);
            assertEquals(variablesRead(module(function)), declared, function + ": environment in template.yaml vs code");
        }
    }

    @Test
    void everyReferenceResolvesAndEveryResourceIsUsed() {
        Set<String> targets = new TreeSet<>();
        collectReferences(TEMPLATE.get("Resources"), targets);
        collectReferences(TEMPLATE.get("Globals"), targets);
        collectReferences(TEMPLATE.get("Outputs"), targets);
        Set<String> known = new HashSet<>(RESOURCES.keySet());
        known.addAll(map(TEMPLATE.get("Parameters")).keySet());
        for (String target : targets) {
            String name = target.contains(".") ? target.substring(0, target.indexOf('.')) : target;
            assertTrue(known.contains(name) || name.startsWith("AWS::"), "unresolved reference " + target);
        }
        Set<String> used = new HashSet<>();
        targets.forEach(t -> used.add(t.contains(".") ? t.substring(0, t.indexOf('.')) : t));
        for (Map.Entry<String, Object> resource : RESOURCES.entrySet()) {
            String type = (String) map(resource.getValue()).get("Type");
            if (type.equals("AWS::SQS::Queue") || type.equals("AWS::DynamoDB::Table") || type.equals("AWS::S3::Bucket")) {
                assertTrue(used.contains(resource.getKey()), resource.getKey() + " is declared but nothing uses it");
            }
        }
        for (String parameter : map(TEMPLATE.get("Parameters")).keySet()) {
            assertTrue(used.contains(parameter), "parameter " + parameter + " is never used");
        }
    }

    @Test
    void everyWorkQueueHasADeadLetterQueueAndItsSendersMaySend() {
        Set<String> deadLetterTargets = new TreeSet<>();
        for (Map.Entry<String, Object> resource : RESOURCES.entrySet()) {
            Map<String, Object> properties = map(map(resource.getValue()).get("Properties"));
            if (properties.get("RedrivePolicy") != null) {
                deadLetterTargets.add(target(map(properties.get("RedrivePolicy")).get("deadLetterTargetArn")));
            }
            Object invokeConfig = properties.get("EventInvokeConfig");
            if (invokeConfig != null) {
                deadLetterTargets.add(target(map(map(map(invokeConfig).get("DestinationConfig")).get("OnFailure")).get("Destination")));
            }
        }
        deadLetterTargets.addAll(streamFailureDestinations());
        for (Map.Entry<String, Object> resource : RESOURCES.entrySet()) {
            Map<String, Object> body = map(resource.getValue());
            if (body.get("Type").equals("AWS::SQS::Queue") && !deadLetterTargets.contains(resource.getKey())) {
                assertTrue(map(body.get("Properties")).containsKey("RedrivePolicy"), resource.getKey() + " has no DLQ");
            }
        }
        for (String function : functions().keySet()) {
            for (Map.Entry<String, Object> variable : variables(function).entrySet()) {
                if (variable.getKey().endsWith("_QUEUE_URL")) {
                    String queue = target(variable.getValue());
                    assertTrue(sendPolicies(function).contains(queue), function + " sends to " + queue + " without SQSSendMessagePolicy");
                }
            }
        }
    }

    /** A message in a DLQ is something Qmark could not do (a mail it could not apply, say): somebody must hear of it. */
    @Test
    void everyDeadLetterQueueHasAnAlarmThatTellsSomebody() {
        Set<String> deadLetterQueues = new TreeSet<>();
        for (Map.Entry<String, Object> resource : RESOURCES.entrySet()) {
            Map<String, Object> properties = map(map(resource.getValue()).get("Properties"));
            if (properties.get("RedrivePolicy") != null) {
                deadLetterQueues.add(target(map(properties.get("RedrivePolicy")).get("deadLetterTargetArn")));
            }
            Object invokeConfig = properties.get("EventInvokeConfig");
            if (invokeConfig != null) {
                deadLetterQueues.add(target(map(map(map(invokeConfig).get("DestinationConfig")).get("OnFailure")).get("Destination")));
            }
        }
        deadLetterQueues.addAll(streamFailureDestinations());
        assertTrue(deadLetterQueues.contains("MailIntakeDLQ"), deadLetterQueues.toString());
        Set<String> alarmed = new TreeSet<>();
        for (Map<String, Object> alarm : alarms().values()) {
            for (Map<String, Object> metric : alarmMetrics(alarm)) {
                if ("AWS/SQS".equals(metric.get("Namespace"))
                        && "ApproximateNumberOfMessagesVisible".equals(metric.get("MetricName"))) {
                    alarmed.add(dimension(metric, "QueueName"));
                }
            }
        }
        assertEquals(deadLetterQueues, alarmed, "dead-letter queues vs alarms on them");
    }

    /** Derived from the template's functions, so a function added later is caught without an alarm. */
    @Test
    void everyFunctionHasAnAlarmOnItsErrorsAndThrottles() {
        for (String function : functions().keySet()) {
            for (String metricName : List.of("Errors", "Throttles")) {
                boolean alarmed = alarms().values().stream().flatMap(alarm -> alarmMetrics(alarm).stream())
                        .anyMatch(metric -> "AWS/Lambda".equals(metric.get("Namespace"))
                                && metricName.equals(metric.get("MetricName"))
                                && function.equals(dimension(metric, "FunctionName")));
                assertTrue(alarmed, function + " has no alarm on its " + metricName);
            }
        }
    }

    @Test
    void everyAlarmTellsTheAlarmTopicWhichMailsAlarmEmail() {
        assertFalse(alarms().isEmpty());
        alarms().forEach((name, alarm) -> assertEquals(List.of(Map.of("Ref", "AlarmTopic")), alarm.get("AlarmActions"), name));
        String topic = String.valueOf(map(RESOURCES.get("AlarmTopic")).get("Properties"));
        assertTrue(topic.contains("{Ref=AlarmEmail}") && topic.contains("Protocol=email"), topic);
    }

    /** The sweeper not running is silence, not an error: only missing invocations (treated as breaching) show it. */
    @Test
    void theSweepersSilenceForFiveMinutesIsAnAlarm() {
        Map<String, Object> heartbeat = alarms().values().stream()
                .filter(alarm -> "Invocations".equals(alarm.get("MetricName"))
                        && "SweeperFunction".equals(dimension(alarm, "FunctionName")))
                .findFirst().orElseThrow(() -> new AssertionError("no alarm on the sweeper's invocations"));
        assertEquals("breaching", heartbeat.get("TreatMissingData"));
        assertEquals("LessThanThreshold", heartbeat.get("ComparisonOperator"));
        assertEquals(300, ((Number) heartbeat.get("Period")).intValue() * ((Number) heartbeat.get("EvaluationPeriods")).intValue());
    }

    @Test
    void theSesAccountsBounceAndComplaintRatesHaveAlarmsBelowSesOwnLimits() {
        Map<String, Double> thresholds = new TreeMap<>();
        alarms().values().stream().filter(alarm -> "AWS/SES".equals(alarm.get("Namespace")))
                .forEach(alarm -> thresholds.put((String) alarm.get("MetricName"), ((Number) alarm.get("Threshold")).doubleValue()));
        assertEquals(Set.of("Reputation.BounceRate", "Reputation.ComplaintRate"), thresholds.keySet());
        assertTrue(thresholds.get("Reputation.BounceRate") < 0.10, "SES pauses sending at a 10% bounce rate");
        assertTrue(thresholds.get("Reputation.ComplaintRate") < 0.005, "SES pauses sending at a 0.5% complaint rate");
    }

    /**
     * SES publishes, and mail-events is invoked for, what went wrong with a mail only (bounces, complaints,
     * rejections, delays); sends and deliveries SES counts itself. The local destination plays the same.
     */
    @Test
    void mailEventsHearOnlyWhatWentWrong() {
        Map<String, Object> events = map(map(functions().get("MailEventsFunction").get("Properties")).get("Events"));
        Map<String, Object> pattern = map(map(map(events.get("SesEvents")).get("Properties")).get("Pattern"));
        assertEquals(SesEventDestination.DETAIL_TYPES, new TreeSet<>((List<?>) pattern.get("detail-type")));
        Map<String, Object> destination = map(map(map(RESOURCES.get("MailEventsDestination")).get("Properties"))
                .get("EventDestination"));
        assertEquals(List.of("bounce", "complaint", "reject", "deliveryDelay"), destination.get("MatchingEventTypes"));
    }

    /**
     * No record per mail sent: what a mail is about travels in its SES message tags. mail-events' table
     * actions are what handing a bounced question on takes (the escalator's claim, the next "?"'s kept
     * text, the timeline, the suppression); the digest, whose reports are about no item, puts nothing.
     */
    @Test
    void tableActionsAreWhatTheMailPathsNeed() {
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:Query",
                "dynamodb:ConditionCheckItem"), tableActions("MailEventsFunction"));
        assertEquals(Set.of("dynamodb:GetItem", "dynamodb:Query", "dynamodb:UpdateItem"), tableActions("DigestFunction"));
    }

    /** The DynamoDB actions a function's statements allow on the table itself (not its indexes). */
    static Set<String> tableActions(String function) {
        Set<String> actions = new TreeSet<>();
        for (Object policy : (List<?>) map(map(RESOURCES.get(function)).get("Properties")).get("Policies")) {
            for (Object statement : (List<?>) map(policy).getOrDefault("Statement", List.of())) {
                Object resource = map(statement).get("Resource");
                if (resource instanceof Map<?, ?> ref && ref.containsKey("Fn::GetAtt") && "FeedbackTable".equals(target(ref))) {
                    for (Object action : (List<?>) map(statement).get("Action")) {
                        actions.add(String.valueOf(action));
                    }
                }
            }
        }
        return actions;
    }

    /** Every figure the functions write (EmfMetrics), every function and every DLQ is on the dashboard. */
    @Test
    void theDashboardShowsEveryFigureFunctionAndDeadLetterQueue() throws IOException {
        String body = (String) map(map(map(RESOURCES.get("Dashboard")).get("Properties")).get("DashboardBody")).get("Fn::Sub");
        JsonNode dashboard = dev.qmark.aws.Json.MAPPER.readTree(body);
        assertTrue(dashboard.path("widgets").size() > 0);
        String emf = Files.readString(ROOT.resolve("functions/aws/src/main/java/dev/qmark/aws/metrics/EmfMetrics.java"));
        Matcher figure = Pattern.compile("new Figure\\((?:late \\? \"(\\w+)\" : )?\"(\\w+)\"").matcher(emf);
        Set<String> figures = new TreeSet<>();
        while (figure.find()) {
            if (figure.group(1) != null) {
                figures.add(figure.group(1));
            }
            figures.add(figure.group(2));
        }
        assertTrue(figures.containsAll(Set.of("FeedbackReceived", "QuestionsSent", "Answered", "AnsweredLate", "Breached",
                "Bounced", "TimeToAnswer", "SweepDuration", "ItemsDue")), figures.toString());
        for (String name : figures) {
            assertTrue(body.contains("\"Qmark\", \"" + name + "\""), name + " is not on the dashboard");
        }
        for (String function : functions().keySet()) {
            assertTrue(body.contains("${" + function + "}"), function + " is not on the dashboard");
        }
        for (Map<String, Object> metric : alarmMetrics(map(map(RESOURCES.get("DeadLetterAlarm")).get("Properties")))) {
            assertTrue(body.contains("${" + dimension(metric, "QueueName") + ".QueueName}"), metric + " is not on the dashboard");
        }
    }

    /** Lambda keeps the functions' JSON lines as they are and filters them by their level. */
    @Test
    void functionsLogJsonLines() {
        Map<String, Object> logging = map(map(map(TEMPLATE.get("Globals")).get("Function")).get("LoggingConfig"));
        assertEquals("JSON", logging.get("LogFormat"));
        assertEquals("INFO", logging.get("ApplicationLogLevel"));
    }

    static Map<String, Map<String, Object>> alarms() {
        Map<String, Map<String, Object>> alarms = new TreeMap<>();
        for (Map.Entry<String, Object> resource : RESOURCES.entrySet()) {
            if ("AWS::CloudWatch::Alarm".equals(map(resource.getValue()).get("Type"))) {
                alarms.put(resource.getKey(), map(map(resource.getValue()).get("Properties")));
            }
        }
        return alarms;
    }

    /** An alarm's metrics: itself when it watches one, else the MetricStats of its metric math. */
    static List<Map<String, Object>> alarmMetrics(Map<String, Object> alarm) {
        if (alarm.get("MetricName") != null) {
            return List.of(alarm);
        }
        List<Map<String, Object>> metrics = new ArrayList<>();
        for (Object query : (List<?>) alarm.getOrDefault("Metrics", List.of())) {
            Object stat = map(query).get("MetricStat");
            if (stat != null) {
                metrics.add(map(map(stat).get("Metric")));
            }
        }
        return metrics;
    }

    /** The resource a metric's dimension names (by Ref or GetAtt), or null. */
    static String dimension(Map<String, Object> metric, String name) {
        for (Object dimension : (List<?>) metric.getOrDefault("Dimensions", List.of())) {
            if (name.equals(map(dimension).get("Name"))) {
                return target(map(dimension).get("Value"));
            }
        }
        return null;
    }

    @Test
    void theReplyTokenSecretIsGeneratedInSecretsManagerAndOnlyItsReadersMayReadIt() throws IOException {
        Map<String, Object> secret = map(RESOURCES.get("ReplyTokenSecret"));
        assertEquals("AWS::SecretsManager::Secret", secret.get("Type"));
        assertTrue(map(secret.get("Properties")).containsKey("GenerateSecretString"), "the stack generates the secret");
        assertFalse(map(TEMPLATE.get("Parameters")).keySet().stream().anyMatch(p -> p.toLowerCase().contains("secret")),
                "no secret travels as a template parameter (it would sit in the function configuration)");
        Set<String> readers = new TreeSet<>();
        for (String function : functions().keySet()) {
            Map<String, Object> variables = variables(function);
            assertFalse(variables.containsKey(ReplyTokenSecret.VARIABLE), function + ": the plain secret is for local runs only");
            Set<String> secretsAllowed = secretsReadable(function);
            if (readsReplyTokenSecret(module(function))) {
                readers.add(function);
                assertEquals("ReplyTokenSecret", target(variables.get(ReplyTokenSecret.ARN_VARIABLE)), function);
                assertEquals(Set.of("ReplyTokenSecret"), secretsAllowed, function + " may read exactly the reply-token secret");
            } else {
                assertEquals(Set.of(), secretsAllowed, function + " signs and verifies no reply tokens, so reads no secret");
            }
        }
        // the functions that sign (escalator, sweeper) or verify (mail-intake) reply addresses, mail-events (whose
        // next "?" after a bounce carries a reply address), and form-intake, which verifies the rating links' tokens
        assertEquals(Set.of("EscalatorFunction", "FormIntakeFunction", "MailEventsFunction", "MailIntakeFunction",
                "SweeperFunction"), readers);
    }

    @Test
    void theTableIsTheOneTheCodeCreates() {
        Map<String, Object> table = map(map(RESOURCES.get("FeedbackTable")).get("Properties"));
        assertEquals("PAY_PER_REQUEST", table.get("BillingMode"));
        assertEquals(List.of(QmarkTable.PK, QmarkTable.SK), keys(table.get("KeySchema")));
        Map<String, List<String>> indexes = new TreeMap<>();
        for (Object index : (List<?>) table.get("GlobalSecondaryIndexes")) {
            Map<String, Object> projection = map(map(index).get("Projection"));
            List<String> shape = new java.util.ArrayList<>(keys(map(index).get("KeySchema")));
            shape.add(String.valueOf(projection.get("ProjectionType")));
            shape.add(String.valueOf(projection.get("NonKeyAttributes")));
            indexes.put((String) map(index).get("IndexName"), shape);
        }
        Map<String, List<String>> expected = new TreeMap<>();
        QmarkTable.INDEXES.forEach(i -> expected.put(i.name(), List.of(i.hashKey(), i.rangeKey(),
                i.projectionType().toString(), String.valueOf(i.projectionType()
                        == software.amazon.awssdk.services.dynamodb.model.ProjectionType.INCLUDE ? i.included() : null))));
        assertEquals(expected, indexes);
        assertEquals(QmarkTable.TTL_ATTRIBUTE, map(table.get("TimeToLiveSpecification")).get("AttributeName"));
        assertEquals(Boolean.TRUE, map(table.get("PointInTimeRecoverySpecification")).get("PointInTimeRecoveryEnabled"));
    }

    @Test
    void httpRoutesAreTheOnesTheLocalGatewayServes() {
        Set<String> declared = new TreeSet<>();
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            for (Object event : map(map(function.getValue().get("Properties")).get("Events")).values()) {
                if ("HttpApi".equals(map(event).get("Type"))) {
                    Map<String, Object> properties = map(map(event).get("Properties"));
                    declared.add(properties.get("Method") + " " + properties.get("Path") + " -> " + module(function.getKey()));
                }
            }
        }
        Set<String> local = new TreeSet<>();
        LocalSystem.API_ROUTES.forEach(r -> local.add(r.method() + " " + r.path() + " -> " + r.function()));
        assertEquals(local, declared);
    }

    @Test
    void everyFunctionHasASampleEventForEachOfItsTriggers() throws IOException {
        Map<String, Set<String>> sources = new TreeMap<>();
        for (String name : SampleEvents.names()) {
            JsonNode event = SampleEvents.json(name);
            String module = functionModules().stream().filter(m -> name.startsWith(m + "-")).findFirst()
                    .orElseGet(() -> fail("events/" + name + " names no function"));
            String source = event.has("routeKey") ? "HttpApi " + event.path("routeKey").asText()
                    : event.has("source") ? event.path("source").asText()
                    : event.path("Records").path(0).path("eventSource").asText();
            sources.computeIfAbsent(module, m -> new TreeSet<>()).add(source);
        }
        for (Map.Entry<String, Map<String, Object>> function : functions().entrySet()) {
            Set<String> have = sources.getOrDefault(module(function.getKey()), Set.of());
            Map<String, Object> events = map(map(function.getValue().get("Properties")).get("Events"));
            for (Object event : events.values()) {
                String type = (String) map(event).get("Type");
                Map<String, Object> properties = map(map(event).get("Properties"));
                String needed = type.equals("HttpApi") ? "HttpApi " + properties.get("Method") + " " + properties.get("Path")
                        : type.startsWith("Schedule") ? "aws.events"
                        : type.equals("EventBridgeRule") ? String.valueOf(((List<?>) map(properties.get("Pattern")).get("source")).get(0))
                        : type.equals("DynamoDB") ? "aws:dynamodb"
                        : "aws:sqs";
                assertTrue(have.contains(needed), function.getKey() + " has no sample event for " + needed + " (has " + have + ")");
            }
            if (module(function.getKey()).equals("mail-intake")) {
                assertTrue(have.containsAll(Set.of("aws:ses", "aws:s3")), "mail-intake needs SES and S3 sample events");
            }
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Where a stream event source mapping sends what it gave up on (its on-failure destination): a DLQ too. */
    static Set<String> streamFailureDestinations() {
        Set<String> destinations = new TreeSet<>();
        for (Map<String, Object> function : functions().values()) {
            Object events = map(function.get("Properties")).get("Events");
            if (events == null) {
                continue;
            }
            for (Object event : map(events).values()) {
                Object config = map(map(event).get("Properties")).get("DestinationConfig");
                if ("DynamoDB".equals(map(event).get("Type")) && config != null) {
                    destinations.add(target(map(map(config).get("OnFailure")).get("Destination")));
                }
            }
        }
        return destinations;
    }

    static Map<String, Map<String, Object>> functions() {
        Map<String, Map<String, Object>> functions = new TreeMap<>();
        RESOURCES.forEach((name, body) -> {
            if ("AWS::Serverless::Function".equals(map(body).get("Type"))) {
                functions.put(name, map(body));
            }
        });
        assertFalse(functions.isEmpty());
        return functions;
    }

    static String module(String function) {
        String codeUri = (String) map(map(RESOURCES.get(function)).get("Properties")).get("CodeUri");
        Matcher m = Pattern.compile("functions/([a-z-]+)/target/.*").matcher(codeUri);
        assertTrue(m.matches(), function + " CodeUri " + codeUri);
        return m.group(1);
    }

    /** Modules under functions/ that build a deployable function (they set function.name). */
    static Set<String> functionModules() throws IOException {
        Set<String> modules = new TreeSet<>();
        try (Stream<Path> dirs = Files.list(ROOT.resolve("functions"))) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path pom = dir.resolve("pom.xml");
                if (Files.exists(pom) && Files.readString(pom).contains("<function.name>")) {
                    modules.add(dir.getFileName().toString());
                }
            }
        }
        return modules;
    }

    static Set<String> variablesRead(String module) throws IOException {
        Set<String> names = new TreeSet<>();
        for (String source : sources(module)) {
            Matcher m = REQUIRED_VARIABLE.matcher(source);
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        if (readsReplyTokenSecret(module)) {
            names.add(ReplyTokenSecret.ARN_VARIABLE);  // in AWS; the plain REPLY_TOKEN_SECRET is for local runs only
        }
        if (sources(module).stream().anyMatch(source -> source.contains("SesSending.sender(") || source.contains("SesSending.ses("))) {
            names.add(SesSending.CONFIGURATION_SET);  // every mail goes out with the configuration set
        }
        return names;
    }

    /** The handler builds its reply tokens from the secret (see {@link ReplyTokenSecret#load}). */
    static boolean readsReplyTokenSecret(String module) throws IOException {
        return sources(module).stream().anyMatch(source -> source.contains("ReplyTokenSecret.load("));
    }

    static List<String> sources(String module) throws IOException {
        List<String> sources = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("functions").resolve(module).resolve("src/main/java"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                sources.add(Files.readString(file));
            }
        }
        return sources;
    }

    static Map<String, Object> variables(String function) {
        Map<String, Object> properties = map(map(RESOURCES.get(function)).get("Properties"));
        Object environment = properties.get("Environment");
        return environment == null ? Map.of() : map(map(environment).get("Variables"));
    }

    static Set<String> sendPolicies(String function) {
        Set<String> queues = new TreeSet<>();
        Object policies = map(map(RESOURCES.get(function)).get("Properties")).get("Policies");
        if (policies instanceof List<?> list) {
            for (Object policy : list) {
                Object send = map(policy).get("SQSSendMessagePolicy");
                if (send != null) {
                    queues.add(target(map(send).get("QueueName")));
                }
            }
        }
        return queues;
    }

    /**
     * The secrets a function's policies let it read: SAM's AWSSecretsManagerGetSecretValuePolicy
     * templates by their SecretArn; any other statement naming a secretsmanager action fails.
     */
    static Set<String> secretsReadable(String function) {
        Set<String> secrets = new TreeSet<>();
        Object policies = map(map(RESOURCES.get(function)).get("Properties")).get("Policies");
        if (policies instanceof List<?> list) {
            for (Object policy : list) {
                Object template = map(policy).get("AWSSecretsManagerGetSecretValuePolicy");
                if (template != null) {
                    secrets.add(target(map(template).get("SecretArn")));
                }
                for (Object statement : (List<?>) map(policy).getOrDefault("Statement", List.of())) {
                    Object action = map(statement).get("Action");
                    List<?> actions = action instanceof List<?> l ? l : List.of(String.valueOf(action));
                    assertTrue(actions.stream().noneMatch(a -> String.valueOf(a).toLowerCase().startsWith("secretsmanager:")),
                            function + ": grant secrets through AWSSecretsManagerGetSecretValuePolicy on one secret");
                }
            }
        }
        return secrets;
    }

    /** The resource a Ref or GetAtt points at. */
    static String target(Object reference) {
        Map<String, Object> ref = map(reference);
        Object value = ref.containsKey("Ref") ? ref.get("Ref") : ref.get("Fn::GetAtt");
        String text = value instanceof List<?> list ? (String) list.get(0) : (String) value;
        return text.contains(".") ? text.substring(0, text.indexOf('.')) : text;
    }

    static void collectReferences(Object node, Set<String> into) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) {
                if (e.getKey().equals("Ref") && e.getValue() instanceof String s) {
                    into.add(s);
                } else if (e.getKey().equals("Fn::GetAtt")) {
                    into.add(e.getValue() instanceof List<?> l ? (String) l.get(0) : (String) e.getValue());
                } else if (e.getKey().equals("Fn::Sub") && e.getValue() instanceof String s) {
                    Matcher sub = Pattern.compile("\\$\\{([A-Za-z0-9:.]+)}").matcher(s);
                    while (sub.find()) {
                        into.add(sub.group(1));
                    }
                } else {
                    collectReferences(e.getValue(), into);
                }
            }
        } else if (node instanceof List<?> l) {
            l.forEach(item -> collectReferences(item, into));
        }
    }

    static List<String> keys(Object keySchema) {
        List<String> keys = new ArrayList<>();
        for (Object key : (List<?>) keySchema) {
            keys.add((String) map(key).get("AttributeName"));
        }
        return keys;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value == null ? Map.of() : (Map<String, Object>) value;
    }
}
