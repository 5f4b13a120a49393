package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.RecordingConnection;

public class AuthorizationStateTest {

    private final Pop3Fixture pop3 = new Pop3Fixture();

    private static final String CAPA = """
            S: +OK Capability list follows
            S: TOP
            S: UIDL
            S: USER
            S: RESP-CODES
            S: AUTH-RESP-CODE
            S: PIPELINING
            S: SASL PLAIN LOGIN
            S: IMPLEMENTATION Mailshelf
            S: .
            """;

    @Test
    public void greetsWithoutApopTimestampAndQuits() {
        RecordingConnection c = pop3.run("""
                S: +OK mail.test POP3 ready
                C: QUIT
                S: +OK Bye
                """);
        assertTrue(c.isClosed());
    }

    @Test
    public void capaListsCapabilitiesExactlyInBothStates() {
        pop3.run("S: *\nC: CAPA\n" + CAPA + Pop3Fixture.LOGIN_ALICE + "S: *\nC: capa\n" + CAPA);
    }

    @Test
    public void userPassLogsInAndClearsThePassword() {
        pop3.deliver("alice", "Subject: x\r\n\r\nhi\r\n");
        pop3.run("""
                S: *
                C: user alice
                S: +OK Send PASS
                C: pass secret
                S: +OK Logged in, 1 messages
                """);
        assertTrue(pop3.locks.isLocked("alice"));
        assertTrue(new String(pop3.authenticator.lastPassword).chars().allMatch(ch -> ch == 0));
    }

    @Test
    public void passwordMayContainSpacesAndLoginIsCanonicalised() {
        pop3.run("""
                S: *
                C: USER Bob
                S: +OK Send PASS
                C: PASS hunter 2
                S: +OK Logged in, 0 messages
                """);
        assertTrue(pop3.locks.isLocked("bob"));
        // the INBOX is made on first login
        assertTrue(pop3.memory.mailbox("bob", "INBOX").isPresent());
    }

