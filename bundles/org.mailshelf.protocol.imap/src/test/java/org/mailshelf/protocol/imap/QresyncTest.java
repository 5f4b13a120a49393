package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.ImapFixture.HELLO;
import static org.mailshelf.protocol.imap.ImapFixture.message;

import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.api.store.MailStore.FlagUpdate;

/**
 * CONDSTORE and QRESYNC (RFC 7162). The in-memory store counts mod-sequences per mailbox from 1: each append and
 * each changed message takes the next one, an expunge one for the whole batch.
 */
public class QresyncTest {

    /** The untagged lines of SELECT INBOX, whatever they say. */
    private static final String SELECT_ANY = """
            C: s SELECT INBOX
            S: *
            S: *
            S: *
            S: *
            S: *
            S: *
            S: *
            S: *
            S: s OK [READ-WRITE] SELECT completed
            """;

    private final ImapFixture f = new ImapFixture();

    private MailboxInfo inbox() {
        return f.mailbox("alice", "INBOX");
    }

    @Test
    public void firstCondstoreEnablingCommandReportsHighestModSeq() {
        f.deliver(message("1")); // mod-sequence 2
        f.deliver(message("2")); // 3
        f.run(HELLO + SELECT_ANY + """
                C: f FETCH 1 (MODSEQ)
                S: * OK [HIGHESTMODSEQ 3] Highest
                S: * 1 FETCH (MODSEQ (2))
                S: f OK FETCH completed
                C: g FETCH 2 (MODSEQ)
                S: * 2 FETCH (MODSEQ (3))
                S: g OK FETCH completed
                C: 1 STORE 1 +FLAGS (\\Seen)
                S: * 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) MODSEQ (4))
                S: 1 OK STORE completed
                C: 2 STORE 2 +FLAGS.SILENT (\\Answered)
                S: * 2 FETCH (UID 2 MODSEQ (5))
                S: 2 OK STORE completed
                C: 3 STORE 1 -FLAGS.SILENT (\\Seen)
                S: * 1 FETCH (UID 1 MODSEQ (6))
                S: 3 OK STORE completed
                C: 4 FETCH 1 (BODY[TEXT])
                S: * 1 FETCH (UID 1 MODSEQ (7) BODY[TEXT] {7}
                S: Hello
                S:  FLAGS (\\Seen \\Recent))
                S: 4 OK FETCH completed
                """);
    }

