package dev.qmark.bench;

import dev.qmark.bench.coldstart.ColdStartBench;
import java.util.List;

/** {@code qmark bench sweeper [...]} ({@link SweeperBench}), {@code coldstart} ({@link ColdStartBench}), {@code stats} ({@link StatsBench}). */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        List<String> arguments = List.of(args);
        String which = arguments.isEmpty() ? "sweeper" : arguments.get(0);
        System.exit(switch (which) {
            case "coldstart" -> ColdStartBench.main(arguments);
            case "stats" -> StatsBench.main(arguments);
            default -> SweeperBench.main(arguments);
        });
    }
}
