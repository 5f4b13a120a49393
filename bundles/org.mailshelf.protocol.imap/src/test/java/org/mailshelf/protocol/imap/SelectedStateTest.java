package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.ImapFixture.HELLO;
import static org.mailshelf.protocol.imap.ImapFixture.SELECT_EMPTY;
import static org.mailshelf.protocol.imap.ImapFixture.message;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;

public class SelectedStateTest {

    private final ImapFixture f = new ImapFixture();

    @Test
    public void selectReportsTheMailbox() {
        f.deliver("alice", "INBOX", message("1"), Flags.SEEN);
        f.deliver("alice", "INBOX", message("2"), 0);
        f.store.updateFlags(f.mailbox("alice", "INBOX").id(), java.util.List.of(1L), 
                org.mailshelf.api.store.MailStore.FlagUpdate.ADD, Flags.of(0, java.util.List.of("$Work")));
        f.run(HELLO + """
                C: s SELECT inbox
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\*)] Flags permitted
                S: * 2 EXISTS
                S: * 2 RECENT
                S: * OK [UNSEEN 2] First unseen
                S~ \\* OK \\[UIDVALIDITY \\d+\\] UIDs valid
                S: * OK [UIDNEXT 3] Predicted next UID
                S~ \\* OK \\[HIGHESTMODSEQ \\d+\\] Highest
                S: s OK [READ-WRITE] SELECT completed
                C: e EXAMINE INBOX
                S: * OK [CLOSED] Previous mailbox closed
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
                S: * OK [PERMANENTFLAGS ()] Flags permitted
                S: * 2 EXISTS
                S: * 0 RECENT
                S: * OK [UNSEEN 2] First unseen
                S: *
                S: *
                S: *
                S: e OK [READ-ONLY] EXAMINE completed
                C: x STORE 1 +FLAGS (\\Deleted)
                S: x NO [READ-ONLY] Mailbox is read-only
                C: y EXPUNGE
                S: y NO [READ-ONLY] Mailbox is read-only
                C: z SELECT nope
                S: * OK [CLOSED] Previous mailbox closed
                S: z NO [NONEXISTENT] No such mailbox
                C: w STORE 1 +FLAGS (\\Deleted)
                S: w BAD STORE is not valid in this state
                """);
    }

    @Test
    public void appendWithFlagsDateAndLimits() {
        f.mailbox("alice", "Drafts");
        f.run(HELLO + """
                C: 1 APPEND Drafts (\\Draft \\Seen) "05-Jan-2024 10:00:00 +0100" {5}
                S: + Ready for literal
                C: Hello
                S~ 1 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                C: 2 APPEND Drafts {5+}
                C: World
                S~ 2 OK \\[APPENDUID \\d+ 2\\] APPEND completed
                C: 3 APPEND Nope {2+}
                C: hi
                S: 3 NO [TRYCREATE] No such mailbox
                C: 4 APPEND Drafts {1001+}
                C: %s
                S: 4 NO [TOOBIG] Message exceeds the APPENDLIMIT
                C: 5 APPEND Drafts (\\Bogus) {2+}
                C: hi
                S: 5 BAD Invalid flag
                """.formatted("x".repeat(1001)));
        MailboxInfo drafts = f.mailbox("alice", "Drafts");
        var first = f.store.messages(drafts.id()).get(0);
        assertEquals(Flags.of(Flags.DRAFT | Flags.SEEN), first.flags());
        assertEquals(java.time.Instant.parse("2024-01-05T09:00:00Z"), first.internalDate());
        assertEquals("World", new String(f.store.content(drafts.id(), 2)));
    }

    @Test
    public void appendToTheSelectedMailboxAnnouncesExists() {
        f.run(HELLO + SELECT_EMPTY + """
                C: 1 APPEND INBOX {5+}
                C: Hello
                S: * 1 EXISTS
                S: * 1 RECENT
                S~ 1 OK \\[APPENDUID \\d+ 1\\] APPEND completed
                """);
    }