    @Test
    public void wrongPasswordIsAnsweredAfterThePauseAndNeedsUserAgain() {
        RecordingConnection c = pop3.run("""
                S: *
                C: USER alice
                S: +OK Send PASS
                C: PASS wrong
                S: -ERR [AUTH] Authentication failed
                C: PASS secret
                S: -ERR Send USER first
                C: USER nobody
                S: +OK Send PASS
                C: PASS x
                S: -ERR [AUTH] Authentication failed
                """);
        // the second failure from the same address waits twice as long (FailedLogins)
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), c.pauses());
        assertFalse(pop3.locks.isLocked("alice"));
    }

    @Test
    public void userAndPassNeedTheirArguments() {
        pop3.run("""
                S: *
                C: USER
                S: -ERR Missing user name
                C: USER alice
                S: *
                C: PASS
                S: -ERR Missing password
                C: PASS secret
                S: +OK Logged in, 0 messages
                """);
    }

    @Test
    public void authPlainWithInitialResponse() {
        RecordingConnection c = pop3.run("S: *\nC: AUTH PLAIN " + Pop3Fixture.base64("\0alice\0secret")
                + "\nS: +OK Logged in, 0 messages\n");
        assertTrue(c.pauses().isEmpty());
        assertTrue(pop3.locks.isLocked("alice"));
    }

    @Test
    public void authPlainWithContinuationAndMatchingAuthzid() {
        pop3.run("S: *\nC: auth plain\nS: + \nC: " + Pop3Fixture.base64("alice\0alice\0secret")
                + "\nS: +OK Logged in, 0 messages\n");
    }

    @Test
    public void authPlainWrongPasswordIsDelayedLikePass() {
        RecordingConnection c = pop3.run("S: *\nC: AUTH PLAIN " + Pop3Fixture.base64("\0alice\0nope")
                + "\nS: -ERR [AUTH] Authentication failed\n");
        assertEquals(1, c.pauses().size());
    }

    @Test
    public void authPlainRejectsAnotherAuthorizationIdentity() {
        pop3.run("S: *\nC: AUTH PLAIN " + Pop3Fixture.base64("bob\0alice\0secret")
                + "\nS: -ERR Authorization identity must be empty or equal the authentication identity\n");
        assertFalse(pop3.locks.isLocked("alice"));
    }

    @Test
    public void authPlainBadInputIsRefusedAndTheSessionGoesOn() {
        pop3.run("S: *\n"
                + "C: AUTH PLAIN !!!notbase64\nS: -ERR Invalid base64 in the authentication response\n"
                + "C: AUTH PLAIN\nS: + \nC: ***\nS: -ERR Invalid base64 in the authentication response\n"
                + "C: AUTH PLAIN " + Pop3Fixture.base64("alice secret") + "\nS: -ERR Malformed PLAIN response\n"
                + "C: AUTH PLAIN =\nS: -ERR Malformed PLAIN response\n"
                + "C: AUTH PLAIN\nS: + \nC: *\nS: -ERR Authentication cancelled\n"
                + "C: AUTH CRAM-MD5\nS: -ERR Unsupported authentication mechanism\n"
                + "C: AUTH PLAIN a b\nS: -ERR Too many arguments, usage: AUTH mechanism [initial-response]\n"
                + "C: AUTH PLAIN " + Pop3Fixture.base64("\0alice\0secret") + "\nS: +OK Logged in, 0 messages\n");
    }

    @Test
    public void authWithoutMechanismListsMechanisms() {
        pop3.run("""
                S: *
                C: AUTH
                S: +OK Supported mechanisms follow
                S: PLAIN
                S: LOGIN
                S: .
                """);
    }

    @Test
    public void authLoginAsksForUserThenPasswordWithOrWithoutInitialResponse() {
        String user = Pop3Fixture.base64("alice");
        String password = Pop3Fixture.base64("secret");
        pop3.run("S: *\nC: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: " + user + "\nS: + UGFzc3dvcmQ6\nC: " + password
                + "\nS: +OK Logged in, 0 messages\nC: QUIT\nS: *\n");
        pop3.run("S: *\nC: AUTH LOGIN " + user + "\nS: + UGFzc3dvcmQ6\nC: " + Pop3Fixture.base64("wrong")
                + "\nS: -ERR [AUTH] Authentication failed\nC: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: *\n"
                + "S: -ERR Authentication cancelled\nC: AUTH LOGIN\nS: + VXNlcm5hbWU6\nC: not base64!\n"
                + "S: -ERR Invalid base64 in the authentication response\n");
    }

    @Test
    public void stlsIsNotAvailable() {
        pop3.run("""
                S: *
                C: STLS
                S: -ERR STLS is not available
                """);
    }

    @Test
    public void stlsDropsClearTextPipelinedAfterItAndIsRefusedOnceTlsIsOn() {
        RecordingConnection c = pop3.run(new RecordingConnection().offerTls(), """
                S: *
                C: CAPA
                S: +OK Capability list follows
                S: TOP
                S: UIDL
                S: USER
                S: RESP-CODES
                S: AUTH-RESP-CODE
                S: PIPELINING
                S: STLS
                S: SASL PLAIN LOGIN
                S: IMPLEMENTATION Mailshelf
                S: .
                C: STLS
                C: USER alice
                S: +OK Begin TLS negotiation now
                C: STLS
                S: -ERR Command not permitted when TLS active
                C: USER alice
                S: +OK Send PASS
                """);
        assertTrue(c.isSecure());
    }

    @Test
    public void noPasswordsInTheClearFromAnotherHost() {
        RecordingConnection remote = new RecordingConnection(new InetSocketAddress("192.0.2.10", 50000)).offerTls();
        pop3.run(remote, """
                S: *
                C: CAPA
                S: +OK Capability list follows
                S: TOP
                S: UIDL
                S: RESP-CODES
                S: AUTH-RESP-CODE
                S: PIPELINING
                S: STLS
                S: IMPLEMENTATION Mailshelf
                S: .
                C: USER alice
                S: -ERR [AUTH] Passwords are not accepted before STLS
                C: PASS secret
                S: -ERR [AUTH] Passwords are not accepted before STLS
                C: AUTH PLAIN
                S: -ERR [AUTH] Passwords are not accepted before STLS
                C: STLS
                S: +OK Begin TLS negotiation now
                C: USER alice
                S: +OK Send PASS
                C: PASS secret
                S: +OK Logged in, 0 messages
                """);
    }

    @Test
    public void secondSessionOnTheSameAccountIsRefusedAndStaysInAuthorization() {
        pop3.run("S: *\n" + Pop3Fixture.LOGIN_ALICE + "S: +OK Logged in, 0 messages\n");
        RecordingConnection second = pop3.run("S: *\n" + Pop3Fixture.LOGIN_ALICE + """
                S: -ERR [IN-USE] Mailbox is locked by another POP3 session
                C: STAT
                S: -ERR STAT is not valid in the AUTHORIZATION state
                C: USER bob
                S: +OK Send PASS
                C: PASS hunter 2
                S: +OK Logged in, 0 messages
                """);
        assertTrue(second.pauses().isEmpty());
        // the refused session must not have released the first session's lock
        assertTrue(pop3.locks.isLocked("alice"));
    }

    @Test
    public void transactionCommandsAreRefusedBeforeLogin() {
        pop3.run("""
                S: *
                C: STAT
                S: -ERR STAT is not valid in the AUTHORIZATION state
                C: RETR 1
                S: -ERR RETR is not valid in the AUTHORIZATION state
                C: NOOP
                S: -ERR NOOP is not valid in the AUTHORIZATION state
                C: QUIT
                S: +OK Bye
                """);
    }

    @Test
    public void authorizationCommandsAreRefusedAfterLogin() {
        pop3.run("S: *\n" + Pop3Fixture.LOGIN_ALICE + """
                S: *
                C: USER bob
                S: -ERR USER is not valid in the TRANSACTION state
                C: PASS x
                S: -ERR PASS is not valid in the TRANSACTION state
                C: AUTH PLAIN
                S: -ERR AUTH is not valid in the TRANSACTION state
                C: STLS
                S: -ERR STLS is not valid in the TRANSACTION state
                C: NOOP
                S: +OK
                """);
    }

    @Test
    public void authenticatorFailureIsATemporaryError() {
        Pop3Protocol broken = new Pop3Protocol(Pop3Fixture.CONFIG, pop3.memory, new TestAuthenticator() {
            @Override
            public java.util.Optional<String> authenticate(String login, char[] password) {
                throw new IllegalStateException("directory down");
            }
        }, pop3.locks);
        org.mailshelf.protocol.Transcript.run(broken::create, "S: *\n" + Pop3Fixture.LOGIN_ALICE
                + "S: -ERR [SYS/TEMP] Authentication is not available\n");
    }
}
