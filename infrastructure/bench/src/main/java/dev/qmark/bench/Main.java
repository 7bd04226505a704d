package dev.qmark.bench;

import java.util.List;

/** {@code qmark bench sweeper [...]} ({@link SweeperBench}) and {@code qmark bench lifecycle [...]} ({@link LifecycleBench}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        if (!arguments.isEmpty() && arguments.get(0).equals("lifecycle")) {
            System.exit(LifecycleBench.main(arguments));
        }
        System.exit(SweeperBench.main(arguments));
    }
}
