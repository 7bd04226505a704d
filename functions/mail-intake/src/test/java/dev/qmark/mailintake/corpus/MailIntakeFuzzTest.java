package dev.qmark.mailintake.corpus;

import dev.qmark.mailintake.SesReceipts;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.qmark.aws.testing.TestBed;
import dev.qmark.mailintake.MailIntakeHandler;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Mail-intake must survive whatever lands in the bucket: seeded mutations of the corpus (bit
 * flips, truncation, duplicated and removed header lines, random and misplaced boundaries, broken
 * line ends, wrong charset labels and transfer encodings, spliced mails) and plain random bytes,
 * each delivered through the handler as SES would. None may make the handler throw (Lambda would
 * retry the whole event, then drop it); each must become feedback (or join a thread) or be kept
 * for review, and be found stored. The time bound is a hang guard, not a speed test.
 *
 * <p>Reproducible: the seed is fixed; a failing input is written to
 * {@code target/fuzz-failures/<case>.eml} with what was done to which corpus file.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MailIntakeFuzzTest {

    private static final long SEED = 20261123L;
    private static final int MUTATIONS = 250;
    private static final int RANDOM_MAILS = 40;
    private static final Duration HANG_GUARD = Duration.ofSeconds(180);
    /** A reply address at our domain whose MAC is wrong: replies take the reply path and are kept. */
    private static final String FORGED_REPLY_ADDRESS = "answer+0123456789abcdef-1-abcdefghijklmnop@feedback.example.com";
    private static final Set<String> OUTCOMES = Set.of("new_feedback", "added_to_thread", "recorded_on_timeline",
            "kept_for_review");
    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";\r\n]+)\"?", Pattern.CASE_INSENSITIVE);
    private static final String[] LABELS = {"utf-8", "euc-kr", "ks_c_5601-1987", "iso-2022-kr", "iso-2022-jp", "cp50220",
        "shift_jis", "gb2312", "gb18030", "big5", "iso-8859-1", "windows-1252", "us-ascii", "utf-16", "utf-7", "x-unknown",
        "", "\"", "utf-8*ko", "a".repeat(300)};
    private static final String[] ENCODINGS = {"base64", "quoted-printable", "7bit", "8bit", "binary", "x-uuencode", "",
        "BASE64", "base64 (with comment)"};

    private TestBed bed;
    private MailIntakeHandler handler;
    private List<Seed> seeds;

    private record Seed(String name, byte[] raw, String recipient) {
    }

    private record Case(String description, byte[] raw, String recipient) {
    }

    @BeforeAll
    void bed() {
        bed = TestBed.create();
        handler = new MailIntakeHandler(bed.env());
        seeds = new ArrayList<>();
        Map<String, String> placeholders = Map.of("{{FEEDBACK_ID}}", "0123456789abcdef",
                "{{ACK_MESSAGE_ID}}", "0100019a5b7e2f10-0000@eu-west-1.amazonses.com", "{{REPLY_TO}}", FORGED_REPLY_ADDRESS);
        for (String file : Corpus.files("customer")) {
            seeds.add(new Seed("customer/" + file, Corpus.fill(Corpus.read("customer/" + file), placeholders),
                    Corpus.FEEDBACK_ADDRESS));
        }
        for (String file : Corpus.files("replies")) {
            seeds.add(new Seed("replies/" + file, Corpus.fill(Corpus.read("replies/" + file), placeholders),
                    FORGED_REPLY_ADDRESS));
        }
    }

    @Test
    void mutatedAndRandomMailNeverFailsTheHandler() {
        List<String> failures = new ArrayList<>();
        long[] slowest = {0};
        String[] slowestCase = {""};
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            Random random = new Random(SEED);
            for (int i = 0; i < MUTATIONS + RANDOM_MAILS; i++) {
                Case c = i < MUTATIONS ? mutate(random, seeds.get(random.nextInt(seeds.size())))
                        : new Case("random bytes", randomBytes(random, random.nextInt(8192)), Corpus.FEEDBACK_ADDRESS);
                long start = System.nanoTime();
                String failure = deliver(c);
                long took = System.nanoTime() - start;
                if (took > slowest[0]) {
                    slowest[0] = took;
                    slowestCase[0] = c.description();
                }
                if (failure != null) {
                    failures.add(save(i, c, failure));
                }
            }
        }, () -> "hang guard: " + (MUTATIONS + RANDOM_MAILS) + " mails did not go through in " + HANG_GUARD);
        System.out.printf("fuzz: %d mails, slowest %d ms (%s)%n", MUTATIONS + RANDOM_MAILS, slowest[0] / 1_000_000,
                slowestCase[0]);
        assertEquals(List.of(), failures, failures.size() + " of " + (MUTATIONS + RANDOM_MAILS) + " mails failed");
    }

    @Test
    void hostileButParseableMailsAreStoredOrKept() {
        List<String> failures = new ArrayList<>();
        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (Case c : List.of(deepNesting(), manyHeaders(), hugeEncodedSubjectAndName(), longLines(), manyEmptyParts())) {
                String failure = deliver(c);
                if (failure != null) {
                    failures.add(save(-1, c, failure));
                }
            }
        });
        assertEquals(List.of(), failures);
    }

    /*
     * The parser caps what it reads (500 entities, 64 KiB per header value) but nothing caps what
     * CustomerMailIntake stores: every attachment's file name goes into the feedback item, so a
     * mail with hundreds of parts named with a few hundred characters each makes an item over
     * DynamoDB's 400 KB limit. storeNew's transaction fails with a ValidationException ("Item size
     * has exceeded the maximum allowed size"), which MailIntake does not catch: the handler throws,
     * Lambda retries the SES event and then drops it, and the mail is neither feedback nor kept for
     * review (its raw MIME sits in S3 unnoticed). One crafted mail per try.
     */
    @Test
    void aMailWithHundredsOfLongAttachmentNamesIsStoredOrKept() {
        assertEquals(null, deliver(manyAttachmentsWithLongNames()));
    }

    // -------------------------------------------------------------------------------- delivery

    /** Delivers one case; null when the handler did what it must, else what went wrong. */
    private String deliver(Case c) {
        String mailId = SesReceipts.newMailId();
        try {
            JsonNode result = Corpus.deliver(bed, handler, mailId, c.raw(), c.recipient());
            String outcome = result.path("outcome").asText();
            assertTrue(OUTCOMES.contains(outcome), "outcome " + result);
            if (outcome.equals("kept_for_review")) {
                assertNotNull(Corpus.review(bed, mailId), "the review item of " + result);
            } else {
                String id = result.path("feedbackId").asText();
                assertTrue(bed.repository().find(id).isPresent(), "the feedback of " + result);
            }
            return null;
        } catch (Throwable t) {
            StringWriter trace = new StringWriter();
            t.printStackTrace(new PrintWriter(trace));
            return trace.toString();
        }
    }

    private static String save(int index, Case c, String failure) {
        String name = index < 0 ? "hostile-" + Integer.toHexString(c.description().hashCode()) : "case-" + index;
        try {
            Path dir = Path.of("target", "fuzz-failures");
            Files.createDirectories(dir);
            Files.write(dir.resolve(name + ".eml"), c.raw());
            Files.writeString(dir.resolve(name + ".txt"), c.description() + "\n\n" + failure);
        } catch (IOException e) {
            // the failure itself is what matters
        }
        String firstLines = failure.lines().limit(4).reduce((a, b) -> a + "\n" + b).orElse("");
        return name + " [" + c.description() + "]: " + firstLines;
    }

    // ------------------------------------------------------------------------------- mutations

    private Case mutate(Random random, Seed seed) {
        byte[] raw = seed.raw();
        int kind = random.nextInt(14);
        return switch (kind) {
            case 0 -> new Case(seed.name() + ": bit flips", flipBits(random, raw), seed.recipient());
            case 1 -> new Case(seed.name() + ": truncated", Arrays.copyOf(raw, random.nextInt(raw.length + 1)), seed.recipient());
            case 2 -> new Case(seed.name() + ": header line duplicated", duplicateHeaderLine(random, raw), seed.recipient());
            case 3 -> new Case(seed.name() + ": header line removed", removeHeaderLine(random, raw), seed.recipient());
            case 4 -> new Case(seed.name() + ": random boundary", randomBoundary(random, raw), seed.recipient());
            case 5 -> new Case(seed.name() + ": stray delimiter lines", strayDelimiters(random, raw), seed.recipient());
            case 6 -> new Case(seed.name() + ": range deleted", deleteRange(random, raw), seed.recipient());
            case 7 -> new Case(seed.name() + ": range repeated", repeatRange(random, raw), seed.recipient());
            case 8 -> new Case(seed.name() + ": random bytes inserted", insertRandom(random, raw), seed.recipient());
            case 9 -> new Case(seed.name() + ": line ends changed", lineEnds(random, raw), seed.recipient());
            case 10 -> {
                Seed other = seeds.get(random.nextInt(seeds.size()));
                yield new Case(seed.name() + " spliced with " + other.name(), splice(random, raw, other.raw()), seed.recipient());
            }
            case 11 -> new Case(seed.name() + ": charset labels changed", replaceParams(random, raw, "charset=", LABELS),
                    seed.recipient());
            case 12 -> new Case(seed.name() + ": transfer encodings changed",
                    replaceParams(random, raw, "Content-Transfer-Encoding: ", ENCODINGS), seed.recipient());
            default -> new Case(seed.name() + ": several mutations", flipBits(random, deleteRange(random,
                    duplicateHeaderLine(random, randomBoundary(random, raw)))), seed.recipient());
        };
    }

    private static byte[] flipBits(Random random, byte[] raw) {
        byte[] copy = raw.clone();
        int flips = 1 + random.nextInt(32);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            int at = random.nextInt(copy.length);
            copy[at] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }

    /** Offsets of the line starts in the top-level header (before the first empty line). */
    private static List<int[]> headerLines(byte[] raw) {
        List<int[]> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n') {
                if (i - start <= 1) {
                    break;
                }
                lines.add(new int[] {start, i + 1});
                start = i + 1;
            }
        }
        return lines;
    }

    private static byte[] duplicateHeaderLine(Random random, byte[] raw) {
        List<int[]> lines = headerLines(raw);
        if (lines.isEmpty()) {
            return raw;
        }
        int[] line = lines.get(random.nextInt(lines.size()));
        int times = 1 + random.nextInt(random.nextInt(10) == 0 ? 500 : 3);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(raw, 0, line[1]);
        for (int i = 0; i < times; i++) {
            out.write(raw, line[0], line[1] - line[0]);
        }
        out.write(raw, line[1], raw.length - line[1]);
        return out.toByteArray();
    }

    private static byte[] removeHeaderLine(Random random, byte[] raw) {
        List<int[]> lines = headerLines(raw);
        if (lines.isEmpty()) {
            return raw;
        }
        int[] line = lines.get(random.nextInt(lines.size()));
        return concat(Arrays.copyOfRange(raw, 0, line[0]), Arrays.copyOfRange(raw, line[1], raw.length));
    }

    /** Every boundary parameter and delimiter of one boundary replaced by another, or only the parameter. */
    private static byte[] randomBoundary(Random random, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher m = BOUNDARY.matcher(text);
        List<String> boundaries = new ArrayList<>();
        while (m.find()) {
            boundaries.add(m.group(1));
        }
        if (boundaries.isEmpty()) {
            return ("Content-Type: multipart/mixed; boundary=\"" + randomToken(random) + "\"\r\n").getBytes(
                    StandardCharsets.ISO_8859_1).length > 0 ? concat(("Content-Type: multipart/mixed; boundary=\""
                    + randomToken(random) + "\"\r\n").getBytes(StandardCharsets.ISO_8859_1), raw) : raw;
        }
        String old = boundaries.get(random.nextInt(boundaries.size()));
        String replacement = randomToken(random);
        String changed = random.nextBoolean() ? text.replace(old, replacement)
                : text.replaceFirst(Pattern.quote("boundary=\"" + old), Matcher.quoteReplacement("boundary=\"" + replacement));
        return changed.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String randomToken(Random random) {
        String alphabet = "abcXYZ019'()+_,-./:=? \"\\;--";
        int length = switch (random.nextInt(4)) {
            case 0 -> 0;
            case 1 -> 1 + random.nextInt(3);
            case 2 -> 20 + random.nextInt(60);
            default -> 150 + random.nextInt(200);
        };
        StringBuilder token = new StringBuilder();
        for (int i = 0; i < length; i++) {
            token.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return token.toString();
    }

    private static byte[] strayDelimiters(Random random, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher m = BOUNDARY.matcher(text);
        String boundary = m.find() ? m.group(1) : randomToken(random);
        StringBuilder out = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (random.nextInt(6) == 0) {
                out.append("--").append(boundary).append(random.nextBoolean() ? "--" : "").append("\r\n");
            }
            out.append(line).append('\n');
        }
        return out.substring(0, out.length() - 1).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] deleteRange(Random random, byte[] raw) {
        if (raw.length == 0) {
            return raw;
        }
        int from = random.nextInt(raw.length);
        int to = Math.min(raw.length, from + 1 + random.nextInt(Math.max(1, raw.length / 4)));
        return concat(Arrays.copyOfRange(raw, 0, from), Arrays.copyOfRange(raw, to, raw.length));
    }

    private static byte[] repeatRange(Random random, byte[] raw) {
        if (raw.length == 0) {
            return raw;
        }
        int from = random.nextInt(raw.length);
        int to = Math.min(raw.length, from + 1 + random.nextInt(200));
        int times = 1 + random.nextInt(random.nextInt(5) == 0 ? 2000 : 5);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(raw, 0, to);
        for (int i = 0; i < times; i++) {
            out.write(raw, from, to - from);
        }
        out.write(raw, to, raw.length - to);
        return out.toByteArray();
    }

    private static byte[] insertRandom(Random random, byte[] raw) {
        int at = raw.length == 0 ? 0 : random.nextInt(raw.length);
        return concat(concat(Arrays.copyOfRange(raw, 0, at), randomBytes(random, 1 + random.nextInt(64))),
                Arrays.copyOfRange(raw, at, raw.length));
    }

    private static byte[] lineEnds(Random random, byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        String changed = switch (random.nextInt(3)) {
            case 0 -> text.replace("\r\n", "\n");
            case 1 -> text.replace("\r\n", "\r");
            default -> text.replace("\r\n", "\n\r");
        };
        return changed.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] splice(Random random, byte[] a, byte[] b) {
        return concat(Arrays.copyOf(a, random.nextInt(a.length + 1)), Arrays.copyOfRange(b, random.nextInt(b.length + 1), b.length));
    }

    private static byte[] replaceParams(Random random, byte[] raw, String key, String[] values) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        Matcher m = Pattern.compile(Pattern.quote(key) + "\"?[^\";\r\n]*\"?", Pattern.CASE_INSENSITIVE).matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(key + values[random.nextInt(values.length)]));
        }
        m.appendTail(out);
        return out.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] randomBytes(Random random, int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] result = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, result, a.length, b.length);
        return result;
    }

    // ------------------------------------------------------------------------ hostile mails

    private static Case deepNesting() {
        StringBuilder mail = new StringBuilder("From: Nest <nest@example.org>\r\nSubject: nested\r\n");
        for (int level = 0; level < 5000; level++) {
            mail.append("Content-Type: multipart/mixed; boundary=b").append(level).append("\r\n\r\n--b").append(level).append("\r\n");
        }
        mail.append("Content-Type: text/plain\r\n\r\ndeepest\r\n");
        return new Case("5000 nested multiparts", mail.toString().getBytes(StandardCharsets.US_ASCII), Corpus.FEEDBACK_ADDRESS);
    }

    private static Case manyHeaders() {
        String mail = "From: Many <many@example.org>\r\n" + "X-Trace: =?utf-8?B?7JWI?= <a@b.example>, (c\r\n".repeat(100_000)
                + "Subject: many headers\r\n\r\nbody\r\n";
        return new Case("100000 header lines", mail.getBytes(StandardCharsets.US_ASCII), Corpus.FEEDBACK_ADDRESS);
    }

    private static Case hugeEncodedSubjectAndName() {
        String word = "=?UTF-8?B?7ZWc6riA7ZWc6riA7ZWc6riA?= ";
        String mail = "From: \"" + word.repeat(3000) + "\" <huge@example.org>\r\nSubject: " + word.repeat(3000)
                + "\r\nContent-Type: text/plain; charset=UTF-8\r\n\r\n" + "배송이 늦어요. ".repeat(20_000) + "\r\n";
        return new Case("64 KiB encoded subject and name, 400 KB body", mail.getBytes(StandardCharsets.UTF_8),
                Corpus.FEEDBACK_ADDRESS);
    }

    private static Case longLines() {
        String mail = "From: Long <long@example.org>\r\nSubject: long\r\nContent-Type: text/html; charset=utf-8\r\n\r\n"
                + "<div>".repeat(100_000) + "<blockquote>".repeat(50_000) + "x".repeat(1_000_000) + "\r\n";
        return new Case("1.5 MB of unclosed HTML on one line", mail.getBytes(StandardCharsets.US_ASCII), Corpus.FEEDBACK_ADDRESS);
    }

    private static Case manyAttachmentsWithLongNames() {
        StringBuilder mail = new StringBuilder("From: Files <files@example.org>\r\nSubject: photos\r\n"
                + "Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/plain\r\n\r\nall the photos\r\n");
        for (int i = 0; i < 450; i++) {
            mail.append("--x\r\nContent-Type: image/jpeg\r\nContent-Disposition: attachment; filename=\"")
                    .append(String.format("%04d-", i)).append("photo".repeat(200)).append(".jpg\"\r\n\r\nx\r\n");
        }
        mail.append("--x--\r\n");
        return new Case("450 attachments with 1000-character names", mail.toString().getBytes(StandardCharsets.US_ASCII),
                Corpus.FEEDBACK_ADDRESS);
    }

    private static Case manyEmptyParts() {
        String mail = "From: Parts <parts@example.org>\r\nSubject: parts\r\nContent-Type: multipart/mixed; boundary=x\r\n\r\n"
                + "--x\r\n\r\n".repeat(100_000) + "--x--\r\n";
        return new Case("100000 empty parts", mail.getBytes(StandardCharsets.US_ASCII), Corpus.FEEDBACK_ADDRESS);
    }
}
