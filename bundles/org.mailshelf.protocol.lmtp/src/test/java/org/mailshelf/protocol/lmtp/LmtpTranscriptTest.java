package org.mailshelf.protocol.lmtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.RecordingConnection;

/** The conversation, line by line, against a memory store. */
public class LmtpTranscriptTest {

    private final LmtpFixture lmtp = new LmtpFixture();

    private static final String HELLO = """
            S: 220 localhost LMTP ready
            C: LHLO client.example.org
            """ + LmtpFixture.CAPABILITIES;

    @Test
    public void greetingAndLhloCapabilities() {
        lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: LHLO client.example.org
                S: 250-localhost
                S: 250-PIPELINING
                S: 250-ENHANCEDSTATUSCODES
                S: 250-8BITMIME
                S: 250 SIZE 52428800
                """);
    }

    @Test
    public void deliversToKnownRecipientsAndRefusesTheUnknownOneBetween() {
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<sender@remote.org> BODY=8BITMIME SIZE=60
                S: 250 2.1.0 OK
                C: RCPT TO:<alice@example.com>
                S: 250 2.1.5 OK
                C: RCPT TO:<nobody@example.com>
                S: 550 5.1.1 <nobody@example.com> User unknown
                C: RCPT TO:<bob>
                S: 250 2.1.5 OK
                C: DATA
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: Subject: hello
                C:
                C: ..starts with a dot
                C: ...
                C: end
                C: .
                S: 250 2.0.0 <alice@example.com> Delivered
                S: 250 2.0.0 <bob> Delivered
                """);
        String expected = "Return-Path: <sender@remote.org>\r\nSubject: hello\r\n\r\n"
                + ".starts with a dot\r\n..\r\nend\r\n";
        assertEquals(List.of(expected), lmtp.inbox("alice"));
        assertEquals(List.of(expected), lmtp.inbox("bob"));
    }

    @Test
    public void pipelinedTransactionInOnePacket() {
        RecordingConnection connection = lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: LHLO client.example.org
                C: MAIL FROM:<>
                C: RCPT TO:<alice@example.com>
                C: RCPT TO:<bob@example.com>
                C: DATA
                C: Subject: pipelined
                C:
                C: body
                C: .
                C: QUIT
                """ + LmtpFixture.CAPABILITIES + """
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                S: 250 2.0.0 <alice@example.com> Delivered
                S: 250 2.0.0 <bob@example.com> Delivered
                S: 221 2.0.0 Bye
                """);
        // one write per reply, the per-recipient DATA replies together: greeting, LHLO, MAIL, 2 RCPT, 354,
        // delivery, QUIT
        assertEquals(8, connection.writeCount());
        assertTrue(connection.isClosed());
        assertEquals(List.of("Return-Path: <>\r\nSubject: pipelined\r\n\r\nbody\r\n"), lmtp.inbox("alice"));
    }

    @Test
    public void anAccountNamedTwiceGetsTheMessageOnceAndBothRecipientsAnAnswer() {
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<bob>
                C: RCPT TO:<bob@example.com>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: hi
                C: .
                S: 250 2.0.0 <bob> Delivered
                S: 250 2.0.0 <bob@example.com> Delivered
                """);
        assertEquals(1, lmtp.inbox("bob").size());
    }

    @Test
    public void storeFailureForOneRecipientIsTemporaryAndOthersStillGetIt() {
        lmtp.store.createMailbox("alice", "INBOX");
        lmtp.store.failingUsers.add("alice");
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: RCPT TO:<bob>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: hi
                C: .
                S: 451 4.3.0 <alice> Temporary failure
                S: 250 2.0.0 <bob> Delivered
                """);
        assertEquals(List.of(), lmtp.inbox("alice"));
        assertEquals(1, lmtp.inbox("bob").size());
    }

    @Test
    public void deliversIntoAnExistingInbox() {
        lmtp.store.createMailbox("alice", "INBOX");
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: one
                C: .
                S: 250 2.0.0 <alice> Delivered
                """);
        assertEquals(List.of("Return-Path: <a@remote.org>\r\none\r\n"), lmtp.inbox("alice"));
        assertEquals(1, lmtp.store.mailboxes("alice").size());
    }

    @Test
    public void oversizedMessageIsRefusedPerRecipientAndTheSessionGoesOn() {
        LmtpFixture small = new LmtpFixture(new LmtpConfig("mx.test", 100, 100, 4096));
        String line = "x".repeat(40);
        small.transcript("""
                S: 220 mx.test LMTP ready
                C: LHLO client.example.org
                S: 250-mx.test
                S: 250-PIPELINING
                S: 250-ENHANCEDSTATUSCODES
                S: 250-8BITMIME
                S: 250 SIZE 100
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: RCPT TO:<bob>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: %1$s
                C: %1$s
                C: %1$s
                C: .
                S: 552 5.3.4 Message too big
                S: 552 5.3.4 Message too big
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: %1$s
                C: %1$s
                C: .
                S: 250 2.0.0 <alice> Delivered
                """.formatted(line));
        // 2 * 42 = 84 bytes fit; 3 * 42 = 126 did not, and nothing of it was stored
        assertEquals(List.of("Return-Path: <a@remote.org>\r\n" + line + "\r\n" + line + "\r\n"),
                small.inbox("alice"));
        assertEquals(List.of(), small.inbox("bob"));
    }

    @Test
    public void messageOfExactlyTheMaximumSizeIsAccepted() {
        LmtpFixture small = new LmtpFixture(new LmtpConfig("mx.test", 100, 100, 4096));
        small.transcript("""
                S: *
                C: LHLO c
                S: *
                S: *
                S: *
                S: *
                S: *
                C: MAIL FROM:<a@remote.org> SIZE=100
                C: RCPT TO:<alice>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: *
                C: %s
                C: .
                S: 250 2.0.0 <alice> Delivered
                """.formatted("y".repeat(98)));
    }

    @Test
    public void lineLongerThanTheWholeMaximumIsTooBig() {
        LmtpFixture small = new LmtpFixture(new LmtpConfig("mx.test", 600, 100, 4096));
        small.transcript("""
                S: *
                C: LHLO c
                S: *
                S: *
                S: *
                S: *
                S: *
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: *
                C: %s
                C: .
                S: 552 5.3.4 Message too big
                C: NOOP
                S: 250 2.0.0 OK
                """.formatted("z".repeat(5000)));
        assertEquals(List.of(), small.inbox("alice"));
    }

    @Test
    public void sizeParameterAboveTheMaximumIsRefused() {
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org> SIZE=52428801
                S: 552 5.3.4 Message size exceeds fixed maximum message size
                C: MAIL FROM:<a@remote.org> SIZE=999999999999999999999
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL FROM:<a@remote.org> SIZE=99999999999999999999
                S: 552 5.3.4 Message size exceeds fixed maximum message size
                C: MAIL FROM:<a@remote.org> SIZE=52428800
                S: 250 2.1.0 OK
                """);
    }

    @Test
    public void commandsOutOfSequenceAre503() {
        lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: MAIL FROM:<a@remote.org>
                S: 503 5.5.1 Send LHLO first
                C: RCPT TO:<alice>
                S: 503 5.5.1 Send LHLO first
                C: DATA
                S: 503 5.5.1 Send LHLO first
                C: LHLO c
                """ + LmtpFixture.CAPABILITIES + """
                C: RCPT TO:<alice>
                S: 503 5.5.1 Send MAIL first
                C: DATA
                S: 503 5.5.1 Send MAIL first
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                C: MAIL FROM:<a@remote.org>
                S: 503 5.5.1 Nested MAIL command
                C: DATA
                S: 503 5.5.1 No valid recipients
                C: RCPT TO:<nobody>
                S: 550 5.1.1 <nobody> User unknown
                C: DATA
                S: 503 5.5.1 No valid recipients
                C: RCPT TO:<alice>
                S: 250 2.1.5 OK
                """);
    }

    @Test
    public void heloAndEhloAreNotLmtp() {
        lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: HELO c
                S: 500 5.5.1 This is LMTP: use LHLO
                C: EHLO c
                S: 500 5.5.1 This is LMTP: use LHLO
                C: MAIL FROM:<a@remote.org>
                S: 503 5.5.1 Send LHLO first
                """);
    }

    @Test
    public void unknownCommandsAndEmptyLines() {
        lmtp.transcript(HELLO + """
                C: FROB
                S: 500 5.5.2 Command unrecognized
                C: AUTH PLAIN
                S: 500 5.5.2 Command unrecognized
                C:
                S: 500 5.5.2 Syntax error
                C: NOOP
                S: 250 2.0.0 OK
                """);
    }

    @Test
    public void syntaxErrors() {
        lmtp.transcript("""
                S: *
                C: LHLO
                S: 501 5.5.4 Syntax: LHLO hostname
                C: LHLO c
                """ + LmtpFixture.CAPABILITIES + """
                C: MAIL FROM:a@remote.org
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL TO:<a@remote.org>
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL FROM:<a@remote.org
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL FROM:<a b@remote.org>
                S: 501 5.1.7 Bad sender address syntax
                C: MAIL FROM:<a@remote.org> BODY=BINARYMIME
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL FROM:<a@remote.org> SMTPUTF8
                S: 555 5.5.4 Unsupported parameter
                C: MAIL FROM:<a@remote.org> SIZE=10 SIZE=10
                S: 501 5.5.4 Syntax: MAIL FROM:<address> [SIZE=n] [BODY=7BIT|8BITMIME]
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                C: RCPT TO:<>
                S: 501 5.1.3 Bad recipient address syntax
                C: RCPT alice
                S: 501 5.5.4 Syntax: RCPT TO:<address>
                C: RCPT TO:<alice> NOTIFY=NEVER
                S: 555 5.5.4 Unsupported parameter
                C: DATA now
                S: 501 5.5.4 Syntax: DATA
                C: RSET now
                S: 501 5.5.4 Syntax: RSET
                C: VRFY
                S: 501 5.5.4 Syntax: VRFY address
                """);
    }

    @Test
    public void commandsAreCaseInsensitiveAndLenientAboutSpacesAndSourceRoutes() {
        lmtp.transcript("""
                S: *
                C: lhlo c
                """ + LmtpFixture.CAPABILITIES + """
                C: mail from: <a@remote.org>
                S: 250 2.1.0 OK
                C: Rcpt To:<@relay.example.org:alice@example.com>
                S: 250 2.1.5 OK
                C: RCPT TO: <"bob"@remote.org>
                S: 550 5.1.1 <"bob"@remote.org> User unknown
                C: data
                S: 354 Start mail input; end with <CRLF>.<CRLF>
                C: x
                C: .
                S: 250 2.0.0 <alice@example.com> Delivered
                """);
    }

    @Test
    public void tooManyRecipients() {
        LmtpFixture two = new LmtpFixture(new LmtpConfig("localhost", 1000, 2, 4096));
        two.transcript("""
                S: *
                C: LHLO c
                S: *
                S: *
                S: *
                S: *
                S: *
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: RCPT TO:<bob>
                C: RCPT TO:<alice@example.com>
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.1.5 OK
                S: 452 4.5.3 Too many recipients
                """);
    }

    @Test
    public void unreachableDirectoryIsATemporaryRcptFailure() {
        lmtp.authenticator.failing = "bob";
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<bob>
                C: RCPT TO:<alice>
                S: 250 2.1.0 OK
                S: 451 4.3.0 <bob> Temporary failure
                S: 250 2.1.5 OK
                """);
    }

    @Test
    public void tooLongCommandLineIsRefusedAndTheSessionGoesOn() {
        lmtp.transcript(HELLO + """
                C: NOOP %s
                S: 500 5.5.2 Line too long
                C: NOOP
                S: 250 2.0.0 OK
                """.formatted("n".repeat(5000)));
    }

    @Test
    public void rsetClearsTheTransaction() {
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                C: RCPT TO:<alice>
                C: RSET
                C: DATA
                S: 250 2.1.0 OK
                S: 250 2.1.5 OK
                S: 250 2.0.0 OK
                S: 503 5.5.1 Send MAIL first
                C: MAIL FROM:<b@remote.org>
                S: 250 2.1.0 OK
                """);
    }

    @Test
    public void rsetBeforeLhloStillNeedsLhlo() {
        lmtp.transcript("""
                S: *
                C: RSET
                S: 250 2.0.0 OK
                C: MAIL FROM:<a@remote.org>
                S: 503 5.5.1 Send LHLO first
                """);
    }

    @Test
    public void lhloInATransactionResetsIt() {
        lmtp.transcript(HELLO + """
                C: MAIL FROM:<a@remote.org>
                S: 250 2.1.0 OK
                C: LHLO c
                """ + LmtpFixture.CAPABILITIES + """
                C: RCPT TO:<alice>
                S: 503 5.5.1 Send MAIL first
                """);
    }

    @Test
    public void noopVrfyHelp() {
        lmtp.transcript("""
                S: *
                C: NOOP
                S: 250 2.0.0 OK
                C: NOOP anything
                S: 250 2.0.0 OK
                C: VRFY alice
                S: 252 2.5.2 Cannot VRFY user, but will accept message and attempt delivery
                C: HELP
                S: 214 2.0.0 Commands: LHLO MAIL RCPT DATA RSET NOOP QUIT VRFY HELP
                """);
    }

    @Test
    public void quitClosesAndIgnoresWhatFollows() {
        RecordingConnection connection = lmtp.transcript("""
                S: 220 localhost LMTP ready
                C: QUIT
                C: NOOP
                S: 221 2.0.0 Bye
                """);
        assertTrue(connection.isClosed());
    }
}
