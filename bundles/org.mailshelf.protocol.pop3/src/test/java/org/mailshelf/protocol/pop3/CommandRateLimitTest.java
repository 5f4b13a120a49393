package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.Test;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.store.memory.MemoryMailStore;

/** A connection over its commands-per-second limit is slowed down and loses no command. */
public class CommandRateLimitTest {

    private final Pop3Protocol protocol = new Pop3Protocol(new Pop3Config("mail.test", 512, "Mailshelf", false, 2),
            new MemoryMailStore(), new TestAuthenticator().add("alice", "secret"), new MaildropLocks());

    @Test
    public void pipelinedCommandsBeyondTheLimitWaitTheirTurnInOrder() {
        RecordingConnection connection = new RecordingConnection(); // runs each pause at once, noting it
        ProtocolHandler session = protocol.create(connection);
        session.start();
        connection.take();
        session.received(ByteBuffer.wrap("NOOP\r\nCAPA\r\nUSER alice\r\nPASS secret\r\n"
                .getBytes(StandardCharsets.US_ASCII)));
        String answers = connection.take();
        assertTrue(answers, answers.startsWith("-ERR"));               // NOOP before login
        assertTrue(answers, answers.contains("+OK Send PASS\r\n"));
        assertTrue(answers, answers.matches("(?s).*\\+OK[^\\r]*\\r\\n$")); // logged in, last
        assertEquals(2, connection.pauses().size());
    }
}
