package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Before;
import org.junit.Test;
import org.mailshelf.protocol.ProtocolHandler;
import org.mailshelf.protocol.RecordingConnection;

public class TransactionStateTest {

    private static final String FIRST = "From: a@example.org\r\nSubject: one\r\n\r\nHello\r\n";
    private static final String SECOND = "Subject: two\r\n\r\nline 1\r\nline 2\r\nline 3\r\n";

    private final Pop3Fixture pop3 = new Pop3Fixture();
    private long uid1;
    private long uid2;

    @Before
    public void deliver() {
        uid1 = pop3.deliver("alice", FIRST);
        uid2 = pop3.deliver("alice", SECOND);
    }

    private String login() {
        return "S: *\n" + Pop3Fixture.LOGIN_ALICE + "S: +OK Logged in, " + pop3.messageCount("alice") + " messages\n";
    }

    @Test
    public void statListAndUidl() {
        int total = FIRST.length() + SECOND.length();
        pop3.run(login() + "C: STAT\nS: +OK 2 " + total + "\n"
                + "C: LIST\nS: +OK 2 messages (" + total + " octets)\nS: 1 " + FIRST.length() + "\nS: 2 "
                + SECOND.length() + "\nS: .\n"
                + "C: LIST 2\nS: +OK 2 " + SECOND.length() + "\n"
                + "C: UIDL\nS: +OK Unique-id listing follows\nS: 1 " + pop3.uid("alice", uid1) + "\nS: 2 "
                + pop3.uid("alice", uid2) + "\nS: .\n"
                + "C: uidl 1\nS: +OK 1 " + pop3.uid("alice", uid1) + "\n"
                + "C: NOOP\nS: +OK\n");
    }

    @Test
    public void uniqueIdsArePrintableAndShort() {
        String id = pop3.uid("alice", uid2);
        assertTrue(id.length() <= 70 && id.chars().allMatch(c -> c >= 0x21 && c <= 0x7e));
    }

    @Test
    public void retrSendsTheStoredMessage() {
        pop3.run(login() + "C: RETR 1\nS: +OK " + FIRST.length() + " octets\n"
                + "S: From: a@example.org\nS: Subject: one\nS: \nS: Hello\nS: .\n");
    }

    @Test
    public void retrIsDotStuffedByteForByte() {
        String dotted = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nnot.at start\r\n.";
        pop3.deliver("alice", dotted);
        String expected = "+OK " + dotted.length() + " octets\r\n"
                + "Subject: dots\r\n\r\n..leading dot\r\n...two dots\r\n..\r\nnot.at start\r\n..\r\n.\r\n";
        assertRetr(3, expected);
    }

    @Test
    public void retrEndsContentWithoutTrailingCrlfBeforeTheTerminator() {
        pop3.deliver("alice", "Subject: short\r\n\r\nno newline at end");
        assertRetr(3, "+OK 35 octets\r\nSubject: short\r\n\r\nno newline at end\r\n.\r\n");
    }

    /** Logs in, sends RETR n alone and compares the bytes of its answer, which must come in one write. */
    private void assertRetr(int n, String expected) {
        RecordingConnection c = pop3.run(login());
        ProtocolHandler session = pop3.lastHandler.get();
        int writes = c.writeCount();
        session.received(ByteBuffer.wrap(("RETR " + n + "\r\n").getBytes(StandardCharsets.US_ASCII)));
        assertArrayEquals(expected.getBytes(StandardCharsets.UTF_8), c.takeBytes());
        assertEquals(writes + 1, c.writeCount());
    }

    @Test
    public void topSendsHeaderBlankLineAndFirstLines() {
        pop3.run(login() + """
                C: TOP 2 0
                S: +OK Top of message follows
                S: Subject: two
                S:\s
                S: .
                C: TOP 2 2
                S: +OK Top of message follows
                S: Subject: two
                S:\s
                S: line 1
                S: line 2
                S: .
                C: TOP 2 99999999999999999999
                S: +OK Top of message follows
                S: Subject: two
                S:\s
                S: line 1
                S: line 2
                S: line 3
                S: .
                C: TOP 2
                S: -ERR Missing argument, usage: TOP msg lines
                C: TOP 2 -1
                S: -ERR Invalid number of lines
                """);
    }

    @Test
    public void topOfDotStuffedMessageWithoutBody() {
        assertEquals(8, TopCommand.end("A: b\r\n\r\n".getBytes(StandardCharsets.US_ASCII), 3));
        assertEquals(11, TopCommand.end("A: b\r\n.C: d".getBytes(StandardCharsets.US_ASCII), 0));
        pop3.deliver("alice", "A: b\r\n.odd: header");
        pop3.run(login() + """
                C: TOP 3 5
                S: +OK Top of message follows
                S: A: b
                S: ..odd: header
                S: .
                """);
    }

    @Test
    public void deleHidesTheMessageAndRsetBringsItBack() {
        pop3.run(login() + "C: DELE 1\nS: +OK message 1 deleted\n"
                + "C: DELE 1\nS: -ERR message 1 is deleted\n"
                + "C: RETR 1\nS: -ERR message 1 is deleted\n"
                + "C: TOP 1 0\nS: -ERR message 1 is deleted\n"
                + "C: LIST 1\nS: -ERR message 1 is deleted\n"
                + "C: UIDL 1\nS: -ERR message 1 is deleted\n"
                + "C: STAT\nS: +OK 1 " + SECOND.length() + "\n"
                + "C: LIST\nS: +OK 1 messages (" + SECOND.length() + " octets)\nS: 2 " + SECOND.length() + "\nS: .\n"
                + "C: UIDL\nS: *\nS: 2 " + pop3.uid("alice", uid2) + "\nS: .\n"
                + "C: RSET\nS: +OK maildrop has 2 messages (" + (FIRST.length() + SECOND.length()) + " octets)\n"
                + "C: LIST 1\nS: +OK 1 " + FIRST.length() + "\n");
    }

    @Test
    public void badArgumentsGetClearErrorsAndTheSessionGoesOn() {
        pop3.run(login() + """
                C: RETR
                S: -ERR Missing argument, usage: RETR msg
                C: RETR 1 2
                S: -ERR Too many arguments, usage: RETR msg
                C: RETR one
                S: -ERR Invalid message number
                C: RETR -1
                S: -ERR Invalid message number
                C: RETR 0
                S: -ERR No such message
                C: RETR 3
                S: -ERR No such message
                C: RETR 99999999999999999999999
                S: -ERR No such message
                C: LIST 1 2
                S: -ERR Too many arguments, usage: LIST [msg]
                C: DELE
                S: -ERR Missing argument, usage: DELE msg
                C: STAT now
                S: -ERR No arguments allowed
                C: UIDL x
                S: -ERR Invalid message number
                C: XYZZY
                S: -ERR Unknown command
                C: 
                S: -ERR Empty command
                C: RETR 0002
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: .
                C: STAT
                S: *
                """);
    }

    @Test
    public void messageExpungedByAnotherClientCannotBeRetrieved() {
        pop3.run(login());
        pop3.memory.expunge(pop3.inbox("alice").id(), List.of(uid1));
        assertEquals("-ERR message 1 was removed by another session\r\n+OK 2 " + SECOND.length() + "\r\n",
                pop3.send("RETR 1\r\nLIST 2\r\n"));
        assertEquals("+OK 2 " + (FIRST.length() + SECOND.length()) + "\r\n", pop3.send("STAT\r\n"));
    }
}
