package dev.qmark.bench;

import dev.qmark.testing.SettableClock;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.qmark.aws.dynamodb.TablePorts;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.aws.ses.SesMailSender;
import dev.qmark.aws.testing.RepositoryRoot;
import dev.qmark.core.config.ConfigLoader;
import dev.qmark.core.config.QmarkConfig;
import dev.qmark.core.asking.ReplyTokens;
import dev.qmark.emulators.EmbeddedAws;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.sesv2.SesV2Client;

/**
 * The benchmark's code on tiny tables (not its figures: speed is read from {@code qmark bench}
 * output, never asserted): the JSON lines, the read capacity not growing with the table, and
 * closed items that look like one the services made.
 */
class SweeperBenchTest {

    private static final Pattern JSON_LINE =
            Pattern.compile("\\{\"items\": \\d+, \"due\": \\d+, \"readCapacity\": \\d+(\\.\\d+)?, \"millis\": \\d+}");

    @Test
    void jsonLinesOnlyAndTheSameReadCapacityFor200And2000Items() throws Exception {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int status;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            status = SweeperBench.main(List.of("sweeper", "--items", "200,2000", "--due", "5", "--sweeps", "1", "--warmup", "0",
                    "--config", root().resolve("config/qmark.yaml").toString(), "--json"));
        } finally {
            System.setOut(original);
        }

