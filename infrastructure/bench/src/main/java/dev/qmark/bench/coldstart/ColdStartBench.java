package dev.qmark.bench.coldstart;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code qmark bench coldstart}: how long each function takes from a fresh JVM to its handler
 * built, its first event and its second, on its deployable jar with the template's
 * JAVA_TOOL_OPTIONS against the embedded AWS; primed (SnapStart's beforeCheckpoint ran first, as
 * it does before the snapshot), unprimed, and naive (clients from {@code XClient.create()}: the
 * SDK's default HTTP client and default resolution). Runs interleave functions and variants, so
 * a noisy neighbour spreads over all of them; medians, and ratios to unprimed.
 *
 * <p>initMs counts from the moment the bench starts the JVM (JVM start included) to the handler
 * built, priming included for "primed": on Lambda with SnapStart that part happens before the
 * snapshot, and a restore skips it. firstMs is what a customer waits for after a restore.
 */
public final class ColdStartBench {

    private ColdStartBench() {
    }

    record Sample(long initMs, long firstMs, long secondMs) {
    }

    /** coldMs: the median of each run's first event minus its second, what being cold cost beyond the work itself. */
    record Median(String function, String variant, int runs, long initMs, long firstMs, long secondMs, long coldMs) {
        String json() {
            return String.format(Locale.ROOT, "{\"function\":\"%s\",\"variant\":\"%s\",\"runs\":%d,\"initMs\":%d,\"firstMs\":%d,\"secondMs\":%d,\"coldMs\":%d}",
                    function, variant, runs, initMs, firstMs, secondMs, coldMs);
        }
    }

    public static int main(List<String> args) {
        ColdStartOptions options;
        try {
            options = ColdStartOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("qmark: " + e.getMessage());
            System.err.print(ColdStartOptions.USAGE);
            return 2;
        }
        PrintStream stdout = System.out;
        System.setOut(System.err);  // stdout carries the figures only
        Path home = Path.of(System.getProperty("qmark.home", ".")).toAbsolutePath();
        for (String function : options.functions()) {
            Path jar = jar(home, function);
            if (!Files.exists(jar)) {
                System.err.println("qmark: " + jar + " is not built; run ./qmark build");
                return 2;
            }
        }
        try (BenchData data = new BenchData(home, home.resolve("events"))) {
            Path naive = options.variants().contains("naive") ? NaiveClients.compile(home) : null;
            String toolOptions = javaToolOptions(home);
            Map<String, Map<String, List<Sample>>> samples = new LinkedHashMap<>();
            for (int run = 1; run <= options.runs(); run++) {
                for (String name : options.functions()) {
                    FunctionUnderTest function = FunctionUnderTest.named(name);
                    for (String variant : options.variants()) {
                        Path classLog = options.classLog() ? classLog(home, name, variant, run) : null;
                        Sample sample = once(home, data, function, variant, naive, toolOptions, classLog);
                        System.err.printf("run %d %s %s: init %d ms, first %d ms, second %d ms%s%n", run, name, variant,
                                sample.initMs(), sample.firstMs(), sample.secondMs(),
                                classLog == null ? "" : ", first event loaded " + classesOfFirstEvent(classLog) + " classes (" + classLog + ")");
                        samples.computeIfAbsent(name, n -> new LinkedHashMap<>())
                                .computeIfAbsent(variant, v -> new ArrayList<>()).add(sample);
                    }
                }
            }
            List<Median> medians = new ArrayList<>();
            samples.forEach((function, byVariant) -> byVariant.forEach((variant, list) -> medians.add(new Median(
                    function, variant, list.size(), median(list, Sample::initMs), median(list, Sample::firstMs),
                    median(list, Sample::secondMs), median(list, x -> x.firstMs() - x.secondMs())))));
            if (options.json()) {
                medians.forEach(m -> stdout.println(m.json()));
            } else {
                stdout.print(table(medians, toolOptions));
            }
            stdout.flush();
            return 0;
        } catch (RuntimeException e) {
            e.printStackTrace();
            return 1;
        }
    }

    static Path jar(Path home, String function) {
        return home.resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
    }

    /** The JVM options template.yaml gives every function (Globals). */
    static String javaToolOptions(Path home) {
        try {
            Matcher m = Pattern.compile("(?m)^\\s*JAVA_TOOL_OPTIONS:\\s*(.+?)\\s*$").matcher(Files.readString(home.resolve("template.yaml")));
            if (!m.find()) {
                throw new IllegalStateException("template.yaml sets no JAVA_TOOL_OPTIONS");
            }
            return m.group(1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path classLog(Path home, String function, String variant, int run) {
        try {
            Path dir = Files.createDirectories(home.resolve("infrastructure/bench/target/coldstart-classes"));
            return dir.resolve(function + "-" + variant + "-" + run + ".log");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Classes loaded between the probe's two marks: what the first event needed that was not loaded before. */
    static long classesOfFirstEvent(Path classLog) {
        try {
            List<String> lines = Files.readAllLines(classLog, StandardCharsets.UTF_8);
            int from = -1;
            int to = lines.size();
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).contains(ColdStartProbe.FirstEvent.class.getName())) {
                    from = i;
                } else if (lines.get(i).contains(ColdStartProbe.SecondEvent.class.getName())) {
                    to = i;
                }
            }
            return from < 0 ? -1 : Math.max(0, to - from - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sample once(Path home, BenchData data, FunctionUnderTest function, String variant, Path naive,
                               String toolOptions, Path classLog) {
        Path first = data.event(function, true);
        Path second = data.event(function, false);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        Map<String, String> sdk = new LinkedHashMap<>(data.sdkProperties());
        String classPath = jar(home, function.name()) + java.io.File.pathSeparator + home.resolve("infrastructure/bench/target/classes");
        if (variant.equals("naive")) {
            classPath = naive + java.io.File.pathSeparator + classPath + java.io.File.pathSeparator + NaiveClients.httpClientJars();
            sdk.put("software.amazon.awssdk.http.service.impl", NaiveClients.HTTP_SERVICE);
        } else {
            sdk.remove("software.amazon.awssdk.http.service.impl");
        }
        sdk.forEach((k, v) -> command.add("-D" + k + "=" + v));
        if (classLog != null) {
            command.add("-Xlog:class+load=info:file=" + classLog + ":uptime:filecount=0");
        }
        command.addAll(List.of("-cp", classPath, ColdStartProbe.class.getName(), function.handler(), variant,
                first.toString(), second.toString()));
        Path errors = tempFile(home, function.name() + "-stderr", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(false)
                .redirectError(errors.toFile());
        builder.environment().putAll(data.environment());
        builder.environment().put("JAVA_TOOL_OPTIONS", toolOptions);
        builder.environment().remove("REPLY_TOKEN_SECRET_ARN");
        try {
            long started = System.currentTimeMillis();
            Process process = builder.start();
            String result = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    if (line.startsWith(ColdStartProbe.MARK)) {
                        result = line.substring(ColdStartProbe.MARK.length());
                    }
                }
            }
            int exit = process.waitFor();
            if (result == null || exit != 0) {
                throw new IllegalStateException(function.name() + " (" + variant + ") exited " + exit
                        + " without its times; its stderr ends:\n" + tail(errors, 40));
            }
            String[] moments = result.split(" ");
            long constructed = Long.parseLong(moments[0]);
            long firstDone = Long.parseLong(moments[1]);
            long secondDone = Long.parseLong(moments[2]);
            return new Sample(constructed - started, firstDone - constructed, secondDone - firstDone);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            first.toFile().delete();
            second.toFile().delete();
            errors.toFile().delete();
        }
    }

    private static Path tempFile(Path home, String prefix, String suffix) {
        try {
            Path file = Files.createTempFile(home.resolve("infrastructure/bench/target"), prefix, suffix);
            file.toFile().deleteOnExit();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last {@code n} lines of a failed child's stderr: why it failed, in the bench's own error. */
    private static String tail(Path file, int n) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - n), lines.size()));
        } catch (IOException e) {
            return "(unreadable: " + e + ")";
        }
    }

    static long median(List<Sample> samples, java.util.function.ToLongFunction<Sample> figure) {
        long[] values = samples.stream().mapToLong(figure).sorted().toArray();
        int n = values.length;
        return n % 2 == 1 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2;
    }

    static String table(List<Median> medians, String toolOptions) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "cold starts (medians; JAVA_TOOL_OPTIONS=%s; %d cores)%n", toolOptions,
                Runtime.getRuntime().availableProcessors()));
        out.append(String.format(Locale.ROOT, "%-12s %-9s %5s %8s %8s %8s %13s %8s %12s %13s%n", "function", "variant", "runs",
                "initMs", "firstMs", "secondMs", "first/unprim", "coldMs", "cold/unprim", "init/unprim"));
        for (Median m : medians) {
            Median unprimed = medians.stream().filter(u -> u.function().equals(m.function()) && u.variant().equals("unprimed"))
                    .findFirst().orElse(null);
            out.append(String.format(Locale.ROOT, "%-12s %-9s %5d %8d %8d %8d %13s %8d %12s %13s%n", m.function(), m.variant(), m.runs(),
                    m.initMs(), m.firstMs(), m.secondMs(), ratio(m.firstMs(), unprimed == null ? 0 : unprimed.firstMs()),
                    m.coldMs(), ratio(Math.max(0, m.coldMs()), unprimed == null ? 0 : unprimed.coldMs()),
                    ratio(m.initMs(), unprimed == null ? 0 : unprimed.initMs())));
        }
        return out.toString();
    }

    private static String ratio(long value, long base) {
        return base <= 0 ? "-" : String.format(Locale.ROOT, "%.2fx", (double) value / base);
    }
}
