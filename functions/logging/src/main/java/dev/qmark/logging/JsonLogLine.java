package dev.qmark.logging;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.slf4j.event.KeyValuePair;
import org.slf4j.event.Level;

/**
 * One log line: {@code {"timestamp","level","logger","message", …fields, "error"}} on one line,
 * whatever the message holds (newlines and quotes are escaped), so CloudWatch Logs Insights reads
 * every field without a parse pattern. Written by hand: no JSON library in the logging path.
 */
final class JsonLogLine {

    /** Where lines go: stdout in Lambda, a list in tests. */
    interface Sink {
        void write(String line);
    }

    private JsonLogLine() {
    }

    static String of(Instant at, Level level, String logger, String message, Map<String, String> context,
                     List<KeyValuePair> pairs, Throwable thrown) {
        StringBuilder json = new StringBuilder(160 + message.length());
        json.append('{');
        field(json, "timestamp", at.toString());
        field(json.append(','), "level", level.name());
        field(json.append(','), "logger", logger);
        field(json.append(','), "message", message);
        if (context != null) {
            context.forEach((key, value) -> field(json.append(','), key, value));
        }
        for (KeyValuePair pair : pairs) {
            field(json.append(','), pair.key, String.valueOf(pair.value));
        }
        if (thrown != null) {
            StringWriter trace = new StringWriter();
            thrown.printStackTrace(new PrintWriter(trace));
            field(json.append(','), "error", trace.toString());
        }
        return json.append('}').toString();
    }

    private static void field(StringBuilder json, String key, String value) {
        string(json, key);
        json.append(':');
        string(json, value);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        if (value == null) {
            json.append('"');
            return;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
