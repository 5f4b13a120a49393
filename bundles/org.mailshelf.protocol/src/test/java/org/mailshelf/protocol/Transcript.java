package org.mailshelf.protocol;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Runs a {@code C:}/{@code S:} script against a handler over an in-memory connection. {@code C: x} sends
 * {@code x} and CRLF; {@code S: x} expects exactly the line {@code x}; {@code S~ regex} expects a line that
 * matches; {@code S: *} accepts any one line. Client lines are sent in runs, so consecutive {@code C:} lines
 * arrive together as a pipelining client would send them.
 */
public final class Transcript {

    private Transcript() {
    }

    public static RecordingConnection run(Function<Connection, ProtocolHandler> factory, String script) {
        return run(factory, new RecordingConnection(), script);
    }

    /** As {@link #run(Function, String)} on a connection the test has set up (remote address, TLS). */
    public static RecordingConnection run(Function<Connection, ProtocolHandler> factory,
            RecordingConnection connection, String script) {
        ProtocolHandler handler = factory.apply(connection);
        handler.start();
        List<String> pending = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String raw : script.split("\n")) {
            if (raw.isBlank() || raw.startsWith("#")) {
                continue;
            }
            if (raw.startsWith("C: ") || raw.equals("C:")) {
                batch.append(raw.length() > 3 ? raw.substring(3) : "").append("\r\n");
            } else {
                if (batch.length() > 0) {
                    handler.received(ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8)));
                    batch.setLength(0);
                }
                if (pending.isEmpty()) {
                    pending.addAll(lines(connection.take()));
                }
                assertTrue("server sent nothing for: " + raw, !pending.isEmpty());
                String actual = pending.remove(0);
                String expected = raw.substring(3);
                if (raw.startsWith("S~ ")) {
                    assertTrue("expected /" + expected + "/ but got: " + actual, actual.matches(expected));
                } else if (!expected.equals("*")) {
                    assertEquals(expected, actual);
                }
            }
        }
        if (batch.length() > 0) {
            handler.received(ByteBuffer.wrap(batch.toString().getBytes(StandardCharsets.UTF_8)));
        }
        pending.addAll(lines(connection.take()));
        assertTrue("unexpected server output: " + pending, pending.isEmpty());
        return connection;
    }

    private static List<String> lines(String output) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        while (from < output.length()) {
            int crlf = output.indexOf("\r\n", from);
            assertTrue("server line without CRLF: " + output.substring(from), crlf >= 0);
            lines.add(output.substring(from, crlf));
            from = crlf + 2;
        }
        return lines;
    }
}
