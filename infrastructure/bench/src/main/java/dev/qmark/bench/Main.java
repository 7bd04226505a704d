package dev.qmark.bench;

import dev.qmark.bench.coldstart.ColdStartBench;
import java.util.List;

/** {@code qmark bench sweeper [...]}: see {@link SweeperBench}; {@code qmark bench coldstart [...]}: see {@link ColdStartBench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        if (args.length > 0 && args[0].equals("coldstart")) {
            System.exit(ColdStartBench.main(List.of(args)));
        }
        System.exit(SweeperBench.main(List.of(args)));
    }
}
