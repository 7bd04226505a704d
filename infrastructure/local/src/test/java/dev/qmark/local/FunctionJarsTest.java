package dev.qmark.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The deployable jars as Lambda will load them: alone on a class path. Each must hold its handler
 * and everything it needs (configuration, mail composition with its service files), and nothing
 * that must not ship (emulators, Apache or Netty HTTP clients). Runs after packaging (./qmark test).
 */
class FunctionJarsTest {

    static final List<String> FORBIDDEN = List.of("org/apache/http/", "org/apache/hc/", "io/netty/",
            "com/amazonaws/services/dynamodbv2/local/", "org/elasticmq/", "dev/qmark/emulators/", "dev/qmark/local/");
    /** What reading received mail takes (MIME structure, HTML): only mail-intake reads mail. */
    static final List<String> MAIL_READING = List.of("org/apache/james/mime4j/", "org/jsoup/");
    /** What writing mail takes (Jakarta Mail on Angus): only the functions that send mail. */
    static final List<String> MAIL_WRITING = List.of("org/eclipse/angus/", "jakarta/mail/", "jakarta/activation/");
    static final List<String> SENDS_MAIL = List.of("escalator", "mail-intake", "sweeper", "router", "mail-events", "digest");

    @ParameterizedTest
    @CsvSource({
        "form-intake, dev.qmark.formintake.FormIntakeHandler",
        "router, dev.qmark.router.RouterHandler",
        "escalator, dev.qmark.escalator.EscalatorHandler",
        "mail-intake, dev.qmark.mailintake.MailIntakeHandler",
        "staff-api, dev.qmark.staffapi.StaffApiHandler",
        "sweeper, dev.qmark.sweeper.SweeperHandler",
        "mail-events, dev.qmark.mailevents.MailEventsHandler",
        "figures, dev.qmark.figures.FiguresHandler",
        "digest, dev.qmark.digest.DigestHandler"})
    void jarStandsAlone(String function, String handler) throws Exception {
        Path jar = LocalHttp.repositoryRoot().resolve("functions").resolve(function).resolve("target").resolve(function + ".jar");
        Assumptions.assumeTrue(Files.exists(jar), "not packaged yet (run ./qmark test or ./qmark build)");
        boolean readsMail = function.equals("mail-intake");
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().forEach(entry -> FORBIDDEN.forEach(prefix ->
                    assertTrue(!entry.getName().startsWith(prefix), function + " ships " + entry.getName())));
            MAIL_READING.forEach(prefix -> assertEquals(readsMail,
                    zip.stream().anyMatch(entry -> entry.getName().startsWith(prefix)), function + " and " + prefix));
            MAIL_WRITING.forEach(prefix -> assertEquals(SENDS_MAIL.contains(function),
                    zip.stream().anyMatch(entry -> entry.getName().startsWith(prefix)), function + " and " + prefix));
            assertTrue(zip.getEntry("qmark.yaml") != null, function + " has no qmark.yaml");
        }
        System.out.printf("function jar %s: %.1f MiB%n", function, Files.size(jar) / 1024.0 / 1024.0);

        ClassLoader previous = Thread.currentThread().getContextClassLoader();
        try (URLClassLoader alone = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            // as in Lambda, the function's own loader is the context loader (Jakarta Mail looks up its providers there)
            Thread.currentThread().setContextClassLoader(alone);
            Class.forName(handler, true, alone);
            Object config = alone.loadClass("dev.qmark.core.config.ConfigLoader").getMethod("locate", String.class)
                    .invoke(null, "qmark.yaml");
            assertTrue(config.toString().contains("inboundDomain=feedback.example.com"), config.toString());
            if (!SENDS_MAIL.contains(function)) {
                return; // composing mail takes Angus Mail, which only the functions that send mail carry
            }

            // composing MIME needs Angus Mail's providers and mailcap from inside the jar
            Class<?> outgoing = alone.loadClass("dev.qmark.mail.OutgoingMail");
            Object mail = outgoing.getConstructors()[0].newInstance("qmark@example.com", "Jeff (via Qmark)",
                    List.of("dana@example.com"), List.of(), List.of("answer+x@feedback.example.com"), "? 배송이 늦어요",
                    "?\n\n> 배송이 늦어요", "<p>?</p>", Map.of());
            Class<?> composerType = alone.loadClass("dev.qmark.mail.MimeComposer");
            Object composed = composerType.getMethod("compose", outgoing, String.class, Instant.class)
                    .invoke(composerType.getConstructor().newInstance(), mail, "feedback.example.com", Instant.now());
            byte[] mime = (byte[]) composed.getClass().getMethod("mime").invoke(composed);
            assertTrue(new String(mime, java.nio.charset.StandardCharsets.US_ASCII).contains("Auto-Submitted: auto-generated"));
            if (!readsMail) {
                return; // reading it back takes mime4j and jsoup, which only mail-intake carries
            }
            Class<?> parserType = alone.loadClass("dev.qmark.mail.MimeParser");
            Object parsed = parserType.getMethod("parse", byte[].class).invoke(parserType.getConstructor().newInstance(), mime);
            Method subject = parsed.getClass().getMethod("subject");
            assertEquals("? 배송이 늦어요", subject.invoke(parsed));
        } finally {
            Thread.currentThread().setContextClassLoader(previous);
        }
    }
}
