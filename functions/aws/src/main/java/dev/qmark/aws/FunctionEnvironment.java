package dev.qmark.aws;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A function's environment variables, and its clock. In Lambda they are the process environment; the local
 * system and tests hand each handler the same variables as a map, since one JVM runs them all.
 */
public final class FunctionEnvironment {

    private final Function<String, String> source;
    private final Clock clock;

    private FunctionEnvironment(Function<String, String> source, Clock clock) {
        this.source = source;
        this.clock = clock;
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System::getenv, Clock.systemUTC());
    }

    public static FunctionEnvironment of(Map<String, String> variables) {
        return of(variables, Clock.systemUTC());
    }

    /** Variables and a clock: the local system moves its clock forward to show deadlines passing. */
    public static FunctionEnvironment of(Map<String, String> variables, Clock clock) {
        Map<String, String> copy = Map.copyOf(variables);
        return new FunctionEnvironment(copy::get, clock);
    }

    /** The time as this function sees it: the system clock in Lambda. */
    public Clock clock() {
        return clock;
    }

    /** The variable's value, empty when it is unset or blank. */
    public Optional<String> optional(String name) {
        String value = source.apply(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value);
    }

    /** @throws IllegalStateException naming the variable when it is unset or blank */
    public String require(String name) {
        String value = source.apply(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException("environment variable " + name + " is not set");
        }
        return value;
    }
}
