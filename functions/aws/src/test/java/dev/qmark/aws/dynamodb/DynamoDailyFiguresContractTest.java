package dev.qmark.aws.dynamodb;

import dev.qmark.aws.testing.TestBed;
import dev.qmark.core.ports.DailyFigures;
import dev.qmark.testing.DailyFiguresContract;

/** The shared cases against the table. */
class DynamoDailyFiguresContractTest extends DailyFiguresContract {

    // one table for the class: every case keeps to its own days
    private static final TestBed BED = TestBed.create();

    @Override
    protected DailyFigures figures() {
        return new DynamoDailyFigures(BED.dynamo, BED.table);
    }
}