    @Test
    public void storeVariants() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        f.run(HELLO + """
                C: s SELECT INBOX
                S: *
                S: *
                S: * 2 EXISTS
                S: * 2 RECENT
                S: * OK [UNSEEN 1] First unseen
                S: *
                S: *
                S: *
                S: s OK [READ-WRITE] SELECT completed
                C: 1 STORE 1:* +FLAGS (\\Seen)
                S: * 1 FETCH (FLAGS (\\Seen \\Recent))
                S: * 2 FETCH (FLAGS (\\Seen \\Recent))
                S: 1 OK STORE completed
                C: 2 UID STORE 2 FLAGS.SILENT (\\Flagged $Label)
                S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label)
                S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Label \\*)] Flags permitted
                S: 2 OK STORE completed
                C: 3 UID STORE 1:* -FLAGS \\Seen
                S: * 1 FETCH (UID 1 FLAGS (\\Recent))
                S: * 2 FETCH (UID 2 FLAGS (\\Flagged $Label \\Recent))
                S: 3 OK STORE completed
                C: 4 STORE 3 +FLAGS (\\Seen)
                S: 4 BAD Invalid message sequence number
                C: 5 STORE 1 REPLACE (\\Seen)
                S: 5 BAD Unknown STORE item
                C: 6 ENABLE CONDSTORE
                S: * ENABLED CONDSTORE
                S~ \\* OK \\[HIGHESTMODSEQ \\d+\\] Highest
                S: 6 OK ENABLE completed
                C: 7 STORE 1 (UNCHANGEDSINCE 1) +FLAGS (\\Answered)
                S: 7 OK [MODIFIED 1] STORE completed
                C: 8 UID STORE 9 +FLAGS (\\Seen)
                S: 8 OK STORE completed
                """);
    }

    @Test
    public void expungeUidExpungeAndClose() {
        for (int i = 1; i <= 5; i++) {
            f.deliver("alice", "INBOX", message("m" + i), i == 1 ? 0 : Flags.DELETED);
        }
        f.run(HELLO + """
                C: s SELECT INBOX
                S: *
                S: *
                S: * 5 EXISTS
                S: * 5 RECENT
                S: *
                S: *
                S: *
                S: *
                S: s OK [READ-WRITE] SELECT completed
                C: 1 UID EXPUNGE 3:4
                S: * 3 EXPUNGE
                S: * 3 EXPUNGE
                S: 1 OK EXPUNGE completed
                C: 2 EXPUNGE
                S: * 2 EXPUNGE
                S: * 2 EXPUNGE
                S: 2 OK EXPUNGE completed
                C: 3 STORE 1 +FLAGS.SILENT (\\Deleted)
                S: 3 OK STORE completed
                C: 4 UID FETCH 1:* FLAGS
                S: * 1 FETCH (UID 1 FLAGS (\\Deleted \\Recent))
                S: 4 OK FETCH completed
                C: 5 UNSELECT
                S: 5 OK UNSELECT completed
                C: 6 STATUS INBOX (MESSAGES)
                S: * STATUS INBOX (MESSAGES 1)
                S: 6 OK STATUS completed
                C: 7 SELECT INBOX
                S: *
                S: *
                S: * 1 EXISTS
                S: * 0 RECENT
                S: *
                S: *
                S: *
                S: *
                S: 7 OK [READ-WRITE] SELECT completed
                C: 8 CLOSE
                S: 8 OK CLOSE completed
                C: 9 STATUS INBOX (MESSAGES)
                S: * STATUS INBOX (MESSAGES 0)
                S: 9 OK STATUS completed
                C: 10 EXPUNGE
                S: 10 BAD EXPUNGE is not valid in this state
                """);
    }

    @Test
    public void copyAndMove() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        f.deliver(message("3"));
        MailboxInfo archive = f.mailbox("alice", "Archive");
        long v = archive.uidValidity();
        f.run(HELLO + """
                C: s SELECT INBOX
                S: *
                S: *
                S: * 3 EXISTS
                S: *
                S: *
                S: *
                S: *
                S: *
                S: s OK [READ-WRITE] SELECT completed
                C: 1 COPY 1:2 Archive
                S: 1 OK [COPYUID %1$d 1:2 1:2] COPY completed
                C: 2 UID COPY 3 Nope
                S: 2 NO [TRYCREATE] No such mailbox
                C: 3 MOVE 2 Archive
                S: * OK [COPYUID %1$d 2 3] Moved
                S: * 2 EXPUNGE
                S: 3 OK MOVE completed
                C: 4 UID MOVE 1,3 Archive
                S: * OK [COPYUID %1$d 1,3 4:5] Moved
                S: * 1 EXPUNGE
                S: * 1 EXPUNGE
                S: 4 OK MOVE completed
                C: 5 UID MOVE 1:* Archive
                S: 5 OK MOVE completed, nothing to do
                """.formatted(v));
        assertEquals(5, f.store.messages(archive.id()).size());
    }

    @Test
    public void fetchSetsSeenUnlessPeekAndSearchFindsIt() {
        f.deliver(message("hello"));
        f.deliver(message("world"));
        f.run(HELLO + """
                C: s EXAMINE INBOX
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: s OK [READ-ONLY] EXAMINE completed
                C: 0 FETCH 1 BODY[HEADER.FIELDS (SUBJECT)]
                S~ \\* 1 FETCH \\(BODY\\[HEADER.FIELDS \\(SUBJECT\\)\\] \\{\\d+\\}
                S: Subject: hello
                S:\s
                S: )
                S: 0 OK FETCH completed
                C: 1 SELECT INBOX
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: *
                S: 1 OK [READ-WRITE] SELECT completed
                C: 2 FETCH 1 (FLAGS BODY.PEEK[TEXT])
                S: * 1 FETCH (FLAGS (\\Recent) BODY[TEXT] {7}
                S: Hello
                S: )
                S: 2 OK FETCH completed
                C: 3 UID FETCH 2 BODY[TEXT]
                S: * 2 FETCH (UID 2 BODY[TEXT] {7}
                S: Hello
                S:  FLAGS (\\Seen \\Recent))
                S: 3 OK FETCH completed
                C: 4 SEARCH UNSEEN
                S: * SEARCH 1
                S: 4 OK SEARCH completed
                C: 5 UID SEARCH SUBJECT world
                S: * SEARCH 2
                S: 5 OK SEARCH completed
                C: 6 FETCH 3 FLAGS
                S: 6 BAD Invalid message sequence number
                """);
    }

    @Test
    public void fetchOfAMessageExpungedElsewhere() {
        f.deliver(message("1"));
        f.deliver(message("2"));
        ImapFixture.Client a = f.client().login().select("INBOX");
        f.store.expunge(f.mailbox("alice", "INBOX").id(), java.util.List.of(1L));
        String r = a.send("f FETCH 1:2 BODY.PEEK[]");
        assertTrue(r, r.startsWith("* 2 FETCH (BODY[] {"));
        assertTrue(r, r.endsWith("f OK [EXPUNGEISSUED] Some messages were already expunged\r\n"));
        assertEquals("* 1 EXPUNGE\r\nn OK Completed\r\n", a.send("n NOOP"));
    }

    @Test
    public void fetchAndSearchAreAnsweredForNow() {
        f.run(HELLO + SELECT_EMPTY + """
                C: 1 NOOP
                S: 1 OK Completed
                C: 2 CHECK
                S: 2 OK Completed
                """);
        assertTrue(true);
    }
}
