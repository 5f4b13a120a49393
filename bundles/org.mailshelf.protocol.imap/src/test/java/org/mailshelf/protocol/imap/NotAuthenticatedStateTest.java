package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.ImapFixture.GREETING;
import static org.mailshelf.protocol.imap.ImapFixture.HELLO;
import static org.mailshelf.protocol.imap.ImapFixture.base64;

import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.RecordingConnection;

public class NotAuthenticatedStateTest {

    private final ImapFixture f = new ImapFixture();

    @Test
    public void capabilityNoopIdNamespaceAndLogout() {
        RecordingConnection c = f.run(GREETING + """
                C: 1 CAPABILITY
                S~ \\* CAPABILITY IMAP4rev1 .*LITERAL\\+ APPENDLIMIT=1000 AUTH=PLAIN AUTH=LOGIN
                S: 1 OK CAPABILITY completed
                C: 2 NOOP
                S: 2 OK Completed
                C: 3 ID ("name" "test" "version" NIL)
                S: * ID ("name" "Mailshelf")
                S: 3 OK ID completed
                C: 4 ID NIL
                S: * ID ("name" "Mailshelf")
                S: 4 OK ID completed
                C: 5 STARTTLS
                S: 5 NO [UNAVAILABLE] TLS is not available
                C: 6 LOGOUT
                S: * BYE Logging out
                S: 6 OK LOGOUT completed
                C: 7 NOOP
                """);
        assertTrue(c.isClosed());
    }

    @Test
    public void logoutIsOneWrite() {
        RecordingConnection c = f.run(GREETING + "C: 6 LOGOUT\nS: *\nS: *\n");
        assertEquals(2, c.writeCount()); // greeting, then BYE and OK together
    }

    @Test
    public void loginAndCapabilitiesAfterIt() {
        f.run(HELLO + """
                C: 1 CAPABILITY
                S~ \\* CAPABILITY IMAP4rev1 .* APPENDLIMIT=1000
                S: 1 OK CAPABILITY completed
                C: 2 NAMESPACE
                S: * NAMESPACE (("" "/")) NIL NIL
                S: 2 OK NAMESPACE completed
                C: 3 LOGIN alice secret
                S: 3 BAD LOGIN is not valid in this state
                """);
        assertArrayEquals(new char[6], f.authenticator.lastPassword);
    }

    @Test
    public void loginWithQuotedAndLiteralArguments() {
        f.run(GREETING + """
                C: a LOGIN "bob" {8}
                S: + Ready for literal
                C: hunter 2
                S~ a OK \\[CAPABILITY .*\\] Logged in
                """);
        f.run(GREETING + """
                C: a LOGIN {3+}
                C: bob "hunter 2"
                S~ a OK \\[CAPABILITY .*\\] Logged in
                """);
    }

    @Test
    public void failedLoginIsDelayedAndLaterInputWaits() {
        RecordingConnection c = f.run(GREETING + """
                C: a LOGIN alice wrong
                C: b NOOP
                S: a NO [AUTHENTICATIONFAILED] Authentication failed
                S: b OK Completed
                C: c LOGIN alice secret
                S~ c OK .*Logged in
                """);
        assertEquals(List.of(Duration.ofSeconds(2)), c.pauses());
    }

    @Test
    public void authenticatePlainWithInitialResponse() {
        f.run(GREETING + "C: a AUTHENTICATE PLAIN " + base64("\0alice\0secret") + "\n"
                + "S~ a OK \\[CAPABILITY .*\\] Logged in\n");
    }

    @Test
    public void authenticatePlainWithContinuation() {
        RecordingConnection c = f.run(GREETING + "C: a AUTHENTICATE PLAIN\nS: + \nC: " + base64("bob\0bob\0hunter 2")
                + "\nS~ a OK .*Logged in\n");
        assertTrue(c.pauses().isEmpty());
    }

