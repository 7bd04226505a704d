package dev.qmark.bench;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * Adds up the capacity DynamoDB says each call consumed, on the client it is installed on. Every
 * request that can ask for it asks for {@code ReturnConsumedCapacity.TOTAL}. Read units are the
 * response's {@code ReadCapacityUnits} when present, else its {@code CapacityUnits} for the read
 * operations (Query, GetItem, Scan, BatchGetItem, TransactGetItems); write units likewise
 * ({@code WriteCapacityUnits}, else {@code CapacityUnits} of the write operations). DynamoDB Local
 * 2.6 answers single-item calls, queries and batches with {@code CapacityUnits} only, and
 * transactions with both {@code CapacityUnits} and {@code WriteCapacityUnits}.
 *
 * <p>Calls that fail (a condition that did not hold) return no figures and are only counted, as
 * are calls whose response carried no figure ({@link Usage#unreported}).
 */
final class CapacityMeter implements ExecutionInterceptor {

    /** What one kind of call consumed since the last reset. */
    record Usage(int calls, int failed, int unreported, double readUnits, double writeUnits) {
        static final Usage NONE = new Usage(0, 0, 0, 0, 0);

        Usage plus(Usage other) {
            return new Usage(calls + other.calls, failed + other.failed, unreported + other.unreported,
                    readUnits + other.readUnits, writeUnits + other.writeUnits);
        }
    }

    private final Map<String, Usage> byOperation = new TreeMap<>();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity total = ReturnConsumedCapacity.TOTAL;
        return switch (context.request()) {
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactGetItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            case TransactWriteItemsRequest r -> r.toBuilder().returnConsumedCapacity(total).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        Usage usage = switch (response) {
            case QueryResponse r -> reads(single(r.consumedCapacity()));
            case GetItemResponse r -> reads(single(r.consumedCapacity()));
            case ScanResponse r -> reads(single(r.consumedCapacity()));
            case BatchGetItemResponse r -> reads(r.consumedCapacity());
            case TransactGetItemsResponse r -> reads(r.consumedCapacity());
            case PutItemResponse r -> writes(single(r.consumedCapacity()));
            case UpdateItemResponse r -> writes(single(r.consumedCapacity()));
            case DeleteItemResponse r -> writes(single(r.consumedCapacity()));
            case BatchWriteItemResponse r -> writes(r.consumedCapacity());
            case TransactWriteItemsResponse r -> writes(r.consumedCapacity());
            default -> new Usage(1, 0, 1, 0, 0);
        };
        add(operation(context.request()), usage);
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        add(operation(context.request()), new Usage(1, 1, 0, 0, 0));
    }

    synchronized void reset() {
        byOperation.clear();
    }

    /** Calls and units by operation (GetItem, Query, TransactWriteItems, ...) since the last reset. */
    synchronized Map<String, Usage> byOperation() {
        return new TreeMap<>(byOperation);
    }

    synchronized Usage total() {
        return byOperation.values().stream().reduce(Usage.NONE, Usage::plus);
    }

    private synchronized void add(String operation, Usage usage) {
        byOperation.merge(operation, usage, Usage::plus);
    }

    private static Usage reads(List<ConsumedCapacity> consumed) {
        if (consumed.isEmpty()) {
            return new Usage(1, 0, 1, 0, 0);
        }
        double units = 0;
        for (ConsumedCapacity c : consumed) {
            units += c.readCapacityUnits() != null ? c.readCapacityUnits() : orZero(c.capacityUnits());
        }
        return new Usage(1, 0, 0, units, 0);
    }

    private static Usage writes(List<ConsumedCapacity> consumed) {
        if (consumed.isEmpty()) {
            return new Usage(1, 0, 1, 0, 0);
        }
        double read = 0;
        double write = 0;
        for (ConsumedCapacity c : consumed) {
            read += orZero(c.readCapacityUnits());
            write += c.writeCapacityUnits() != null ? c.writeCapacityUnits() : orZero(c.capacityUnits());
        }
        return new Usage(1, 0, 0, read, write);
    }

    /** A response's one figure; none when DynamoDB sent none. */
    private static List<ConsumedCapacity> single(ConsumedCapacity consumed) {
        return consumed == null ? List.of() : List.of(consumed);
    }

    private static double orZero(Double units) {
        return units == null ? 0 : units;
    }

    private static String operation(SdkRequest request) {
        String name = request.getClass().getSimpleName();
        return name.endsWith("Request") ? name.substring(0, name.length() - "Request".length()) : name;
    }
}
