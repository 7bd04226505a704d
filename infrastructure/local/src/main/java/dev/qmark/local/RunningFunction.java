package dev.qmark.local;

import java.util.function.Supplier;

/**
 * Which local function the current thread is running, if any: what the benchmarks need to say
 * which function made an AWS call (the handlers call the SDK on the invoking thread, or on the
 * threads it starts for reads done together, which inherit the name).
 */
public final class RunningFunction {

    /** What a call made outside every function is attributed to: the glue (SES receiving, mappings, tests). */
    public static final String NONE = "glue";

    // inherited: a function's reads done together run on virtual threads it starts (core reading.Together)
    private static final ThreadLocal<String> NAME = new InheritableThreadLocal<>();

    private RunningFunction() {
    }

    /** The running function's name, or {@link #NONE}. */
    public static String name() {
        String name = NAME.get();
        return name == null ? NONE : name;
    }

    static <T> T run(String function, Supplier<T> body) {
        String outer = NAME.get();
        NAME.set(function);
        try {
            return body.get();
        } finally {
            NAME.set(outer);
        }
    }
}
