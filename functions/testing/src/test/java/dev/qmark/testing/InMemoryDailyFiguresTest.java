package dev.qmark.testing;

import dev.qmark.core.ports.DailyFigures;

/** The shared cases against the in-memory figures. */
class InMemoryDailyFiguresTest extends DailyFiguresContract {

    @Override
    protected DailyFigures figures() {
        return new InMemoryDailyFigures();
    }
}
