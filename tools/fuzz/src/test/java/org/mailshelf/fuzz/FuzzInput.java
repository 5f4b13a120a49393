package org.mailshelf.fuzz;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;

/**
 * One fuzz input, read as: a header byte (bit 0: send the protocol's login prefix first; bits 1-3: how many
 * extra split points follow), that many split-point bytes (each a position in 1/256ths of the payload), then
 * the payload the client sends. Plain bytes rather than a {@code FuzzedDataProvider}, so saved inputs and seeds
 * can be read and written by hand.
 */
record FuzzInput(boolean prefixed, byte[] payload, int[] cuts) {

    /** The longest payload fuzzed; longer inputs are cut (keeps each run well under a millisecond). */
    static final int MAX_PAYLOAD = 4096;

    static FuzzInput parse(byte[] data) {
        if (data.length == 0) {
            return new FuzzInput(false, data, new int[0]);
        }
        int header = data[0] & 0xff;
        int splits = Math.min((header >> 1) & 7, data.length - 1);
        byte[] payload = Arrays.copyOfRange(data, 1 + splits, Math.min(data.length, 1 + splits + MAX_PAYLOAD));
        int[] cuts = new int[splits];
        for (int i = 0; i < splits; i++) {
            cuts[i] = (data[1 + i] & 0xff) * payload.length / 256;
        }
        Arrays.sort(cuts);
        return new FuzzInput((header & 1) != 0, payload, cuts);
    }

    /**
     * Feeds the prefix (if asked for) and the payload in chunks to {@code handler}, checking after each call that
     * what the server wrote is whole responses ending in CRLF, without Java exception text. Stops early when the
     * server closed the connection.
     *
     * @return everything the server wrote after the greeting
     */
    String feed(ProtocolHandler handler, RecordingConnection connection, String prefix) {
        StringBuilder all = new StringBuilder();
        if (prefixed) {
            send(handler, connection, prefix.getBytes(StandardCharsets.ISO_8859_1), all, payload);
        }
        int from = 0;
        for (int cut : cuts) {
            send(handler, connection, Arrays.copyOfRange(payload, from, cut), all, payload);
            from = cut;
        }
        send(handler, connection, Arrays.copyOfRange(payload, from, payload.length), all, payload);
        return all.toString();
    }

    /** Sends {@code bytes}; {@code sent} is all the client sends, which the server may quote back. */
    static void send(ProtocolHandler handler, RecordingConnection connection, byte[] bytes, StringBuilder all,
            byte[] sent) {
        handler.received(ByteBuffer.wrap(bytes));
        all.append(checkedOutput(connection, sent));
    }

    /** What the server wrote since the last call, checked to be whole CRLF-terminated responses. */
    static String checkedOutput(RecordingConnection connection, byte[] sent) {
        String out = new String(connection.takeBytes(), StandardCharsets.ISO_8859_1);
        if (!out.isEmpty() && !out.endsWith("\r\n")) {
            throw new AssertionError("response not ended by CRLF: " + tail(out));
        }
        if (out.contains("Exception") && !contains(sent, "Exception")) {
            throw new AssertionError("Java exception text in a response: " + tail(out));
        }
        return out;
    }

    /** The last line of {@code out} (without its CRLF), or "" when empty. */
    /**
     * Ends a partial last line with a bare CRLF (so the check that follows is not glued onto it) and returns what
     * the server answered to it.
     */
    static String endLine(ProtocolHandler handler, RecordingConnection connection, byte[] sent) {
        StringBuilder out = new StringBuilder();
        send(handler, connection, "\r\n".getBytes(StandardCharsets.US_ASCII), out, sent);
        return out.toString();
    }

    static String lastLine(String out) {
        String s = out.endsWith("\r\n") ? out.substring(0, out.length() - 2) : out;
        int i = s.lastIndexOf("\r\n");
        return i < 0 ? s : s.substring(i + 2);
    }

    static String tail(String out) {
        return out.length() <= 300 ? out : "..." + out.substring(out.length() - 300);
    }

    static boolean contains(byte[] haystack, String needle) {
        return new String(haystack, StandardCharsets.ISO_8859_1).contains(needle);
    }
}
