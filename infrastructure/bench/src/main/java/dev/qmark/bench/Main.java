package dev.qmark.bench;

import java.util.List;

/** {@code qmark bench sweeper [...]}: see {@link SweeperBench}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // exits by itself: nothing it started may keep the JVM (or the caller) waiting
        System.exit(SweeperBench.main(List.of(args)));
    }
}
