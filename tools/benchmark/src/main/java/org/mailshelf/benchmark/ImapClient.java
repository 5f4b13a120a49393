package org.mailshelf.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A raw IMAP client over one socket (TCP_NODELAY) with its own byte buffer, so reading a response of megabytes
 * costs the client next to nothing. Reads literals ({n} CRLF then n bytes) as part of their response.
 */
final class ImapClient implements AutoCloseable {
    /** One tagged completion: its status word, the number of untagged responses, the bytes read, the lines. */
    record Reply(String status, String tagged, int untagged, long bytes, List<String> lines) {
    }

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private byte[] line = new byte[1024];
    private int lineLength;
    private int tags;

    ImapClient(String host, int port) throws IOException {
        socket = new Socket(host, port);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(120_000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
        readLine();
        if (!lineString().startsWith("* OK")) {
            throw new IOException("no IMAP greeting: " + lineString());
        }
    }

    static ImapClient login(String host, int port, String user, String password) throws IOException {
        ImapClient c = new ImapClient(host, port);
        c.ok("LOGIN \"" + user + "\" \"" + password + "\"");
        return c;
    }

    /** Sends a command and reads its reply; fails unless it completes with OK. */
    Reply ok(String command) throws IOException {
        return ok(command, false);
    }

    Reply ok(String command, boolean keepLines) throws IOException {
        Reply reply = command(command, keepLines);
        if (!reply.status().equals("OK")) {
            throw new IOException(command + " -> " + reply.tagged());
        }
        return reply;
    }

    Reply command(String command, boolean keepLines) throws IOException {
        String tag = "t" + (++tags);
        out.write((tag + " " + command + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
        return readReply(tag, keepLines);
    }

    /** Reads untagged responses (with their literals) up to the completion tagged with tag. */
    private Reply readReply(String tag, boolean keepLines) throws IOException {
        byte[] prefix = (tag + " ").getBytes(StandardCharsets.US_ASCII);
        List<String> lines = keepLines ? new ArrayList<>() : null;
        StringBuilder current = keepLines ? new StringBuilder() : null;
        int untagged = 0;
        long bytes = 0;
        boolean continued = false;
        while (true) {
            readLine();
            bytes += lineLength + 2;
            if (!continued && startsWith(prefix)) {
                String tagged = lineString();
                int end = tagged.indexOf(' ', prefix.length);
                String status = tagged.substring(prefix.length, end < 0 ? tagged.length() : end);
                return new Reply(status, tagged, untagged, bytes, lines);
            }
            if (!continued) {
                untagged++;
            }
            if (keepLines) {
                current.append(lineString());
            }
            long literal = literalSize();
            if (literal >= 0) {
                bytes += literal;
                readLiteral(literal, current);
                continued = true;
                continue;
            }
            continued = false;
            if (keepLines) {
                lines.add(current.toString());
                current.setLength(0);
            }
        }
    }

    private boolean startsWith(byte[] prefix) {
        if (lineLength < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (line[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** The n of a line ending in {n} (or {n+}), else -1. */
    private long literalSize() {
        if (lineLength < 3 || line[lineLength - 1] != '}') {
            return -1;
        }
        int i = lineLength - 2;
        if (line[i] == '+') {
            i--;
        }
        long n = 0;
        long scale = 1;
        int digits = 0;
        while (i >= 0 && line[i] >= '0' && line[i] <= '9') {
            n += (line[i] - '0') * scale;
            scale *= 10;
            digits++;
            i--;
        }
        return digits > 0 && i >= 0 && line[i] == '{' ? n : -1;
    }

    private void readLiteral(long n, StringBuilder keep) throws IOException {
        while (n > 0) {
            if (pos == limit && !fill()) {
                throw new IOException("connection closed in a literal");
            }
            int take = (int) Math.min(n, limit - pos);
            if (keep != null) {
                keep.append(new String(buf, pos, take, StandardCharsets.UTF_8));
            }
            pos += take;
            n -= take;
        }
    }

    /** Reads one line into {@code line} without its CRLF. */
    private void readLine() throws IOException {
        lineLength = 0;
        while (true) {
            if (pos == limit && !fill()) {
                throw new IOException("connection closed");
            }
            int end = pos;
            while (end < limit && buf[end] != '\n') {
                end++;
            }
            append(pos, end - pos);
            if (end < limit) {
                pos = end + 1;
                if (lineLength > 0 && line[lineLength - 1] == '\r') {
                    lineLength--;
                }
                return;
            }
            pos = end;
        }
    }

    private void append(int from, int length) {
        if (lineLength + length > line.length) {
            line = Arrays.copyOf(line, Math.max(line.length * 2, lineLength + length));
        }
        System.arraycopy(buf, from, line, lineLength, length);
        lineLength += length;
    }

    private boolean fill() throws IOException {
        int n = in.read(buf);
        if (n <= 0) {
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    private String lineString() {
        return new String(line, 0, lineLength, StandardCharsets.UTF_8);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
