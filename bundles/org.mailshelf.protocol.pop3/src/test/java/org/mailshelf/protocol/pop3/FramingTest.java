package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.Test;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;

/** Line handling, pipelining, the login delay and the limit on bad commands. */
public class FramingTest {

    private final Pop3Fixture pop3 = new Pop3Fixture();

    /** A connection whose pause waits until the test resumes it, as the real transport does. */
    private static final class DeferredPauseConnection extends RecordingConnection {
        Runnable resume;

        @Override
        public void pause(Duration delay, Runnable resume) {
            pauses().add(delay);
            this.resume = resume;
        }
    }

    private static ByteBuffer bytes(String s) {
        return ByteBuffer.wrap(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    public void pipelinedCommandsAreAnsweredInOrderOneWriteEach() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        // all client lines below arrive in one packet
        RecordingConnection c = pop3.run("""
                S: *
                C: CAPA
                C: USER alice
                C: PASS secret
                C: STAT
                C: LIST
                C: RETR 1
                C: QUIT
                S: +OK Capability list follows
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: .
                S: +OK Send PASS
                S: +OK Logged in, 1 messages
                S: +OK 1 17
                S: +OK 1 messages (17 octets)
                S: 1 17
                S: .
                S: +OK 17 octets
                S: Subject: 1
                S:\s
                S: 1
                S: .
                S: +OK Bye, 0 messages deleted
                """);
        assertEquals(1 + 7, c.writeCount());
    }

    @Test
    public void inputAfterAFailedLoginWaitsForThePause() {
        DeferredPauseConnection c = new DeferredPauseConnection();
        ProtocolHandler session = pop3.protocol.create(c);
        session.start();
        c.take();
        session.received(bytes("USER alice\r\nPASS wrong\r\nUSER alice\r\nPASS secret\r\nSTAT\r\n"));
        assertEquals("+OK Send PASS\r\n", c.take());
        assertEquals(Duration.ofSeconds(2), c.pauses().get(0));
        session.received(bytes("NOOP\r\n")); // a transport would hold this back; if it does not, it still waits
        assertEquals("", c.take());
        c.resume.run();
        assertEquals("-ERR [AUTH] Authentication failed\r\n+OK Send PASS\r\n+OK Logged in, 0 messages\r\n+OK 0 0\r\n"
                + "+OK\r\n", c.take());
    }

    @Test
    public void dropDuringThePauseSilencesTheAnswer() {
        DeferredPauseConnection c = new DeferredPauseConnection();
        ProtocolHandler session = pop3.protocol.create(c);
        session.start();
        session.received(bytes("USER alice\r\nPASS wrong\r\nUSER alice\r\nPASS secret\r\n"));
        c.take();
        session.closed();
        c.resume.run();
        assertEquals("", c.take());
        assertFalse(pop3.locks.isLocked("alice"));
    }

    @Test
    public void commandsArriveInPiecesAndAreCaseInsensitive() {
        RecordingConnection c = new RecordingConnection();
        ProtocolHandler session = pop3.protocol.create(c);
        session.start();
        c.take();
        session.received(bytes("uS"));
        session.received(bytes("er alice\r"));
        assertEquals("", c.take());
        session.received(bytes("\nPaSs secret\n"));
        assertEquals("+OK Send PASS\r\n+OK Logged in, 0 messages\r\n", c.take());
    }

    @Test
    public void overlongLineIsRefusedWithoutBufferingAndTheSessionGoesOn() {
        String longLine = "USER " + "x".repeat(600);
        pop3.run("S: *\nC: " + longLine + "\nS: -ERR Line too long\n" + Pop3Fixture.LOGIN_ALICE
                + "S: +OK Logged in, 0 messages\nC: LIST " + "9".repeat(600)
                + "\nS: -ERR Line too long\nC: STAT\nS: +OK 0 0\n");
    }

    @Test
    public void overlongSaslResponseCancelsTheExchange() {
        pop3.run("S: *\nC: AUTH PLAIN\nS: + \nC: " + "A".repeat(800) + "\nS: -ERR Line too long\n"
                + "C: CAPA\nS: +OK Capability list follows\nS: *\nS: *\nS: *\nS: *\nS: *\nS: *\nS: *\nS: *\nS: .\n");
    }

    @Test
    public void unknownAndEmptyCommandsGetErrors() {
        pop3.run("""
                S: *
                C: HELO there
                S: -ERR Unknown command
                C: APOP alice 0123456789abcdef
                S: -ERR Unknown command
                C:
                S: -ERR Empty command
                C:  USER alice
                S: -ERR Unknown command
                C: USER alice
                S: +OK Send PASS
                """);
    }

    @Test
    public void tenConsecutiveBadCommandsBeforeLoginCloseTheConnection() {
        StringBuilder script = new StringBuilder("S: *\n");
        for (int i = 0; i < 9; i++) {
            script.append("C: GET / HTTP/1.1\nS: -ERR Unknown command\n");
        }
        // a good command resets the count
        script.append("C: CAPA\nS: +OK Capability list follows\n").append("S: *\n".repeat(8)).append("S: .\n");
        for (int i = 0; i < 9; i++) {
            script.append("C: STAT\nS: -ERR STAT is not valid in the AUTHORIZATION state\n");
        }
        script.append("C: BAD\nS: -ERR Too many bad commands, closing connection\nC: QUIT\n");
        RecordingConnection c = pop3.run(script.toString());
        assertTrue(c.isClosed());
    }

    @Test
    public void badCommandsAfterLoginDoNotCloseTheConnection() {
        StringBuilder script = new StringBuilder("S: *\n" + Pop3Fixture.LOGIN_ALICE + "S: *\n");
        for (int i = 0; i < 20; i++) {
            script.append("C: RETR 1\nS: -ERR No such message\n");
        }
        script.append("C: NOOP\nS: +OK\n");
        assertFalse(pop3.run(script.toString()).isClosed());
    }
}
