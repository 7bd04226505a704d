package dev.qmark.bench.coldstart;

import java.util.ArrayList;
import java.util.List;

/** {@code qmark bench coldstart [--functions a,b] [--variants primed,unprimed,naive] [--runs N] [--json] [--class-log]}. */
record ColdStartOptions(List<String> functions, List<String> variants, int runs, boolean json, boolean classLog) {

    static final List<String> VARIANTS = List.of("primed", "unprimed", "naive");

    static final String USAGE = """
            usage: ./qmark bench coldstart [--functions f1,f2] [--variants primed,unprimed,naive] [--runs N] [--json] [--class-log]
              every function and variant, 5 runs each, by default (a fresh JVM per run: about a minute per
              function on two cores). Prints medians and ratios; --json prints one line per function and variant:
              {"function","variant","runs","initMs","firstMs","secondMs","coldMs"}; --class-log keeps each run's class-load log
              in infrastructure/bench/target/coldstart-classes/ and says how many classes each first event loaded
              (those priming did not load; the log lists them between ColdStartProbe$FirstEvent and $SecondEvent)
            """;

    static ColdStartOptions parse(List<String> args) {
        if (args.isEmpty() || !args.get(0).equals("coldstart")) {
            throw new IllegalArgumentException("the first argument must be 'coldstart'");
        }
        List<String> functions = FunctionUnderTest.NAMES;
        List<String> variants = VARIANTS;
        int runs = 5;
        boolean json = false;
        boolean classLog = false;
        for (int i = 1; i < args.size(); i++) {
            String arg = args.get(i);
            switch (arg) {
                case "--json" -> json = true;
                case "--class-log" -> classLog = true;
                case "--functions" -> functions = list(value(args, ++i, arg), FunctionUnderTest.NAMES, arg);
                case "--variants" -> variants = list(value(args, ++i, arg), VARIANTS, arg);
                case "--runs" -> {
                    try {
                        runs = Integer.parseInt(value(args, ++i, arg));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("--runs takes a number");
                    }
                    if (runs < 1 || runs > 100) {
                        throw new IllegalArgumentException("--runs takes 1 to 100");
                    }
                }
                default -> throw new IllegalArgumentException("unknown option " + arg);
            }
        }
        return new ColdStartOptions(functions, variants, runs, json, classLog);
    }

    private static String value(List<String> args, int i, String option) {
        if (i >= args.size()) {
            throw new IllegalArgumentException(option + " needs a value");
        }
        return args.get(i);
    }

    private static List<String> list(String value, List<String> known, String option) {
        List<String> picked = new ArrayList<>();
        for (String name : value.split(",")) {
            if (!known.contains(name.strip())) {
                throw new IllegalArgumentException(option + ": " + name + " is not one of " + known);
            }
            picked.add(name.strip());
        }
        return List.copyOf(picked);
    }
}
