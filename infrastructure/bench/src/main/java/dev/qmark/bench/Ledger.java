package dev.qmark.bench;

import dev.qmark.local.RunningFunction;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** What one scenario's AWS calls were, as {@link BillingMeter} saw them. */
final class Ledger {

    /**
     * One DynamoDB call: the function that made it ({@link RunningFunction}), its operation, what it
     * touched, the units billed, DynamoDB Local's own figure.
     */
    record DynamoCall(String function, String operation, String what, DynamoBilling.Units units,
                      double reportedByEmulator, boolean conditionFailed) {
    }

    private final List<DynamoCall> dynamo = new ArrayList<>();
    private final Map<String, Integer> requests = new TreeMap<>();

    synchronized void dynamo(String operation, String what, DynamoBilling.Units units, double reported, boolean failed) {
        // the meter runs on the calling thread: the function that made the call is running there
        dynamo.add(new DynamoCall(RunningFunction.name(), operation, what, units, reported, failed));
    }

    synchronized void request(String service, String operation) {
        if (service.equals("DynamoDbStreams")) {
            // the figures function's stream polling: Lambda's event source mapping does it in AWS, and
            // stream reads by Lambda triggers are not billed; it polls forever, so it is no sign of work either.
            // What the figures function writes is counted with the other DynamoDB calls.
            return;
        }
        requests.merge(service + "." + operation, 1, Integer::sum);
    }

    synchronized List<DynamoCall> dynamoCalls() {
        return List.copyOf(dynamo);
    }

    /** Requests to SQS, S3 and SES by {@code Service.Operation}. */
    synchronized Map<String, Integer> requests() {
        return new TreeMap<>(requests);
    }

    synchronized int requests(String service) {
        return requests.entrySet().stream().filter(e -> e.getKey().startsWith(service + "."))
                .mapToInt(Map.Entry::getValue).sum();
    }

    synchronized int requests(String service, String operation) {
        return requests.getOrDefault(service + "." + operation, 0);
    }

    /** The units billed per function that made the calls, in the order the functions first called. */
    synchronized Map<String, DynamoBilling.Units> dynamoUnitsByFunction() {
        Map<String, DynamoBilling.Units> byFunction = new LinkedHashMap<>();
        for (DynamoCall call : dynamo) {
            byFunction.merge(call.function(), call.units(), DynamoBilling.Units::plus);
        }
        return byFunction;
    }

    synchronized DynamoBilling.Units dynamoUnits() {
        return dynamo.stream().map(DynamoCall::units).reduce(DynamoBilling.Units.NONE, DynamoBilling.Units::plus);
    }

    synchronized void clear() {
        dynamo.clear();
        requests.clear();
    }
}
