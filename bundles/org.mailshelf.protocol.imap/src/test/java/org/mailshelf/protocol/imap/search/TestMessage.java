package org.mailshelf.protocol.imap.search;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;
import org.mailshelf.mime.MessageAnalyzer;
import org.mailshelf.mime.MessageStructure;
import org.mailshelf.protocol.imap.codec.ArgumentReader;
import org.mailshelf.protocol.imap.codec.Command;
import org.mailshelf.protocol.imap.codec.CommandReceiver;
import org.mailshelf.protocol.imap.codec.Received;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;
import org.mailshelf.protocol.imap.message.MessageView;

/** A message view over literal bytes, analysed by the real {@link MessageAnalyzer}; counts (or forbids) loads. */
final class TestMessage implements MessageView {

    long msn = 1;
    long uid = 1;
    long modSeq = 1;
    Instant internalDate = Instant.parse("2024-03-10T12:00:00Z");
    Flags flags = Flags.NONE;
    boolean recent;
    boolean forbidLoading;
    int structureCalls;
    int contentCalls;
    private final byte[] content;
    private MessageStructure structure;

    TestMessage(String text) {
        this(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    TestMessage(byte[] content) {
        this.content = content;
    }

    /** A message with just a subject and a short body, for metadata tests. */
    static TestMessage plain() {
        return new TestMessage("Subject: hello\r\n\r\nbody\r\n");
    }

    TestMessage flags(int system, String... keywords) {
        flags = Flags.of(system, List.of(keywords));
        return this;
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
        return new MessageMeta(uid, modSeq, content.length, internalDate, flags);
    }

    @Override
    public boolean recent() {
        return recent;
    }

    @Override
    public MessageStructure structure() {
        if (forbidLoading) {
            throw new AssertionError("structure() must not be called");
        }
        structureCalls++;
        if (structure == null) {
            structure = MessageAnalyzer.analyze(content);
        }
        return structure;
    }

    @Override
    public byte[] content() {
        if (forbidLoading) {
            throw new AssertionError("content() must not be called");
        }
        contentCalls++;
        return content;
    }

    /** The arguments of {@code t SEARCH <arguments>} as the real receiver reads them (ISO-8859-1 bytes). */
    static ArgumentReader args(String arguments) {
        String line = (arguments.isEmpty() ? "t SEARCH" : "t SEARCH " + arguments) + "\r\n";
        return args(line.getBytes(StandardCharsets.ISO_8859_1));
    }

    static ArgumentReader args(byte[] line) {
        CommandReceiver receiver = new CommandReceiver(ReceiverLimits.defaults());
        ByteBuffer in = ByteBuffer.wrap(line);
        Received last = null;
        for (Received r; (r = receiver.receive(in)) != null; ) {
            last = r;
        }
        if (!(last instanceof Command c)) {
            throw new AssertionError("not a command: " + last);
        }
        return c.reader();
    }
}
