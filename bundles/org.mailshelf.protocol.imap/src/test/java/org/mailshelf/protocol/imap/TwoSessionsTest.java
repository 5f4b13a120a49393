package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.ImapFixture.message;

import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.store.MailStore.FlagUpdate;

/** Changes one session makes reach the other at the points RFC 3501 section 7.4.1 allows. */
public class TwoSessionsTest {

    private final ImapFixture f = new ImapFixture();

    @Test
    public void appendShowsUpAsExistsAndRecent() {
        ImapFixture.Client a = f.client().login().select("INBOX");
        ImapFixture.Client b = f.client().login().select("INBOX");
        assertEquals("* 1 EXISTS\r\n* 1 RECENT\r\n1 OK [APPENDUID " + f.mailbox("alice", "INBOX").uidValidity()
                + " 1] APPEND completed\r\n", b.send("1 APPEND INBOX {5+}\r\nHello"));
        // the other session sees the message, but it is \Recent only for the first to claim it
        assertEquals("* 1 EXISTS\r\nn OK Completed\r\n", a.send("n NOOP"));
    }

    @Test
    public void flagChangesShowUpAsFetch() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        ImapFixture.Client b = f.client().login().select("INBOX");
        b.send("1 STORE 1 +FLAGS.SILENT (\\Flagged)");
        assertEquals("* 1 FETCH (FLAGS (\\Flagged \\Recent))\r\nn OK Completed\r\n", a.send("n NOOP"));
        assertEquals("n OK Completed\r\n", a.send("n NOOP"));
        // a session's own change is not echoed back
        assertEquals("n OK Completed\r\n", b.send("n NOOP"));
    }

    @Test
    public void expungesWaitWhileSequenceNumbersAreInUse() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        f.deliver(message("3"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        ImapFixture.Client b = f.client().login().select("INBOX");
        b.send("1 STORE 2 +FLAGS.SILENT (\\Deleted)");
        assertEquals("* 2 EXPUNGE\r\n2 OK EXPUNGE completed\r\n", b.send("2 EXPUNGE"));
        // a STORE by sequence number must not hear the EXPUNGE, but does get the flag change
        String store = a.send("s STORE 3 +FLAGS (\\Seen)");
        assertTrue(store, !store.contains("EXPUNGE"));
        assertEquals("* 3 FETCH (FLAGS (\\Seen \\Recent))\r\n* 2 FETCH (FLAGS (\\Deleted \\Recent))\r\n"
                + "s OK STORE completed\r\n", store);
        // ... a NOOP does
        assertEquals("* 2 EXPUNGE\r\nn OK Completed\r\n", a.send("n NOOP"));
        assertEquals("* 2 FETCH (UID 3 FLAGS (\\Seen \\Recent))\r\nu OK STORE completed\r\n",
                a.send("u UID STORE 3 +FLAGS (\\Seen)"));
    }

    @Test
    public void examineAndStatusLeaveRecentForTheNextSelect() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        ImapFixture.Client a = f.client().login();
        String examine = a.send("e EXAMINE INBOX");
        assertTrue(examine, examine.contains("* 2 RECENT\r\n"));
        a.send("c CLOSE");
        String status = a.send("s STATUS INBOX (MESSAGES RECENT)");
        assertTrue(status, status.contains("(MESSAGES 2 RECENT 2)"));
        String select = a.send("t SELECT INBOX");
        assertTrue(select, select.contains("* 2 RECENT\r\n"));
        String other = f.client().login().send("u SELECT INBOX");
        assertTrue("the first SELECT took \\Recent: " + other, other.contains("* 0 RECENT\r\n"));
    }

    @Test
    public void aMessageAddedAndExpungedBeforeItWasAnnouncedIsNeverMentioned() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        long inbox = f.mailbox("alice", "INBOX").id();
        f.deliver(message("2"));
        f.store.expunge(inbox, List.of(2L));
        // the client never heard EXISTS for UID 2: an EXPUNGE for it would count past what it knows
        assertEquals("n OK Completed\r\n", a.send("n NOOP"));
        assertEquals("* SEARCH 1\r\ns OK SEARCH completed\r\n", a.send("s SEARCH ALL"));
    }

    @Test
    public void expungesAreAnnouncedAfterUidCommands() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        f.store.expunge(f.mailbox("alice", "INBOX").id(), List.of(1L));
        // the STORE's own response still uses the old numbers; the EXPUNGE follows
        assertEquals("* 2 FETCH (UID 2 FLAGS (\\Recent))\r\n* 1 EXPUNGE\r\nu OK STORE completed\r\n",
                a.send("u UID STORE 2 -FLAGS (\\Seen)"));
    }

    @Test
    public void qresyncAnnouncesVanished() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        ImapFixture.Client a = f.client().login();
        a.send("e ENABLE QRESYNC");
        a.select("INBOX");
        f.store.expunge(f.mailbox("alice", "INBOX").id(), List.of(1L, 2L));
        assertEquals("* VANISHED 1:2\r\nn OK Completed\r\n", a.send("n NOOP"));
    }

    @Test
    public void idleReceivesChangesAsTheyHappen() {
        f.deliver(message("1"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        assertEquals("+ idling\r\n", a.send("i IDLE"));
        f.deliver(message("2"));
        assertEquals("* 2 EXISTS\r\n* 2 RECENT\r\n", a.take());
        long inbox = f.mailbox("alice", "INBOX").id();
        f.store.updateFlags(inbox, List.of(1L), FlagUpdate.ADD, Flags.of(Flags.SEEN));
        assertEquals("* 1 FETCH (FLAGS (\\Seen \\Recent))\r\n", a.take());
        f.store.expunge(inbox, List.of(1L));
        assertEquals("* 1 EXPUNGE\r\n", a.take());
        assertEquals("i OK IDLE terminated\r\n", a.send("DONE"));
        f.deliver(message("3"));
        assertEquals("", a.take());
        assertEquals("* 2 EXISTS\r\n* 2 RECENT\r\nn OK Completed\r\n", a.send("n NOOP"));
    }

    @Test
    public void idleEndsWithBadOnOtherInput() {
        ImapFixture.Client a = f.client().login().select("INBOX");
        a.send("i IDLE");
        assertEquals("i BAD Expected DONE\r\n", a.send("x NOOP"));
        assertEquals("n OK Completed\r\n", a.send("n NOOP"));
    }

    @Test
    public void deletedMailboxEndsTheSessionsThatSelectedIt() {
        f.mailbox("alice", "Work");
        ImapFixture.Client a = f.client().login().select("Work");
        ImapFixture.Client b = f.client().login();
        assertEquals("d OK DELETE completed\r\n", b.send("d DELETE Work"));
        assertEquals("* BYE Selected mailbox was deleted\r\nn OK Completed\r\n", a.send("n NOOP"));
        assertTrue(a.connection.isClosed());
    }

    @Test
    public void closedSessionStopsListening() {
        ImapFixture.Client a = f.client().login().select("INBOX");
        a.handler.closed();
        f.deliver(message("1"));
        assertEquals("", a.take());
    }
}
