package org.mailshelf.protocol.imap.codec;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Feeds a receiver and describes what it returns as strings that tests can compare. */
final class Feed {

    private Feed() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Feeds the chunks in order, collecting every result. */
    static List<String> results(CommandReceiver receiver, byte[]... chunks) {
        List<String> out = new ArrayList<>();
        for (byte[] chunk : chunks) {
            ByteBuffer in = ByteBuffer.wrap(chunk);
            for (Received r; (r = receiver.receive(in)) != null; ) {
                out.add(describe(r));
            }
            if (in.hasRemaining()) {
                throw new AssertionError("receiver returned null with input left");
            }
        }
        return out;
    }

    static List<String> results(String input) {
        return results(new CommandReceiver(ReceiverLimits.defaults()), bytes(input));
    }

    static String describe(Received r) {
        if (r instanceof Command c) {
            StringBuilder b = new StringBuilder(c.tag()).append(' ').append(c.name());
            for (Token t : c.arguments()) {
                b.append(" ").append(t);
            }
            return b.toString();
        }
        if (r instanceof LiteralContinuation l) {
            return "+ " + l.tag() + " " + l.size();
        }
        if (r instanceof CommandError e) {
            return "ERROR " + e.tag() + " " + e.kind() + " " + e.message();
        }
        return "LINE " + new String(((RawLine) r).bytes(), StandardCharsets.ISO_8859_1);
    }

    static Command command(String line) {
        List<Received> all = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes(line));
        CommandReceiver receiver = new CommandReceiver(ReceiverLimits.defaults().withBinaryLiterals(true));
        for (Received r; (r = receiver.receive(in)) != null; ) {
            all.add(r);
        }
        Received last = all.get(all.size() - 1);
        if (!(last instanceof Command c)) {
            throw new AssertionError("not a command: " + describe(last));
        }
        return c;
    }
}