    @Test
    public void authenticateCancelledWrongAndMalformed() {
        RecordingConnection c = f.run(GREETING + "C: a AUTHENTICATE PLAIN\nS: + \nC: *\nS: a BAD Authentication cancelled\n"
                + "C: b AUTHENTICATE PLAIN " + base64("\0alice\0nope") + "\n"
                + "S: b NO [AUTHENTICATIONFAILED] Authentication failed\n"
                + "C: c AUTHENTICATE PLAIN !!!\nS: c BAD Invalid base64 in the authentication response\n"
                + "C: d AUTHENTICATE CRAM-MD5\nS: d NO [CANNOT] Unsupported authentication mechanism\n"
                + "C: e NOOP\nS: e OK Completed\n");
        assertEquals(1, c.pauses().size());
    }

    @Test
    public void commandsOfLaterStatesAreRefused() {
        f.run(GREETING + """
                C: a SELECT INBOX
                S: a BAD SELECT is not valid in this state
                C: b FETCH 1 FLAGS
                S: b BAD FETCH is not valid in this state
                C: c UID FETCH 1 FLAGS
                S: c BAD UID FETCH is not valid in this state
                C: d NOOP
                S: d OK Completed
                """);
    }

    @Test
    public void malformedCommandsGetBadAndTheSessionContinues() {
        f.run(GREETING + """
                C: a FROBNICATE
                S: a BAD Unknown command
                C: b LOGIN alice
                S: b BAD Missing argument
                C: c NOOP extra
                S: c BAD Unexpected extra argument
                C: d UID
                S: d BAD Missing argument
                C: )
                S~ \\* BAD .*
                C: e NOOP
                S: e OK Completed
                """);
    }

    @Test
    public void tooManyBadCommandsBeforeLoginCloseTheConnection() {
        StringBuilder script = new StringBuilder(GREETING);
        for (int i = 1; i < ImapSession.MAX_BAD_COMMANDS; i++) {
            script.append("C: x").append(i).append(" BOGUS\nS: x").append(i).append(" BAD Unknown command\n");
        }
        script.append("C: y BOGUS\nS: * BYE Too many invalid commands\n");
        assertTrue(f.run(script.toString()).isClosed());
    }

    @Test
    public void bigLiteralBeforeLoginIsRefused() {
        f.run(GREETING + """
                C: a LOGIN alice {100000}
                S: a BAD [TOOBIG] Literal too big before login
                C: b NOOP
                S: b OK Completed
                """);
    }

    @Test
    public void shutdownSaysBye() {
        RecordingConnection c = new RecordingConnection();
        var session = f.protocol.create(c);
        session.start();
        c.take();
        session.shutdown();
        assertEquals("* BYE Server shutting down\r\n", c.take());
    }

