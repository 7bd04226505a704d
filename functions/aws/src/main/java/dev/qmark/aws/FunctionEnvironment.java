package dev.qmark.aws;

import java.util.Map;
import java.util.function.Function;

/**
 * A function's environment variables. In Lambda they are the process environment; the local
 * system and tests hand each handler the same variables as a map, since one JVM runs them all.
 */
public final class FunctionEnvironment {

    private final Function<String, String> source;

    private FunctionEnvironment(Function<String, String> source) {
        this.source = source;
    }

    public static FunctionEnvironment system() {
        return new FunctionEnvironment(System::getenv);
    }

    public static FunctionEnvironment of(Map<String, String> variables) {
        Map<String, String> copy = Map.copyOf(variables);
        return new FunctionEnvironment(copy::get);
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
