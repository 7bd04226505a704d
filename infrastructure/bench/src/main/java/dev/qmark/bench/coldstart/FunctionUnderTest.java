package dev.qmark.bench.coldstart;

import java.util.List;

/**
 * A function as the bench starts it: its module (and so its jar), its handler, and the sample
 * event (events/) its first and second invocations get, made real by {@link BenchData}.
 */
record FunctionUnderTest(String name, String handler, String event) {

    static final List<FunctionUnderTest> ALL = List.of(
            new FunctionUnderTest("form-intake", "dev.qmark.formintake.FormIntakeHandler", "form-intake-post-json.json"),
            new FunctionUnderTest("router", "dev.qmark.router.RouterHandler", "router-sqs-feedback.json"),
            new FunctionUnderTest("escalator", "dev.qmark.escalator.EscalatorHandler", "escalator-sqs-escalation.json"),
            new FunctionUnderTest("mail-intake", "dev.qmark.mailintake.MailIntakeHandler", "mail-intake-ses.json"),
            new FunctionUnderTest("staff-api", "dev.qmark.staffapi.StaffApiHandler", "staff-api-get-feedback.json"),
            new FunctionUnderTest("sweeper", "dev.qmark.sweeper.SweeperHandler", "sweeper-schedule.json"),
            new FunctionUnderTest("mail-events", "dev.qmark.mailevents.MailEventsHandler", "mail-events-bounce.json"),
            new FunctionUnderTest("figures", "dev.qmark.figures.FiguresHandler", "figures-dynamodb-stream.json"),
            new FunctionUnderTest("digest", "dev.qmark.digest.DigestHandler", "digest-schedule.json"));

    static final List<String> NAMES = ALL.stream().map(FunctionUnderTest::name).toList();

    static FunctionUnderTest named(String name) {
        return ALL.stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
    }
}
