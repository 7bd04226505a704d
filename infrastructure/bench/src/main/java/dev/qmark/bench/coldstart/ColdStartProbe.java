package dev.qmark.bench.coldstart;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Runs in the fresh JVM of one cold start, on the function's jar: builds the handler as Lambda
 * does (no-argument constructor, environment variables), primes it when asked (the CRaC
 * beforeCheckpoint SnapStart calls), and hands it two events. Prints the wall-clock moments on one
 * line starting with {@value #MARK}; the bench subtracts its own moment of starting the JVM.
 * JDK classes and the function's own only: nothing of the bench is loaded here.
 *
 * <p>Arguments: handler class, variant (primed, unprimed, naive), first event file, second event file.
 */
public final class ColdStartProbe {

    static final String MARK = "qmark-coldstart ";

    private ColdStartProbe() {
    }

    /**
     * Loaded right before the first event and right before the second: in a class-load log
     * ({@code --class-log}) the classes between the two are what the first event loaded itself,
     * which priming did not.
     */
    static final class FirstEvent {
        static void mark() {
        }
    }

    static final class SecondEvent {
        static void mark() {
        }
    }

    public static void main(String[] args) throws Exception {
        Class<?> type = Class.forName(args[0]);
        Object handler = type.getConstructor().newInstance();
        if (args[1].equals("primed")) {
            Method prime = type.getMethod("beforeCheckpoint", Class.forName("org.crac.Context"));
            prime.invoke(handler, (Object) null);
        }
        long constructed = System.currentTimeMillis();
        FirstEvent.mark();
        Method handle = type.getMethod("handleRequest", InputStream.class, OutputStream.class,
                Class.forName("com.amazonaws.services.lambda.runtime.Context"));
        handle.invoke(handler, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[2]))), new ByteArrayOutputStream(), null);
        long first = System.currentTimeMillis();
        SecondEvent.mark();
        handle.invoke(handler, new ByteArrayInputStream(Files.readAllBytes(Path.of(args[3]))), new ByteArrayOutputStream(), null);
        long second = System.currentTimeMillis();
        System.out.println(MARK + constructed + " " + first + " " + second);
        System.out.flush();
        System.exit(0);
    }
}
