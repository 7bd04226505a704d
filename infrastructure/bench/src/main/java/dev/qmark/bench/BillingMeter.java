package dev.qmark.bench;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexDescription;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.sqs.model.ReceiveMessageResponse;

/**
 * Meters every AWS call of this JVM while it is on: a global SDK interceptor (listed in
 * {@code software/amazon/awssdk/global/handlers/execution.interceptors}), so the functions' own
 * clients, built as in AWS, are metered without a line of theirs changing. SQS, S3 and SES calls are
 * counted (a receive that brought no message is not: Lambda's pollers make those whatever the
 * traffic). DynamoDB calls are billed by {@link DynamoBilling} from the images of the items they
 * touched, read before and after on a client of the meter's own that it does not meter; DynamoDB
 * Local's own {@code ConsumedCapacity} is kept beside it for comparison (it counts the table only).
 */
public final class BillingMeter implements ExecutionInterceptor {

    private static final ExecutionAttribute<List<Touched>> TOUCHED = new ExecutionAttribute<>("qmark.bench.touched");
    private static final ThreadLocal<Boolean> OWN_CALL = ThreadLocal.withInitial(() -> false);
    private static final Pattern PLACEHOLDER = Pattern.compile("[#:][A-Za-z0-9_]+");
    private static final Map<String, TableShape> SHAPES = new ConcurrentHashMap<>();
    private static volatile DynamoDbClient images;
    private static volatile Ledger ledger;

    /** Starts metering into {@code into}, reading item images through {@code unmetered}. */
    static void start(DynamoDbClient unmetered, Ledger into) {
        images = unmetered;
        ledger = into;
    }

    static void stop() {
        ledger = null;
    }

    /** Runs {@code call} unmetered (the bench's own look-ups). */
    static <T> T unmetered(java.util.function.Supplier<T> call) {
        boolean was = OWN_CALL.get();
        OWN_CALL.set(true);
        try {
            return call.get();
        } finally {
            OWN_CALL.set(was);
        }
    }

    /** One item a write touches: its table, key, whether in a transaction, and its image before. */
    private record Touched(String table, Map<String, AttributeValue> key, boolean transactional,
                           Map<String, AttributeValue> before) {
    }

    private record TableShape(Set<String> keys, List<DynamoBilling.Index> indexes) {
    }

    private static boolean metering() {
        return ledger != null && !OWN_CALL.get();
    }

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        if (!metering()) {
            return context.request();
        }
        ReturnConsumedCapacity indexes = ReturnConsumedCapacity.INDEXES;
        return switch (context.request()) {
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(indexes).build();
            default -> context.request();
        };
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (!metering()) {
            return;
        }
        List<Touched> touched = switch (context.request()) {
            case PutItemRequest r -> List.of(touch(r.tableName(), r.item(), false));
            case UpdateItemRequest r -> List.of(touch(r.tableName(), r.key(), false));
            case DeleteItemRequest r -> List.of(touch(r.tableName(), r.key(), false));
            case TransactWriteItemsRequest r -> r.transactItems().stream().map(BillingMeter::touch).toList();
            default -> null;
        };
        if (touched != null) {
            attributes.putAttribute(TOUCHED, touched);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        Ledger into = ledger;
        if (into == null || OWN_CALL.get()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        SdkResponse response = context.response();
        if (response instanceof ReceiveMessageResponse r && r.messages().isEmpty()) {
            return;
        }
        if (!"DynamoDb".equals(service)) {
            into.request(service, operation);
            return;
        }
        List<Touched> touched = attributes.getAttribute(TOUCHED);
        DynamoBilling.Units units = touched != null ? writes(touched, false) : reads(context.request(), response);
        into.dynamo(operation, describe(context.request()), units, reported(response), false);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        Ledger into = ledger;
        if (into == null || OWN_CALL.get()) {
            return;
        }
        String service = attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME);
        String operation = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        if (!"DynamoDb".equals(service)) {
            into.request(service, operation);
            return;
        }
        List<Touched> touched = attributes.getAttribute(TOUCHED);
        // a write whose condition failed changed nothing, and is billed for the item it checked
        DynamoBilling.Units units = touched != null ? writes(touched, true) : DynamoBilling.Units.NONE;
        into.dynamo(operation, describe(context.request()), units, 0, true);
    }

    private static Touched touch(TransactWriteItem item) {
        if (item.put() != null) {
            return touch(item.put().tableName(), item.put().item(), true);
        }
        if (item.update() != null) {
            return touch(item.update().tableName(), item.update().key(), true);
        }
        if (item.delete() != null) {
            return touch(item.delete().tableName(), item.delete().key(), true);
        }
        return touch(item.conditionCheck().tableName(), item.conditionCheck().key(), true);
    }

    private static Touched touch(String table, Map<String, AttributeValue> itemOrKey, boolean transactional) {
        Map<String, AttributeValue> key = new java.util.HashMap<>();
        shape(table).keys().forEach(k -> key.put(k, itemOrKey.get(k)));
        return new Touched(table, key, transactional, image(table, key));
    }

    private static DynamoBilling.Units writes(List<Touched> touched, boolean failed) {
        DynamoBilling.Units units = DynamoBilling.Units.NONE;
        for (Touched t : touched) {
            Map<String, AttributeValue> after = failed ? t.before() : image(t.table(), t.key());
            TableShape shape = shape(t.table());
            units = units.plus(DynamoBilling.write(t.before(), after, t.transactional(), shape.indexes(), shape.keys()));
        }
        return units;
    }

