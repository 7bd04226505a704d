package dev.qmark.emulators;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One SMTP conversation (RFC 5321), from the 220 greeting to QUIT, on its own thread. */
final class SmtpSession {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpSession.class);

    /** RFC 5321 allows 512 octets per command line; be a little generous. */
    private static final int MAX_COMMAND_LINE = 2048;
    /** DATA lines longer than this are taken in pieces, so one endless line cannot fill the memory. */
    private static final int DATA_CHUNK = 64 * 1024;
    /** More bad commands than this and the client is not speaking SMTP to us: hang up. */
    private static final int MAX_ERRORS = 10;
    /** Addresses longer than this (RFC 5321: 256 for a path) are refused. */
    private static final int MAX_ADDRESS = 320;

    private final SmtpListener listener;
    private final SmtpListener.Options options;
    private final Socket socket;
    private final long deadline;
    private InputStream in;
    private OutputStream out;

    private boolean greeted;
    private String mailFrom; // null: no transaction
    private final List<String> recipients = new ArrayList<>();
    private int errors;

    /** The session outlived its time limit. */
    private static final class Expired extends IOException {
        private static final long serialVersionUID = 1L;
    }

    SmtpSession(SmtpListener listener, Socket socket) {
        this.listener = listener;
        this.options = listener.options();
        this.socket = socket;
        this.deadline = System.nanoTime() + options.sessionTimeout().toNanos();
    }

    void run() {
        // Not try-with-resources: that would close the socket before the catch blocks say 421.
        try {
            converse();
        } catch (SocketTimeoutException e) {
            tryReply("421 4.4.2 " + options.hostname() + " Timeout, closing connection");
        } catch (Expired e) {
            tryReply("421 4.4.2 " + options.hostname() + " Session too long, closing connection");
        } catch (IOException e) {
            if (!listener.isClosed()) {
                LOG.debug("SMTP session ended: {}", e.toString());
            }
        } finally {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    private void converse() throws IOException {
        socket.setSoTimeout((int) Math.max(1, options.readTimeout().toMillis()));
        in = new BufferedInputStream(socket.getInputStream());
        out = new BufferedOutputStream(socket.getOutputStream());
        reply("220 " + options.hostname() + " ESMTP Qmark SMTP stand-in ready");
        while (true) {
            byte[] line = readChunk(MAX_COMMAND_LINE + 2);
            if (line.length == 0) {
                return; // the client hung up
            }
            if (!endsWithNewline(line)) {
                if (!discardRestOfLine()) {
                    reply("500 5.5.2 Line too long");
                    return;
                }
                if (!error("500 5.5.2 Line too long")) {
                    return;
                }
                continue;
            }
            if (!command(new String(line, StandardCharsets.UTF_8).strip())) {
                return;
            }
        }
    }

    /** Handles one command line; false when the connection is to be closed. */
    private boolean command(String line) throws IOException {
        int space = line.indexOf(' ');
        String verb = (space < 0 ? line : line.substring(0, space)).toUpperCase(Locale.ROOT);
        String argument = space < 0 ? "" : line.substring(space + 1).trim();
        switch (verb) {
            case "EHLO", "HELO" -> {
                if (argument.isEmpty()) {
                    return error("501 5.5.4 Syntax: " + verb + " hostname");
                }
                greeted = true;
                reset();
                if (verb.equals("HELO")) {
                    reply("250 " + options.hostname());
                } else {
                    reply("250-" + options.hostname() + " Hello " + argument,
                            "250-8BITMIME",
                            "250-SMTPUTF8",
                            "250-SIZE " + options.maxMessageBytes(),
                            "250 PIPELINING");
                }
            }
            case "MAIL" -> {
                return mail(argument);
            }
            case "RCPT" -> {
                return rcpt(argument);
            }
            case "DATA" -> {
                return data(argument);
            }
            case "RSET" -> {
                reset();
                reply("250 2.0.0 OK");
            }
            case "NOOP" -> reply("250 2.0.0 OK");
            case "QUIT" -> {
                reply("221 2.0.0 Bye");
                return false;
            }
            case "VRFY" -> reply("252 2.5.0 Cannot VRFY user, but will accept message and attempt delivery");
            case "HELP" -> reply("214 2.0.0 Commands: EHLO HELO MAIL RCPT DATA RSET NOOP QUIT VRFY");
            case "EXPN", "STARTTLS", "AUTH", "BDAT", "ETRN", "TURN" -> reply("502 5.5.1 Command not implemented");
            default -> {
                return error("500 5.5.2 Command unrecognized");
            }
        }
        return true;
    }

    private boolean mail(String argument) throws IOException {
        if (!greeted) {
            return error("503 5.5.1 Error: send HELO/EHLO first");
        }
        if (mailFrom != null) {
            return error("503 5.5.1 Error: nested MAIL command");
        }
        String[] path = path(argument, "FROM:");
        if (path == null || path[0].length() > MAX_ADDRESS) {
            return error("501 5.5.4 Syntax: MAIL FROM:<address>");
        }
        for (String parameter : path[1].split(" +")) {
            if (parameter.isEmpty()) {
                continue;
            }
            String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
            switch (name.toUpperCase(Locale.ROOT)) {
                case "SIZE" -> {
                    long size;
                    try {
                        size = Long.parseLong(parameter.substring(name.length() + 1));
                    } catch (NumberFormatException | IndexOutOfBoundsException e) {
                        return error("501 5.5.4 Syntax: SIZE=<number>");
                    }
                    if (size > options.maxMessageBytes()) {
                        reply("552 5.3.4 Message size exceeds fixed maximum message size");
                        return true;
                    }
                }
                case "BODY", "SMTPUTF8", "AUTH", "RET", "ENVID" -> {
                    // understood, nothing to do for a final destination
                }
                default -> {
                    reply("555 5.5.4 Unsupported parameter " + name);
                    return true;
                }
            }
        }
        mailFrom = path[0];
        reply("250 2.1.0 OK");
        return true;
    }

    private boolean rcpt(String argument) throws IOException {
        if (mailFrom == null) {
            return error("503 5.5.1 Error: need MAIL command");
        }
        String[] path = path(argument, "TO:");
        if (path == null || path[0].isEmpty() || path[0].length() > MAX_ADDRESS) {
            return error("501 5.5.4 Syntax: RCPT TO:<address>");
        }
        String address = path[0];
        int at = address.lastIndexOf('@');
        String domain = at < 1 ? "" : address.substring(at + 1);
        if (domain.endsWith(".")) {
            domain = domain.substring(0, domain.length() - 1);
        }
        if (domain.isEmpty() || !listener.acceptsDomain(domain)) {
            reply("550 5.1.1 <" + address + ">: Recipient address rejected: not a domain handled here");
            return true;
        }
        if (recipients.size() >= options.maxRecipients()) {
            reply("452 4.5.3 Too many recipients");
            return true;
        }
        recipients.add(address);
        reply("250 2.1.5 OK");
        return true;
    }

    private boolean data(String argument) throws IOException {
        if (!argument.isEmpty()) {
            return error("501 5.5.4 Syntax: DATA");
        }
        if (mailFrom == null) {
            return error("503 5.5.1 Error: need MAIL command");
        }
        if (recipients.isEmpty()) {
            return error("554 5.5.1 Error: no valid recipients");
        }
        reply("354 End data with <CR><LF>.<CR><LF>");
        Message message = readMessage();
        if (message.overflow) {
            reset();
            reply("552 5.3.4 Message size exceeds fixed maximum message size");
            // Far past the limit: keeping on reading would only serve a client that does not listen.
            return message.complete;
        }
        String id = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        MailDelivery delivery = listener.delivery();
        String from = mailFrom;
        List<String> to = List.copyOf(recipients);
        reset();
        if (delivery == null) {
            reply("451 4.3.0 Mail delivery is not ready yet, try again later");
            return true;
        }
        try {
            delivery.deliver(from, to, message.bytes);
        } catch (Exception e) {
            LOG.warn("SMTP delivery of a mail from <{}> to {} failed; the client is told to retry", from, to, e);
            reply("451 4.3.0 Error: delivery failed, try again later");
            return true;
        }
        LOG.info("SMTP accepted {} bytes from <{}> for {} as {}", message.bytes.length, from, to, id);
        reply("250 OK " + id);
        return true;
    }

    /** The message after 354, or that it overflowed; {@code complete} is false when reading was abandoned. */
    private record Message(byte[] bytes, boolean overflow, boolean complete) {
    }

    /**
     * Reads up to the lone "." line: removes the dot-stuffing, ends every line with CRLF (a bare LF is
     * taken as a line end), and stops keeping bytes past the size limit. A client that sends more
     * than twice the limit is cut off.
     */
    private Message readMessage() throws IOException {
        long max = options.maxMessageBytes();
        // Never take more than the limit in one piece: the check below must come round in time.
        int chunkLimit = (int) Math.min(DATA_CHUNK, Math.max(max, 16));
        ByteArrayOutputStream message = new ByteArrayOutputStream();
        long seen = 0;
        boolean lineStart = true;
        while (true) {
            byte[] chunk = readChunk(chunkLimit);
            if (chunk.length == 0) {
                throw new EOFException("the client hung up during DATA");
            }
            boolean lineEnd = endsWithNewline(chunk);
            int from = 0;
            int to = chunk.length;
            if (lineEnd) {
                to -= (to >= 2 && chunk[to - 2] == '\r') ? 2 : 1;
            }
            if (lineStart && chunk[0] == '.') {
                if (lineEnd && to == 1) {
                    boolean overflow = seen > max;
                    return new Message(overflow ? null : message.toByteArray(), overflow, true);
                }
                from = 1; // dot-stuffing: "..x" stands for ".x"
            }
            int length = to - from + (lineEnd ? 2 : 0);
            seen += length;
            if (seen <= max) {
                message.write(chunk, from, to - from);
                if (lineEnd) {
                    message.write('\r');
                    message.write('\n');
                }
            } else if (seen > 2 * max) {
                return new Message(null, true, false);
            } else if (message.size() > 0) {
                message = new ByteArrayOutputStream(); // over the limit: drop what was kept
            }
            lineStart = lineEnd;
        }
    }

    /**
     * Parses {@code FROM:<address> params} (or {@code TO:}); returns the address (source route removed)
     * and the rest, or null when it does not parse. A missing space after the colon and a path without
     * angle brackets are tolerated, as most servers do.
     */
    private static String[] path(String argument, String keyword) {
        if (!argument.regionMatches(true, 0, keyword, 0, keyword.length())) {
            return null;
        }
        String rest = argument.substring(keyword.length()).trim();
        String address;
        String parameters;
        if (rest.startsWith("<")) {
            int close = rest.indexOf('>');
            if (close < 0) {
                return null;
            }
            address = rest.substring(1, close).trim();
            parameters = rest.substring(close + 1).trim();
        } else {
            int space = rest.indexOf(' ');
            address = space < 0 ? rest : rest.substring(0, space);
            parameters = space < 0 ? "" : rest.substring(space + 1).trim();
        }
        if (address.startsWith("@") && address.contains(":")) {
            address = address.substring(address.indexOf(':') + 1); // "@relay1,@relay2:user@domain"
        }
        if (address.contains(" ") || address.contains("<")) {
            return null;
        }
        return new String[] {address, parameters};
    }

    private void reset() {
        mailFrom = null;
        recipients.clear();
    }

    /** Sends an error reply; false (close) when the client has made too many. */
    private boolean error(String reply) throws IOException {
        errors++;
        if (errors > MAX_ERRORS) {
            reply("421 4.7.0 " + options.hostname() + " Too many errors, closing connection");
            return false;
        }
        reply(reply);
        return true;
    }

    /** Reads up to and including a LF, or {@code limit} bytes; empty at the end of the stream. */
    private byte[] readChunk(int limit) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(128);
        int b = -1;
        while (line.size() < limit) {
            b = read();
            if (b == -1) {
                break;
            }
            line.write(b);
            if (b == '\n') {
                return line.toByteArray();
            }
        }
        if (b == '\r') {
            // Do not split a CRLF between two chunks: it would count as a bare CR and then a bare LF.
            int next = read();
            if (next != -1) {
                line.write(next);
            }
        }
        return line.toByteArray();
    }

    /** After an over-long command: skips to the end of the line, at most 64 KiB; false if there was no end. */
    private boolean discardRestOfLine() throws IOException {
        for (int i = 0; i < 64 * 1024; i++) {
            int b = read();
            if (b == -1) {
                return false;
            }
            if (b == '\n') {
                return true;
            }
        }
        return false;
    }

    private int read() throws IOException {
        if (System.nanoTime() - deadline > 0) {
            throw new Expired();
        }
        return in.read();
    }

    private static boolean endsWithNewline(byte[] chunk) {
        return chunk.length > 0 && chunk[chunk.length - 1] == '\n';
    }

    private void reply(String... lines) throws IOException {
        for (String line : lines) {
            out.write(line.getBytes(StandardCharsets.UTF_8));
            out.write('\r');
            out.write('\n');
        }
        out.flush();
    }

    private void tryReply(String line) {
        try {
            reply(line);
        } catch (IOException e) {
            // the client is gone already
        }
    }
}