    @Test
    public void searchStatusAndEnableAreEnablingCommandsToo() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        f.run(HELLO + SELECT_ANY + """
                C: 1 SEARCH MODSEQ 3
                S: * OK [HIGHESTMODSEQ 3] Highest
                S: * SEARCH 2 (MODSEQ 3)
                S: 1 OK SEARCH completed
                C: 2 ENABLE CONDSTORE
                S: * ENABLED
                S: 2 OK ENABLE completed
                """);
        f.run(HELLO + SELECT_ANY + """
                C: 1 STATUS INBOX (HIGHESTMODSEQ)
                S: * OK [HIGHESTMODSEQ 3] Highest
                S: * STATUS INBOX (HIGHESTMODSEQ 3)
                S: 1 OK STATUS completed
                """);
        f.run(HELLO + SELECT_ANY + """
                C: 1 ENABLE QRESYNC
                S: * ENABLED CONDSTORE QRESYNC
                S: * OK [HIGHESTMODSEQ 3] Highest
                S: 1 OK ENABLE completed
                """);
        // before a mailbox is selected there is nothing to report
        f.run(HELLO + """
                C: 1 STATUS INBOX (HIGHESTMODSEQ)
                S: * STATUS INBOX (HIGHESTMODSEQ 3)
                S: 1 OK STATUS completed
                """);
    }

    @Test
    public void fetchChangedSince() {
        f.deliver(message("1")); // 2
        f.deliver(message("2")); // 3
        f.deliver(message("3")); // 4
        f.store.updateFlags(inbox().id(), List.of(1L), FlagUpdate.ADD, Flags.of(Flags.FLAGGED)); // 5
        f.run(HELLO + SELECT_ANY + """
                C: c FETCH 1:* (FLAGS) (CHANGEDSINCE 3)
                S: * OK [HIGHESTMODSEQ 5] Highest
                S: * 1 FETCH (MODSEQ (5) FLAGS (\\Flagged \\Recent))
                S: * 3 FETCH (MODSEQ (4) FLAGS (\\Recent))
                S: c OK FETCH completed
                C: u UID FETCH 2:3 (FLAGS) (CHANGEDSINCE 3)
                S: * 3 FETCH (UID 3 MODSEQ (4) FLAGS (\\Recent))
                S: u OK FETCH completed
                C: v UID FETCH 1:* (FLAGS) (CHANGEDSINCE 3 VANISHED)
                S: v BAD VANISHED needs ENABLE QRESYNC
                C: w FETCH 1:* (FLAGS) (CHANGEDSINCE 3 VANISHED)
                S: w BAD VANISHED is allowed with UID FETCH only
                """);
    }

    @Test
    public void storeUnchangedSinceComparesWithTheStoreNotTheView() {
        f.deliver(message("1")); // 2
        f.deliver(message("2")); // 3
        f.deliver(message("3")); // 4
        ImapFixture.Client a = f.client().login();
        a.send("e ENABLE CONDSTORE");
        a.select("INBOX");
        // another session changes message 2; this one has not heard of it yet
        f.store.updateFlags(inbox().id(), List.of(2L), FlagUpdate.ADD, Flags.of(Flags.SEEN)); // 5
        assertEquals("""
                * 1 FETCH (UID 1 FLAGS (\\Flagged \\Recent) MODSEQ (6))\r
                * 3 FETCH (UID 3 FLAGS (\\Flagged \\Recent) MODSEQ (7))\r
                * 2 FETCH (UID 2 FLAGS (\\Seen \\Recent) MODSEQ (5))\r
                u OK [MODIFIED 2] STORE completed\r
                """, a.send("u STORE 1:3 (UNCHANGEDSINCE 4) +FLAGS (\\Flagged)"));
        assertEquals("""
                * 1 FETCH (UID 1 MODSEQ (8))\r
                * 2 FETCH (UID 2 MODSEQ (5))\r
                * 3 FETCH (UID 3 MODSEQ (9))\r
                v OK STORE completed\r
                """, a.send("v UID STORE 1:3 (UNCHANGEDSINCE 7) -FLAGS.SILENT (\\Flagged)"));
        // zero always fails; by UID the code lists UIDs
        assertEquals("w OK [MODIFIED 1:3] STORE completed\r\n",
                a.send("w UID STORE 1:* (UNCHANGEDSINCE 0) +FLAGS (\\Seen)"));
        assertEquals("x BAD Invalid UNCHANGEDSINCE mod-sequence\r\n",
                a.send("x STORE 1 (UNCHANGEDSINCE -1) +FLAGS (\\Seen)"));
        // a mod-sequence beyond 32 bits is fine
        assertEquals("* 1 FETCH (UID 1 FLAGS (\\Seen \\Recent) MODSEQ (10))\r\ny OK STORE completed\r\n",
                a.send("y STORE 1 (UNCHANGEDSINCE 9000000000) +FLAGS (\\Seen)"));
    }

    @Test
    public void uidFetchVanishedReportsExpungesOfTheSetFirst() {
        for (int i = 1; i <= 5; i++) {
            f.deliver(message("m" + i)); // 2..6
        }
        long box = inbox().id();
        f.store.expunge(box, List.of(2L, 3L)); // 7
        f.store.updateFlags(box, List.of(4L), FlagUpdate.ADD, Flags.of(Flags.SEEN)); // 8
        ImapFixture.Client a = f.client().login();
        a.send("e ENABLE QRESYNC");
        a.select("INBOX");
        assertEquals("""
                * VANISHED (EARLIER) 2:3\r
                * 2 FETCH (UID 4 MODSEQ (8) FLAGS (\\Seen \\Recent))\r
                f OK FETCH completed\r
                """, a.send("f UID FETCH 1:* (FLAGS) (CHANGEDSINCE 6 VANISHED)"));
        assertEquals("""
                * VANISHED (EARLIER) 3\r
                * 2 FETCH (UID 4 MODSEQ (8) FLAGS (\\Seen \\Recent))\r
                g OK FETCH completed\r
                """, a.send("g UID FETCH 3:5 (FLAGS) (CHANGEDSINCE 6 VANISHED)"));
        assertEquals("h OK FETCH completed\r\n", a.send("h UID FETCH 1:* (FLAGS) (CHANGEDSINCE 8 VANISHED)"));
        // an expunge this session has not announced yet comes as a plain VANISHED at the end, not as EARLIER
        f.store.expunge(box, List.of(5L)); // 9
        assertEquals("* VANISHED 5\r\ni OK FETCH completed\r\n",
                a.send("i UID FETCH 1:* (FLAGS) (CHANGEDSINCE 8 VANISHED)"));
        assertEquals("""
                * VANISHED (EARLIER) 2:3,5\r
                * 2 FETCH (UID 4 MODSEQ (8) FLAGS (\\Seen \\Recent))\r
                j OK FETCH completed\r
                """, a.send("j UID FETCH 1:* (FLAGS) (CHANGEDSINCE 6 VANISHED)"));
    }

    /**
     * The offline client: session B knew the mailbox at some mod-sequence, session A changed and expunged
     * messages meanwhile, and B's next SELECT (QRESYNC ...) tells it exactly what it missed.
     */
    @Test
    public void reselectWithQresyncReportsWhatAnOfflineClientMissed() {
        for (int i = 1; i <= 6; i++) {
            f.deliver(message("m" + i)); // 2..7
        }
        long uidValidity = inbox().uidValidity();
        ImapFixture.Client b = f.client().login();
        b.send("e ENABLE QRESYNC");
        String selected = b.send("s SELECT INBOX");
        assertTrue(selected.contains("* OK [HIGHESTMODSEQ 7] Highest\r\n"));
        b.handler.closed();

        ImapFixture.Client a = f.client().login().select("INBOX");
        a.send("1 STORE 2 +FLAGS (\\Seen)"); // 8
        a.send("2 STORE 5 +FLAGS (\\Flagged)"); // 9
        a.send("3 STORE 3:4 +FLAGS.SILENT (\\Deleted)"); // 10, 11
        f.deliver(message("m7")); // UID 7, 12; A claims it as recent on its next command
        assertEquals("* 3 EXPUNGE\r\n* 3 EXPUNGE\r\n* 5 EXISTS\r\n* 1 RECENT\r\n4 OK EXPUNGE completed\r\n",
                a.send("4 EXPUNGE")); // 13

        String header = """
                * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)\r
                * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)] Flags permitted\r
                * 5 EXISTS\r
                * 0 RECENT\r
                * OK [UNSEEN 1] First unseen\r
                * OK [UIDVALIDITY %d] UIDs valid\r
                * OK [UIDNEXT 8] Predicted next UID\r
                * OK [HIGHESTMODSEQ 13] Highest\r
                """.formatted(uidValidity);
        ImapFixture.Client b2 = f.client().login();
        b2.send("e ENABLE QRESYNC");
        // the client names the UIDs it knows: the new message 7 is left to it to discover
        assertEquals(header + """
                * VANISHED (EARLIER) 3:4\r
                * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (8))\r
                * 3 FETCH (UID 5 FLAGS (\\Flagged) MODSEQ (9))\r
                s OK [READ-WRITE] SELECT completed\r
                """, b2.send("s SELECT INBOX (QRESYNC (" + uidValidity + " 7 1:6))"));
        // without known UIDs every change is reported, the new message included; seq-match-data is ignored
        String readOnlyHeader = header.replace("(\\Answered \\Flagged \\Deleted \\Seen \\Draft \\*)", "()");
        assertEquals("* OK [CLOSED] Previous mailbox closed\r\n" + readOnlyHeader + """
                * VANISHED (EARLIER) 3:4\r
                * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (8))\r
                * 3 FETCH (UID 5 FLAGS (\\Flagged) MODSEQ (9))\r
                * 5 FETCH (UID 7 FLAGS () MODSEQ (12))\r
                e OK [READ-ONLY] EXAMINE completed\r
                """, b2.send("e EXAMINE INBOX (QRESYNC (" + uidValidity + " 7 (1:6 1:6)))"));
        // known as of mod-sequence 9: only the expunge and the new message remain
        assertTrue(b2.send("t SELECT INBOX (QRESYNC (" + uidValidity + " 9))").endsWith("""
                * VANISHED (EARLIER) 3:4\r
                * 5 FETCH (UID 7 FLAGS () MODSEQ (12))\r
                t OK [READ-WRITE] SELECT completed\r
                """));
        // another UIDVALIDITY: the cache is worthless, a plain select
        assertEquals("* OK [CLOSED] Previous mailbox closed\r\n" + header + "u OK [READ-WRITE] SELECT completed\r\n",
                b2.send("u SELECT INBOX (QRESYNC (" + (uidValidity + 1) + " 7 1:6))"));
    }

    @Test
    public void qresyncParameterNeedsEnable() {
        f.run(HELLO + """
                C: s SELECT INBOX (QRESYNC (1 1))
                S: s BAD QRESYNC needs ENABLE QRESYNC first
                C: e ENABLE QRESYNC
                S: * ENABLED CONDSTORE QRESYNC
                S: e OK ENABLE completed
                C: t SELECT INBOX (QRESYNC (0 1))
                S: t BAD Expected a non-zero number
                C: u SELECT INBOX (QRESYNC (1))
                S: u BAD Invalid QRESYNC mod-sequence
                C: v SELECT INBOX (QRESYNC (1 1 1:2 (1)))
                S: v BAD Missing argument
                C: w SELECT INBOX (CONDSTORE CONDSTORE)
                S: w BAD Unsupported or repeated SELECT parameter
                """);
    }

    @Test
    public void afterEnableQresyncExpungesAreVanishedAndCloseIsQuiet() {
        f.mailbox("alice", "Archive");
        for (int i = 1; i <= 4; i++) {
            f.deliver(message("m" + i)); // 2..5
        }
        long archiveValidity = f.mailbox("alice", "Archive").uidValidity();
        f.run(HELLO + """
                C: e ENABLE QRESYNC
                S: * ENABLED CONDSTORE QRESYNC
                S: e OK ENABLE completed
                """ + SELECT_ANY + """
                C: 1 STORE 1:2 +FLAGS.SILENT (\\Deleted)
                S: * 1 FETCH (UID 1 MODSEQ (6))
                S: * 2 FETCH (UID 2 MODSEQ (7))
                S: 1 OK STORE completed
                C: 2 EXPUNGE
                S: * VANISHED 1:2
                S: 2 OK EXPUNGE completed
                C: 3 MOVE 1 Archive
                S: * OK [COPYUID %1$d 3 1] Moved
                S: * VANISHED 3
                S: 3 OK MOVE completed
                C: 4 UID STORE 4 +FLAGS (\\Deleted)
                S: * 1 FETCH (UID 4 FLAGS (\\Deleted \\Recent) MODSEQ (10))
                S: 4 OK STORE completed
                C: 5 CLOSE
                S: 5 OK CLOSE completed
                """.formatted(archiveValidity));
    }
}