        List<String> lines = captured.toString(StandardCharsets.UTF_8).lines().toList();
        assertEquals(2, lines.size(), "one line per N and nothing else: " + lines);
        List<JsonNode> results = new ArrayList<>();
        for (String line : lines) {
            assertTrue(JSON_LINE.matcher(line).matches(), line);
            results.add(new ObjectMapper().readTree(line));
        }
        assertEquals(List.of(200, 2000), results.stream().map(r -> r.path("items").asInt()).toList());
        assertTrue(results.stream().allMatch(r -> r.path("due").asInt() == 5));
        double small = results.get(0).path("readCapacity").asDouble();
        double large = results.get(1).path("readCapacity").asDouble();
        assertTrue(small > 0 && large > 0, lines.toString());
        assertTrue(Math.abs(large - small) <= 0.10 * Math.min(small, large), "read capacity grew with the table: " + lines);
        assertEquals(0, status);
    }

    @Test
    void closedItemsAreTheRealItemWithItsOwnIdCustomerAndTimes() {
        QmarkConfig config = ConfigLoader.load(root().resolve("config/qmark.yaml"));
        try (EmbeddedAws aws = EmbeddedAws.startInMemory();
             DynamoDbClient dynamo = SweeperBench.dynamo(aws, Duration.ofSeconds(30));
             SesV2Client ses = SweeperBench.ses(aws)) {
            String table = "closed-items";
            QmarkTable.create(dynamo, table);
            Instant base = Instant.parse("2026-03-02T09:00:00Z");
            SettableClock clock = new SettableClock(base);
            ReplyTokens tokens = new ReplyTokens("test-reply-token-secret-0123456789");
            TablePorts ports = new TablePorts(dynamo, table);
            RealPipeline pipeline = new RealPipeline(config, ports,
                    new SesMailSender(ses, config.inboundDomain(), clock), tokens, clock);
            ClosedItems closed = ClosedItems.learnFrom(pipeline, clock, dynamo, table, base.minus(Duration.ofDays(1)));
            closed.write(dynamo, table, 3, base, 2);

            Map<String, List<Map<String, AttributeValue>>> byItem = dynamo.scan(s -> s.tableName(table)).items().stream()
                    .filter(i -> i.get(QmarkTable.PK).s().startsWith("FB#"))
                    .collect(Collectors.groupingBy(i -> i.get(QmarkTable.PK).s(), TreeMap::new, Collectors.toList()));
            assertEquals(4, byItem.size(), "the pattern and three copies");
            Map<String, AttributeValue> patternFeedback = feedbackOf(dynamo, table, "closed-pattern@customers.bench.example");
            String shape = shape(byItem.get(patternFeedback.get(QmarkTable.PK).s()));
            for (int n = 0; n < 3; n++) {
                String email = String.format("closed-%07d@customers.bench.example", n);
                Map<String, AttributeValue> feedback = feedbackOf(dynamo, table, email);
                List<Map<String, AttributeValue>> items = byItem.get(feedback.get(QmarkTable.PK).s());
                assertEquals(shape, shape(items), "copy " + n + " has the pattern's items and attributes");
                assertEquals("answered", feedback.get("status").s());
                Instant received = Instant.parse(feedback.get("receivedAt").s());
                assertEquals(base.minus(ClosedItems.SPACING.multipliedBy(3 - n)), received);
                assertTrue(feedback.get("listSk").s().startsWith(feedback.get("receivedAt").s() + "#"));
                Map<String, AttributeValue> escalation = items.stream()
                        .filter(i -> i.get(QmarkTable.SK).s().equals("ESC#001")).findFirst().orElseThrow();
                assertEquals("answered", escalation.get("status").s());
                assertFalse(escalation.containsKey("deadlineShard"));
                assertTrue(Instant.parse(escalation.get("answeredAt").s()).isAfter(received));
                assertNotEquals(patternFeedback.get("id").s(), feedback.get("id").s());
                assertEquals(feedback.get("id").s(), escalation.get("feedbackId").s());
            }
            assertTrue(ports.sweepList().dueEscalations(base.plus(Duration.ofDays(365)), 10).isEmpty(),
                    "closed items are not on the sweeper's list");
        }
    }

    @Test
    void options() {
        SweeperBenchOptions defaults = SweeperBenchOptions.parse(List.of("sweeper"));
        assertEquals(List.of(1_000, 100_000), defaults.items());
        assertEquals(50, defaults.due());
        assertEquals(5, defaults.sweeps());
        assertEquals(3, defaults.warmup());
        assertFalse(defaults.json());
        SweeperBenchOptions set = SweeperBenchOptions.parse(List.of("sweeper", "--json", "--due", "7", "--items", "2000,200"));
        assertEquals(List.of(200, 2_000), set.items());
        assertEquals(7, set.due());
        assertTrue(set.json());
        assertEquals(0, SweeperBenchOptions.parse(List.of("sweeper", "--warmup", "0")).warmup());
        assertThrows(IllegalArgumentException.class, () -> SweeperBenchOptions.parse(List.of("router")));
        assertThrows(IllegalArgumentException.class, () -> SweeperBenchOptions.parse(List.of("sweeper", "--due", "0")));
        assertThrows(IllegalArgumentException.class, () -> SweeperBenchOptions.parse(List.of("sweeper", "--due")));
    }

    /** The customer's one feedback item as stored, found as the escalator finds it: through byCustomer. */
    private static Map<String, AttributeValue> feedbackOf(DynamoDbClient dynamo, String table, String email) {
        List<Map<String, AttributeValue>> found = dynamo.query(q -> q.tableName(table).indexName(QmarkTable.BY_CUSTOMER)
                .keyConditionExpression("customer = :c")
                .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(email)))).items();
        assertEquals(1, found.size(), email);
        // byCustomer holds keys only: the item itself is read from the table
        Map<String, AttributeValue> key = Map.of(QmarkTable.PK, found.get(0).get(QmarkTable.PK),
                QmarkTable.SK, found.get(0).get(QmarkTable.SK));
        return dynamo.getItem(g -> g.tableName(table).key(key).consistentRead(true)).item();
    }

    /** Each item's kind (sort key without times) with its attribute names and types. */
    private static String shape(List<Map<String, AttributeValue>> items) {
        TreeSet<String> kinds = new TreeSet<>();
        for (Map<String, AttributeValue> item : items) {
            TreeMap<String, String> attributes = new TreeMap<>();
            item.forEach((name, value) -> attributes.put(name, value.type().toString()));
            kinds.add(item.get(QmarkTable.SK).s().replaceAll("#\\d{4}-[^#]*#", "#…#") + " " + attributes);
        }
        return String.join("\n", kinds);
    }

    private static Path root() {
        return RepositoryRoot.PATH;
    }
}
