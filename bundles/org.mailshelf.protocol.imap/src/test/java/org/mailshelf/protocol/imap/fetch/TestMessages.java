package org.mailshelf.protocol.imap.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageAnalyzer;
import org.mailshelf.mime.MessageStructure;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.Command;
import org.mailshelf.protocol.imap.codec.CommandReceiver;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.Received;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;
import org.mailshelf.protocol.imap.message.MessageView;

/** Test messages, a minimal {@link MessageView} and a FETCH argument parser fed through the real receiver. */
final class TestMessages {

    /** A single-part message: folded Subject, mixed-case names, 8-bit body. Strings are ISO-8859-1 = bytes. */
    static final String SIMPLE = "From: Alice <alice@example.org>\r\n"
            + "To: bob@example.net\r\n"
            + "Subject: Hello\r\n"
            + " world\r\n"
            + "X-Mixed-Case: a\r\n"
            + "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
            + "x-mixed-case: b\r\n"
            + "\r\n"
            + "Body line 1\r\n"
            + "caf\u00c3\u00a9\r\n";

    /** multipart/mixed: 1 text/plain, 2 message/rfc822 (a single-part message). */
    static final String NESTED = "From: a@b.c\r\n"
            + "Subject: outer\r\n"
            + "MIME-Version: 1.0\r\n"
            + "Content-Type: multipart/mixed; boundary=\"XX\"\r\n"
            + "\r\n"
            + "preamble\r\n"
            + "--XX\r\n"
            + "Content-Type: text/plain\r\n"
            + "\r\n"
            + "part one\r\n"
            + "--XX\r\n"
            + "Content-Type: message/rfc822\r\n"
            + "\r\n"
            + "Subject: inner\r\n"
            + "From: c@d.e\r\n"
            + "\r\n"
            + "inner body\r\n"
            + "--XX--\r\n";

    /** 2024-01-02 09:05:07 UTC. */
    static final Instant DATE = Instant.parse("2024-01-02T09:05:07Z");

    private TestMessages() {
    }

    static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    static String string(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }

    static View view(String message) {
        return view(message, Flags.NONE, false);
    }

    static View view(String message, Flags flags, boolean recent) {
        byte[] content = bytes(message);
        return new View(7, 42, new MessageMeta(42, 1234, content.length, DATE, flags), recent,
                MessageAnalyzer.analyze(content), content);
    }

    /** Parses {@code args} as what follows {@code FETCH 1 } of a command. */
    static FetchRequest parse(String args, boolean uid) throws ParseException {
        String line = "a " + (uid ? "UID " : "") + "FETCH 1" + (args.isEmpty() ? "" : " ") + args + "\r\n";
        ArgumentReader r = command(line).reader();
        if (uid) {
            r.atom();
        }
        r.sequenceSet();
        return FetchParser.parse(r, uid);
    }

    static Received receive(String line) {
        ByteBuffer in = ByteBuffer.wrap(bytes(line));
        return new CommandReceiver(ReceiverLimits.defaults()).receive(in);
    }

    static Command command(String line) {
        Received r = receive(line);
        if (!(r instanceof Command c)) {
            throw new AssertionError("not a command: " + r);
        }
        return c;
    }

    /** A view that counts what was loaded. */
    static final class View implements MessageView {
        final long msn;
        final long uid;
        final MessageMeta meta;
        final boolean recent;
        final MessageStructure structure;
        final byte[] content;
        int structureLoads;
        int contentLoads;

        View(long msn, long uid, MessageMeta meta, boolean recent, MessageStructure structure, byte[] content) {
            this.msn = msn;
            this.uid = uid;
            this.meta = meta;
            this.recent = recent;
            this.structure = structure;
            this.content = content;
        }

        View withFlags(Flags flags) {
            return new View(msn, uid, meta.withFlags(flags, meta.modSeq() + 1), recent, structure, content);
        }

        @Override
        public long msn() {
            return msn;
        }

        @Override
        public long uid() {
            return uid;
        }

        @Override
        public MessageMeta meta() {
            return meta;
        }

        @Override
        public boolean recent() {
            return recent;
        }

        @Override
        public MessageStructure structure() {
            structureLoads++;
            return structure;
        }

        @Override
        public byte[] content() {
            contentLoads++;
            return content;
        }
    }
}
