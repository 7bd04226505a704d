package dev.qmark.bench;

import java.util.List;

/** {@code qmark bench sweeper [...]} ({@link SweeperBench}) and {@code qmark bench stats [...]} ({@link StatsBench}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        List<String> arguments = List.of(args);
        System.exit(!arguments.isEmpty() && arguments.get(0).equals("stats") ? StatsBench.main(arguments)
                : SweeperBench.main(arguments));
    }
}
