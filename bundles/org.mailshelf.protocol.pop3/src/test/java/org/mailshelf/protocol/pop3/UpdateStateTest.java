package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.Collection;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.store.StoreException;
import org.mailshelf.protocol.RecordingConnection;
import org.mailshelf.store.memory.MemoryMailStore;

/** QUIT, dropped connections and what survives between sessions. */
public class UpdateStateTest {

    private final Pop3Fixture pop3 = new Pop3Fixture();

    private String login(int messages) {
        return "S: *\n" + Pop3Fixture.LOGIN_ALICE + "S: +OK Logged in, " + messages + " messages\n";
    }

    @Test
    public void deleThenQuitExpungesAndReleasesTheLock() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        long kept = pop3.deliver("alice", "Subject: 2\r\n\r\n2\r\n");
        pop3.deliver("alice", "Subject: 3\r\n\r\n3\r\n");
        RecordingConnection c = pop3.run(login(3) + """
                C: DELE 1
                S: +OK message 1 deleted
                C: DELE 3
                S: +OK message 3 deleted
                C: QUIT
                S: +OK Bye, 2 messages deleted
                """);
        assertTrue(c.isClosed());
        assertFalse(pop3.locks.isLocked("alice"));
        assertEquals(List.of(kept), pop3.memory.messages(pop3.inbox("alice").id()).stream().map(m -> m.uid()).toList());
        pop3.run(login(1) + "C: UIDL\nS: *\nS: 1 " + pop3.uid("alice", kept) + "\nS: .\n");
    }

    @Test
    public void quitWithoutDeleDeletesNothing() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        pop3.run(login(1) + "C: QUIT\nS: +OK Bye, 0 messages deleted\n");
        assertEquals(1, pop3.messageCount("alice"));
    }

    @Test
    public void serverShutdownSaysSoDeletesNothingAndReleasesTheLock() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        pop3.run(login(1) + "C: DELE 1\nS: +OK message 1 deleted\n");
        pop3.lastHandler.get().shutdown();
        assertEquals("-ERR [SYS/TEMP] Server shutting down\r\n", pop3.lastConnection.take());
        assertEquals(1, pop3.messageCount("alice"));
        assertFalse(pop3.locks.isLocked("alice"));
    }

    @Test
    public void idleTimeoutSaysSoDeletesNothingAndReleasesTheLock() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        pop3.run(login(1) + "C: DELE 1\nS: +OK message 1 deleted\n");
        pop3.lastHandler.get().idleTimeout();
        assertEquals("-ERR Disconnected for inactivity\r\n", pop3.lastConnection.take());
        assertEquals(1, pop3.messageCount("alice"));
        assertFalse(pop3.locks.isLocked("alice"));
    }

    @Test
    public void droppedConnectionDeletesNothingAndReleasesTheLock() {
        pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        RecordingConnection c = pop3.run(login(1) + "C: DELE 1\nS: +OK message 1 deleted\n");
        pop3.lastHandler.get().closed();
        assertFalse(pop3.locks.isLocked("alice"));
        assertEquals(1, pop3.messageCount("alice"));
        // input after the drop is ignored
        assertEquals("", pop3.send("QUIT\r\n"));
        assertFalse(c.isClosed());
        pop3.run(login(1));
    }

    @Test
    public void leaveOnServerKeepsMessagesAndUniqueIds() {
        long uid = pop3.deliver("alice", "Subject: 1\r\n\r\n1\r\n");
        String uidl = "C: UIDL\nS: +OK Unique-id listing follows\nS: 1 " + pop3.uid("alice", uid) + "\nS: .\n";
        pop3.run(login(1) + uidl + "C: RETR 1\nS: *\nS: *\nS: *\nS: *\nS: .\nC: QUIT\nS: +OK Bye, 0 messages deleted\n");
        long later = pop3.deliver("alice", "Subject: 2\r\n\r\n2\r\n");
        pop3.run(login(2) + uidl.replace("S: .\n", "S: 2 " + pop3.uid("alice", later) + "\nS: .\n"));
    }

    @Test
    public void messagesArrivingDuringTheSessionWaitForTheNextOne() {
        pop3.run(login(0));
        pop3.deliver("alice", "Subject: new\r\n\r\nx\r\n");
        assertEquals("+OK 0 0\r\n", pop3.send("STAT\r\n"));
        assertEquals("-ERR No such message\r\n", pop3.send("RETR 1\r\n"));
    }

    @Test
    public void storeFailureAtLoginIsTemporaryAndReleasesTheLock() {
        Pop3Fixture failing = new Pop3Fixture(new MemoryMailStore() {
            @Override
            public List<org.mailshelf.api.MessageMeta> messages(long mailboxId) {
                throw new StoreException("disk on fire");
            }
        });
        failing.run(login(0).replace("S: +OK Logged in, 0 messages", "S: -ERR [SYS/TEMP] Cannot open the mailbox, try again later")
                + "C: STAT\nS: -ERR STAT is not valid in the AUTHORIZATION state\n");
        assertFalse(failing.locks.isLocked("alice"));
    }

    @Test
    public void storeFailureAtQuitIsReportedAndReleasesTheLock() {
        MemoryMailStore store = new MemoryMailStore() {
            @Override
            public List<Long> expunge(long mailboxId, Collection<Long> uids) {
                throw new StoreException("disk on fire");
            }
        };
        Pop3Fixture failing = new Pop3Fixture(store);
        store.append(store.createMailbox("alice", "INBOX").id(), "a\r\n".getBytes(), org.mailshelf.api.Flags.NONE,
                java.time.Instant.now());
        RecordingConnection c = failing.run(login(1)
                + "C: DELE 1\nS: *\nC: QUIT\nS: -ERR [SYS/TEMP] some deleted messages not removed\n");
        assertTrue(c.isClosed());
        assertFalse(failing.locks.isLocked("alice"));
    }
}