    private static DynamoBilling.Units reads(SdkRequest request, SdkResponse response) {
        return switch (request) {
            case GetItemRequest r -> new DynamoBilling.Units(DynamoBilling.read(
                    ((GetItemResponse) response).hasItem() ? List.of(image(r.tableName(), r.key())) : List.of(),
                    Boolean.TRUE.equals(r.consistentRead()), false), 0, Map.of());
            case QueryRequest r -> new DynamoBilling.Units(DynamoBilling.read(readByQuery(r),
                    Boolean.TRUE.equals(r.consistentRead()), false), 0, Map.of());
            default -> DynamoBilling.Units.NONE;
        };
    }

    /**
     * What a query read, which is what it is billed for: the same query without its filter and
     * projection (the page is the same: Limit counts items before the filter), on the meter's client.
     */
    private static List<Map<String, AttributeValue>> readByQuery(QueryRequest query) {
        Set<String> used = new HashSet<>();
        Matcher m = PLACEHOLDER.matcher(query.keyConditionExpression());
        while (m.find()) {
            used.add(m.group());
        }
        QueryRequest.Builder plain = QueryRequest.builder().tableName(query.tableName()).indexName(query.indexName())
                .keyConditionExpression(query.keyConditionExpression()).limit(query.limit())
                .exclusiveStartKey(query.hasExclusiveStartKey() ? query.exclusiveStartKey() : null)
                .scanIndexForward(query.scanIndexForward()).consistentRead(query.consistentRead());
        if (query.hasExpressionAttributeNames()) {
            Map<String, String> names = new java.util.HashMap<>(query.expressionAttributeNames());
            names.keySet().retainAll(used);
            plain.expressionAttributeNames(names.isEmpty() ? null : names);
        }
        if (query.hasExpressionAttributeValues()) {
            Map<String, AttributeValue> values = new java.util.HashMap<>(query.expressionAttributeValues());
            values.keySet().retainAll(used);
            plain.expressionAttributeValues(values.isEmpty() ? null : values);
        }
        QueryResponse read = unmetered(() -> images.query(plain.build()));
        return read.items();
    }

    private static Map<String, AttributeValue> image(String table, Map<String, AttributeValue> key) {
        GetItemResponse got = unmetered(() -> images.getItem(g -> g.tableName(table).key(key).consistentRead(true)));
        return got.hasItem() ? got.item() : null;
    }

    private static TableShape shape(String table) {
        return SHAPES.computeIfAbsent(table, t -> {
            TableDescription d = unmetered(() -> images.describeTable(b -> b.tableName(t)).table());
            Set<String> keys = new HashSet<>();
            d.keySchema().forEach(k -> keys.add(k.attributeName()));
            List<DynamoBilling.Index> indexes = new ArrayList<>();
            for (GlobalSecondaryIndexDescription gsi : d.globalSecondaryIndexes()) {
                String hash = gsi.keySchema().stream().filter(k -> k.keyType() == KeyType.HASH).findFirst()
                        .map(KeySchemaElement::attributeName).orElseThrow();
                String range = gsi.keySchema().stream().filter(k -> k.keyType() == KeyType.RANGE).findFirst()
                        .map(KeySchemaElement::attributeName).orElse(null);
                indexes.add(new DynamoBilling.Index(gsi.indexName(), hash, range,
                        gsi.projection().projectionTypeAsString(),
                        gsi.projection().hasNonKeyAttributes() ? Set.copyOf(gsi.projection().nonKeyAttributes()) : Set.of()));
            }
            return new TableShape(Set.copyOf(keys), List.copyOf(indexes));
        });
    }

    /** Forgets what it learned of tables (a table created anew may have other indexes). */
    static void forgetTables() {
        SHAPES.clear();
    }

    /** The units DynamoDB Local said the call consumed (its whole figure), for comparison. */
    private static double reported(SdkResponse response) {
        List<ConsumedCapacity> consumed = switch (response) {
            case GetItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case QueryResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case PutItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case UpdateItemResponse r -> r.consumedCapacity() == null ? List.of() : List.of(r.consumedCapacity());
            case TransactWriteItemsResponse r -> r.consumedCapacity();
            default -> List.of();
        };
        return consumed.stream().mapToDouble(c -> c.capacityUnits() == null ? 0 : c.capacityUnits()).sum();
    }

    /** What a call was about, for the per-call log: its operation's keys or index. */
    private static String describe(SdkRequest request) {
        return switch (request) {
            case GetItemRequest r -> "get " + keyText(r.key());
            case PutItemRequest r -> "put " + keyText(r.item());
            case UpdateItemRequest r -> "update " + keyText(r.key());
            case DeleteItemRequest r -> "delete " + keyText(r.key());
            case QueryRequest r -> "query " + (r.indexName() == null ? "table" : r.indexName());
            case TransactWriteItemsRequest r -> "transact " + r.transactItems().stream().map(i -> {
                if (i.put() != null) {
                    return "put " + keyText(i.put().item());
                }
                if (i.update() != null) {
                    return "update " + keyText(i.update().key());
                }
                if (i.delete() != null) {
                    return "delete " + keyText(i.delete().key());
                }
                return "check " + keyText(i.conditionCheck().key());
            }).toList();
            default -> request.getClass().getSimpleName();
        };
    }

    private static String keyText(Map<String, AttributeValue> item) {
        AttributeValue pk = item.get("pk");
        AttributeValue sk = item.get("sk");
        String sortKey = sk == null ? "" : sk.s();
        return (pk == null ? "?" : pk.s().replaceAll("FB#[0-9a-f-]{36}", "FB#id")) + "/" + sortKey.replaceAll(
                "\\d{4}-\\d{2}-\\d{2}T[0-9:.]+Z", "{at}");
    }
}
