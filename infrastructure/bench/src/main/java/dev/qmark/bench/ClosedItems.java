package dev.qmark.bench;

import dev.qmark.testing.SettableClock;
import dev.qmark.aws.dynamodb.QmarkTable;
import dev.qmark.core.escalation.EscalationRequest;
import dev.qmark.core.feedback.FeedbackIds;
import dev.qmark.core.intake.Submission;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Closed feedback in bulk: one item is made by the real services (submitted, routed, asked, answered
 * by its owner's reply, the founder told), read back, and copied N times with BatchWriteItem. Each
 * copy is that item with its own id, customer, mail ids and times (moved back as a whole, so every
 * relation between them holds): the same items with the same attributes, the escalation ANSWERED
 * and out of the deadline index (no {@code deadlineShard}), the feedback in byTime and byCustomer.
 *
 * <p>Not copied: the submission's de-duplication record ({@code SUBMISSION#...}), which expires by
 * TTL ten minutes after the submission; every copy is older than that.
 */
final class ClosedItems {

    private static final Logger LOG = LoggerFactory.getLogger(ClosedItems.class);

    /** Time between two closed items' submissions: 100,000 of them reach back about a year. */
    static final Duration SPACING = Duration.ofMinutes(5);
    private static final int BATCH = 25;
    private static final int CLONES_PER_TASK = 40;
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?Z");
    private static final DateTimeFormatter STORED =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private final List<Map<String, Value>> items;
    private final Instant receivedAt;
    private final int mailIds;

    private ClosedItems(List<Map<String, Value>> items, Instant receivedAt, int mailIds) {
        this.items = items;
        this.receivedAt = receivedAt;
        this.mailIds = mailIds;
    }

    /**
     * Makes one answered item through {@code pipeline} (into a table of its own) and keeps its items
     * as the pattern of every copy.
     */
    static ClosedItems learnFrom(RealPipeline pipeline, SettableClock clock, DynamoDbClient dynamo, String table,
                                 Instant at) {
        String email = "closed-pattern@customers.bench.example";
        clock.set(at);
        String id = pipeline.submit(new Submission("Hana Park", email, "My delivery is late",
                "I ordered on Monday and the parcel has still not arrived. Can you tell me where it is?", 2, null));
        clock.set(at.plusSeconds(1));
        EscalationRequest request = pipeline.route(id);
        clock.set(at.plusSeconds(2));
        pipeline.ask(request);
        clock.set(at.plus(Duration.ofMinutes(55)));
        pipeline.answer(request, "Found it at the depot; it goes out with today's van. Sorry for the wait.");

        List<Map<String, AttributeValue>> read = dynamo.query(q -> q.tableName(table).consistentRead(true)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("FB#" + id)))).items();
        List<String> unique = new ArrayList<>();
        for (Map<String, AttributeValue> item : read) {
            for (String name : List.of("askMailId", "answerMailId")) {
                if (item.containsKey(name) && item.get(name).s() != null) {
                    unique.add(item.get(name).s());
                }
            }
            if (item.containsKey("deadlineShard")) {
                throw new IllegalStateException("the answered pattern item is still in the deadline index: " + item);
            }
        }
        List<String> literals = new ArrayList<>(List.of(id, email));
        literals.addAll(unique);
        Pattern slots = Pattern.compile(literals.stream().map(Pattern::quote).reduce((a, b) -> a + "|" + b).orElseThrow()
                + "|" + TIME.pattern());
        List<Map<String, Value>> pattern = new ArrayList<>();
        for (Map<String, AttributeValue> item : read) {
            Map<String, Value> values = new LinkedHashMap<>();
            item.forEach((name, value) -> values.put(name, Value.of(value, slots, literals)));
            pattern.add(values);
        }
        LOG.info("closed item pattern: {} table items ({})", read.size(),
                read.stream().map(i -> i.get(QmarkTable.SK).s().replaceAll("#\\d{4}-.*#", "#…#")).toList());
        return new ClosedItems(pattern, at, unique.size());
    }

    /** Table items per closed feedback item. */
    int tableItemsPerItem() {
        return items.size();
    }

    /**
     * Writes {@code count} closed items, submitted {@link #SPACING} apart and the last one {@code SPACING}
     * before {@code before}, with {@code writers} threads of BatchWriteItem (25 items a request, unprocessed
     * items retried).
     */
    void write(DynamoDbClient dynamo, String table, int count, Instant before, int writers) {
        ExecutorService pool = Executors.newFixedThreadPool(writers, r -> {
            Thread thread = new Thread(r, "bench-writer");
            thread.setDaemon(true);
            return thread;
        });
        AtomicInteger done = new AtomicInteger();
        int step = Math.max(count / 10, 1);
        try {
            List<Future<?>> tasks = new ArrayList<>();
            for (int from = 0; from < count; from += CLONES_PER_TASK) {
                int start = from;
                int end = Math.min(count, from + CLONES_PER_TASK);
                tasks.add(pool.submit(() -> {
                    List<WriteRequest> batch = new ArrayList<>(BATCH);
                    for (int i = start; i < end; i++) {
                        Instant received = before.minus(SPACING.multipliedBy(count - i));
                        for (Map<String, AttributeValue> item : copy(i, Duration.between(receivedAt, received))) {
                            batch.add(WriteRequest.builder().putRequest(PutRequest.builder().item(item).build()).build());
                            if (batch.size() == BATCH) {
                                writeBatch(dynamo, table, batch);
                                batch = new ArrayList<>(BATCH);
                            }
                        }
                    }
                    if (!batch.isEmpty()) {
                        writeBatch(dynamo, table, batch);
                    }
                    int now = done.addAndGet(end - start);
                    if (now / step != (now - (end - start)) / step && now < count) {
                        LOG.info("{}: {} of {} closed items written", table, now, count);
                    }
                    return null;
                }));
            }
            for (Future<?> task : tasks) {
                task.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("writing closed items to " + table + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing closed items", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The table items of closed item number {@code n}: the pattern's, with its own id, customer, mail ids and times. */
    List<Map<String, AttributeValue>> copy(int n, Duration shift) {
        List<String> replacements = new ArrayList<>();
        replacements.add(FeedbackIds.newId());
        replacements.add(String.format("closed-%07d@customers.bench.example", n));
        for (int i = 0; i < mailIds; i++) {
            replacements.add(null);  // made from the pattern's own mail id when first met
        }
        Copy copy = new Copy(replacements, shift, ThreadLocalRandom.current());
        List<Map<String, AttributeValue>> copies = new ArrayList<>(items.size());
        for (Map<String, Value> item : items) {
            Map<String, AttributeValue> out = new LinkedHashMap<>();
            item.forEach((name, value) -> out.put(name, value.render(copy)));
            copies.add(out);
        }
        return copies;
    }

    private static void writeBatch(DynamoDbClient dynamo, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        for (int attempt = 1; ; attempt++) {
            Map<String, List<WriteRequest>> sending = pending;
            BatchWriteItemResponse response = dynamo.batchWriteItem(b -> b.requestItems(sending));
            if (!response.hasUnprocessedItems() || response.unprocessedItems().isEmpty()) {
                return;
            }
            if (attempt == 20) {
                throw new IllegalStateException("DynamoDB kept leaving items unprocessed");
            }
            pending = response.unprocessedItems();
            try {
                Thread.sleep(Math.min(1000, 20L << Math.min(attempt, 6)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while retrying unprocessed items", e);
            }
        }
    }

    /** What one copy puts in place of the pattern's id, customer and mail ids, and how far its times move. */
    private static final class Copy {
        private final List<String> replacements;
        private final Duration shift;
        private final ThreadLocalRandom random;

        Copy(List<String> replacements, Duration shift, ThreadLocalRandom random) {
            this.replacements = replacements;
            this.shift = shift;
            this.random = random;
        }

        /** Literal number {@code i} of the pattern ({@code original}) as this copy has it. */
        String literal(int i, String original) {
            String replacement = replacements.get(i);
            if (replacement == null) {
                replacement = withFreshUuid(original);
                replacements.set(i, replacement);
            }
            return replacement;
        }

        /** A mail id of its own: the pattern's, with a new random UUID where it has one (SES's ids and ours do). */
        private String withFreshUuid(String original) {
            Matcher uuid = UUID_TEXT.matcher(original);
            if (!uuid.find()) {
                return original;
            }
            long high = random.nextLong() & ~0xF000L | 0x4000L;  // version 4
            long low = random.nextLong() & 0x3FFFFFFFFFFFFFFFL | 0x8000000000000000L;  // IETF variant
            return original.substring(0, uuid.start()) + new UUID(high, low) + original.substring(uuid.end());
        }

        String time(Instant original, boolean stored) {
            Instant moved = original.plus(shift);
            return stored ? STORED.format(moved) : moved.toString();
        }
    }

    /** An attribute value of the pattern, with the places a copy fills in. */
    private sealed interface Value {

        AttributeValue render(Copy copy);

        static Value of(AttributeValue value, Pattern slots, List<String> literals) {
            if (value.s() != null) {
                List<Part> parts = Part.split(value.s(), slots, literals);
                return parts.stream().allMatch(p -> p instanceof Part.Text) ? new Fixed(value) : new Text(parts);
            }
            if (value.hasL()) {
                List<Value> elements = value.l().stream().map(v -> of(v, slots, literals)).toList();
                return elements.stream().allMatch(v -> v instanceof Fixed) ? new Fixed(value) : new ListOf(elements);
            }
            if (value.hasM()) {
                Map<String, Value> entries = new LinkedHashMap<>();
                value.m().forEach((k, v) -> entries.put(k, of(v, slots, literals)));
                return entries.values().stream().allMatch(v -> v instanceof Fixed) ? new Fixed(value) : new MapOf(entries);
            }
            return new Fixed(value);  // numbers, booleans, sets: the same in every copy
        }

        record Fixed(AttributeValue value) implements Value {
            public AttributeValue render(Copy copy) {
                return value;
            }
        }

        record Text(List<Part> parts) implements Value {
            public AttributeValue render(Copy copy) {
                StringBuilder out = new StringBuilder();
                for (Part part : parts) {
                    part.appendTo(out, copy);
                }
                return AttributeValue.fromS(out.toString());
            }
        }

        record ListOf(List<Value> elements) implements Value {
            public AttributeValue render(Copy copy) {
                return AttributeValue.fromL(elements.stream().map(e -> e.render(copy)).toList());
            }
        }

        record MapOf(Map<String, Value> entries) implements Value {
            public AttributeValue render(Copy copy) {
                Map<String, AttributeValue> out = new LinkedHashMap<>();
                entries.forEach((k, v) -> out.put(k, v.render(copy)));
                return AttributeValue.fromM(out);
            }
        }
    }

    /** A piece of a pattern string: text kept as it is, a literal a copy replaces, or a time a copy moves. */
    private sealed interface Part {

        void appendTo(StringBuilder out, Copy copy);

        static List<Part> split(String text, Pattern slots, List<String> literals) {
            List<Part> parts = new ArrayList<>();
            Matcher m = slots.matcher(text);
            int at = 0;
            while (m.find()) {
                if (m.start() > at) {
                    parts.add(new Text(text.substring(at, m.start())));
                }
                int literal = literals.indexOf(m.group());
                if (literal >= 0) {
                    parts.add(new Literal(literal, m.group()));
                } else {
                    String fraction = m.group(1);
                    parts.add(new Time(Instant.parse(m.group()), fraction != null && fraction.length() == 4));
                }
                at = m.end();
            }
            if (at < text.length()) {
                parts.add(new Text(text.substring(at)));
            }
            return parts;
        }

        record Text(String text) implements Part {
            public void appendTo(StringBuilder out, Copy copy) {
                out.append(text);
            }
        }

        record Literal(int index, String original) implements Part {
            public void appendTo(StringBuilder out, Copy copy) {
                out.append(copy.literal(index, original));
            }
        }

        record Time(Instant original, boolean stored) implements Part {
            public void appendTo(StringBuilder out, Copy copy) {
                out.append(copy.time(original, stored));
            }
        }
    }
}