    @Test
    public void idleTimeoutSaysAutologoutOnceAndReadsNoMore() {
        RecordingConnection c = new RecordingConnection();
        var session = f.protocol.create(c);
        session.start();
        c.take();
        session.idleTimeout();
        assertEquals("* BYE Autologout; idle for too long\r\n", c.take());
        session.idleTimeout();
        session.received(ByteBuffer.wrap("a NOOP\r\n".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("", c.take());
    }

    @Test
    public void startTlsDropsWhatWasPipelinedInTheClearAndIsNotOfferedTwice() {
        RecordingConnection c = f.run(new RecordingConnection().offerTls(), """
                S~ \\* OK \\[CAPABILITY IMAP4rev1 .* STARTTLS AUTH=PLAIN AUTH=LOGIN\\] mail.test IMAP4rev1 ready
                C: 1 STARTTLS
                C: 2 LOGIN alice secret
                S: 1 OK Begin TLS negotiation now
                C: 3 CAPABILITY
                S~ \\* CAPABILITY IMAP4rev1 .*APPENDLIMIT=1000 AUTH=PLAIN AUTH=LOGIN
                S: 3 OK CAPABILITY completed
                C: 4 STARTTLS
                S: 4 BAD TLS is already active
                C: 5 LOGIN alice secret
                S~ 5 OK \\[CAPABILITY .*\\] Logged in
                """);
        assertTrue(c.isSecure());
    }

    @Test
    public void noPasswordsInTheClearFromAnotherHost() {
        RecordingConnection remote = new RecordingConnection(new InetSocketAddress("192.0.2.10", 50000)).offerTls();
        f.run(remote, """
                S~ \\* OK \\[CAPABILITY IMAP4rev1 .* STARTTLS LOGINDISABLED\\] mail.test IMAP4rev1 ready
                C: 1 LOGIN alice secret
                S: 1 NO [PRIVACYREQUIRED] Passwords are not accepted before STARTTLS
                C: 2 AUTHENTICATE PLAIN
                S: 2 NO [PRIVACYREQUIRED] Passwords are not accepted before STARTTLS
                C: 3 STARTTLS
                S: 3 OK Begin TLS negotiation now
                C: 4 CAPABILITY
                S~ \\* CAPABILITY IMAP4rev1 .* AUTH=PLAIN AUTH=LOGIN
                S: 4 OK CAPABILITY completed
                C: 5 LOGIN alice secret
                S~ 5 OK \\[CAPABILITY .*\\] Logged in
                """);
    }

    @Test
    public void overImplicitTlsPasswordsAreWelcomeAndStartTlsIsNotOffered() {
        RecordingConnection tls = new RecordingConnection(new InetSocketAddress("192.0.2.10", 50000)).secure();
        f.run(tls, """
                S~ \\* OK \\[CAPABILITY IMAP4rev1 .*APPENDLIMIT=1000 AUTH=PLAIN AUTH=LOGIN\\] mail.test IMAP4rev1 ready
                C: 1 LOGIN alice secret
                S~ 1 OK \\[CAPABILITY .*\\] Logged in
                """);
    }

    @Test
    public void failuresSlowDownThenLockTheAddressOutEvenWithTheRightPassword() {
        StringBuilder script = new StringBuilder("S: *\n");
        for (int i = 0; i < 30; i++) {
            script.append("C: f").append(i).append(" LOGIN alice wrong\n")
                    .append("S: f").append(i).append(" NO [AUTHENTICATIONFAILED] Authentication failed\n");
        }
        script.append("C: ok LOGIN alice secret\n")
                .append("S: ok NO [UNAVAILABLE] Too many failed logins from your address, try again later\n");
        RecordingConnection attacker = new RecordingConnection(new InetSocketAddress("192.0.2.66", 50000)).secure();
        f.run(attacker, script.toString());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4), Duration.ofSeconds(8),
                Duration.ofSeconds(15)), attacker.pauses().subList(0, 4));
        // another address is not locked out
        f.run(new RecordingConnection(new InetSocketAddress("192.0.2.67", 50000)).secure(),
                "S: *\nC: a LOGIN alice secret\nS~ a OK .*Logged in\n");
    }

    @Test
    public void authenticateLoginAsksForUserThenPassword() {
        f.run(GREETING + "C: a AUTHENTICATE LOGIN\nS: + VXNlcm5hbWU6\nC: " + base64("alice")
                + "\nS: + UGFzc3dvcmQ6\nC: " + base64("secret") + "\nS~ a OK \\[CAPABILITY .*\\] Logged in\n");
        f.run(GREETING + "C: b AUTHENTICATE LOGIN " + base64("bob") + "\nS: + UGFzc3dvcmQ6\nC: " + base64("nope")
                + "\nS: b NO [AUTHENTICATIONFAILED] Authentication failed\n"
                + "C: c AUTHENTICATE LOGIN\nS: + VXNlcm5hbWU6\nC: *\nS: c BAD Authentication cancelled\n"
                + "C: d AUTHENTICATE LOGIN\nS: + VXNlcm5hbWU6\nC: !!\n"
                + "S: d BAD Invalid base64 in the authentication response\n");
    }
}
