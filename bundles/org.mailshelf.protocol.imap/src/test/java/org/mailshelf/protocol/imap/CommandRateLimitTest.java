package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.Test;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.protocol.imap.codec.ReceiverLimits;
import org.mailshelf.store.memory.MemoryMailStore;

/** A connection over its commands-per-second limit is slowed down, told once, and loses no command. */
public class CommandRateLimitTest {

    private final ImapProtocol protocol = new ImapProtocol(
            new ImapConfig("mail.test", ReceiverLimits.defaults(), 1000, false, 2), new MemoryMailStore(),
            new TestAuthenticator().add("alice", "secret"));

    @Test
    public void pipelinedCommandsBeyondTheLimitWaitTheirTurnInOrder() {
        RecordingConnection connection = new RecordingConnection(); // runs each pause at once, noting it
        ProtocolHandler session = protocol.create(connection);
        session.start();
        connection.take();
        session.received(ByteBuffer.wrap("a NOOP\r\nb NOOP\r\nc NOOP\r\nd NOOP\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
        assertEquals("""
                a OK Completed\r
                b OK Completed\r
                * OK Slowing down: more than 2 commands per second\r
                c OK Completed\r
                d OK Completed\r
                """, connection.take());
        assertEquals(2, connection.pauses().size());
        for (Duration pause : connection.pauses()) {
            assertTrue(pause.toString(), pause.compareTo(Duration.ofMillis(400)) > 0
                    && pause.compareTo(Duration.ofMillis(1000)) <= 0);
        }
    }
}
