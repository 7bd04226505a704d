package dev.qmark.bench;

import dev.qmark.bench.coldstart.ColdStartBench;
import java.util.List;

/** {@code qmark bench sweeper [...]} ({@link SweeperBench}), {@code coldstart} ({@link ColdStartBench}), {@code stats} ({@link StatsBench}), {@code lifecycle} ({@link LifecycleBench}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        String which = arguments.isEmpty() ? "sweeper" : arguments.get(0);
        System.exit(switch (which) {
            case "coldstart" -> ColdStartBench.main(arguments);
            case "stats" -> StatsBench.main(arguments);
            case "lifecycle" -> LifecycleBench.main(arguments);
            default -> SweeperBench.main(arguments);
        });
    }
}
