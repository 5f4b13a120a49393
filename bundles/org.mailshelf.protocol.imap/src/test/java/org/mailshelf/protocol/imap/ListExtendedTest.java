package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.ImapFixture.HELLO;

import org.junit.Test;
import org.mailshelf.api.Flags;

/** LIST-EXTENDED (RFC 5258), SPECIAL-USE (RFC 6154), LIST-STATUS (RFC 5819) and ESEARCH (RFC 4731). */
public class ListExtendedTest {

    private final ImapFixture f = new ImapFixture();

    private void mailboxes(String... names) {
        for (String name : names) {
            f.mailbox("alice", name);
        }
    }

    private void subscribe(String... names) {
        for (String name : names) {
            f.store.subscribe("alice", name);
        }
    }

    @Test
    public void capabilitiesAdvertiseTheExtensions() {
        String out = f.client().login().send("1 CAPABILITY");
        for (String word : new String[] {" ESEARCH", " LIST-EXTENDED", " LIST-STATUS", " SPECIAL-USE"}) {
            assertTrue(out, out.contains(word + " ") || out.contains(word + "\r\n"));
        }
    }

    @Test
    public void specialUseByTopLevelNameIgnoringCase() {
        f.run(HELLO + """
                C: 1 CREATE Drafts
                S: 1 OK CREATE completed
                C: 2 CREATE sent
                S: 2 OK CREATE completed
                C: 3 CREATE TRASH
                S: 3 OK CREATE completed
                C: 4 CREATE Junk
                S: 4 OK CREATE completed
                C: 5 CREATE Archive/2024
                S: 5 OK CREATE completed
                C: 6 CREATE Work/Trash
                S: 6 OK CREATE completed
                C: 7 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren \\Archive) "/" Archive
                S: * LIST (\\HasNoChildren) "/" Archive/2024
                S: * LIST (\\HasNoChildren \\Drafts) "/" Drafts
                S: * LIST (\\HasNoChildren \\Junk) "/" Junk
                S: * LIST (\\HasNoChildren \\Trash) "/" TRASH
                S: * LIST (\\HasChildren) "/" Work
                S: * LIST (\\HasNoChildren) "/" Work/Trash
                S: * LIST (\\HasNoChildren \\Sent) "/" sent
                S: 7 OK LIST completed
                C: 8 LIST (SPECIAL-USE) "" *
                S: * LIST (\\Archive) "/" Archive
                S: * LIST (\\Drafts) "/" Drafts
                S: * LIST (\\Junk) "/" Junk
                S: * LIST (\\Trash) "/" TRASH
                S: * LIST (\\Sent) "/" sent
                S: 8 OK LIST completed
                C: 9 LIST "" % RETURN (SPECIAL-USE)
                S: * LIST () "/" INBOX
                S: * LIST (\\Archive) "/" Archive
                S: * LIST (\\Drafts) "/" Drafts
                S: * LIST (\\Junk) "/" Junk
                S: * LIST (\\Trash) "/" TRASH
                S: * LIST () "/" Work
                S: * LIST (\\Sent) "/" sent
                S: 9 OK LIST completed
                C: 10 list (special-use) "" "A*" return (children special-use)
                S: * LIST (\\HasChildren \\Archive) "/" Archive
                S: 10 OK LIST completed
                C: 11 LIST (SPECIAL-USE) "" Work/*
                S: 11 OK LIST completed
                C: 12 LIST "" % RETURN ()
                S: * LIST () "/" INBOX
                S: * LIST () "/" Archive
                S: * LIST () "/" Drafts
                S: * LIST () "/" Junk
                S: * LIST () "/" TRASH
                S: * LIST () "/" Work
                S: * LIST () "/" sent
                S: 12 OK LIST completed
                """);
    }

    @Test
    public void specialUseWithSubscribed() {
        mailboxes("Sent", "Trash", "Work");
        subscribe("Sent", "Work", "Gone");
        f.run(HELLO + """
                C: 1 LIST (SPECIAL-USE SUBSCRIBED) "" *
                S: * LIST (\\Subscribed \\Sent) "/" Sent
                S: 1 OK LIST completed
                C: 2 LIST (SUBSCRIBED) "" * RETURN (SPECIAL-USE)
                S: * LIST (\\Subscribed \\NonExistent) "/" Gone
                S: * LIST (\\Subscribed \\Sent) "/" Sent
                S: * LIST (\\Subscribed) "/" Work
                S: 2 OK LIST completed
                """);
    }

    @Test
    public void multiplePatternsEachNameOnce() {
        mailboxes("Work", "Work/Projects", "Work/Projects/2024", "Private");
        f.run(HELLO + """
                C: 1 LIST "" ("INBOX" "Work/*")
                S: * LIST () "/" INBOX
                S: * LIST () "/" Work/Projects
                S: * LIST () "/" Work/Projects/2024
                S: 1 OK LIST completed
                C: 2 LIST "" (inbox Work/% "W*") RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" Work
                S: * LIST (\\HasChildren) "/" Work/Projects
                S: * LIST (\\HasNoChildren) "/" Work/Projects/2024
                S: 2 OK LIST completed
                C: 3 LIST Work/ (% Projects/%)
                S: * LIST () "/" Work/Projects
                S: * LIST () "/" Work/Projects/2024
                S: 3 OK LIST completed
                C: 4 LIST () "" %
                S: * LIST () "/" INBOX
                S: * LIST () "/" Private
                S: * LIST () "/" Work
                S: 4 OK LIST completed
                C: 5 LIST (REMOTE) "" % RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" Private
                S: * LIST (\\HasChildren) "/" Work
                S: 5 OK LIST completed
                """);
    }

    @Test
    public void emptyPatternsInTheExtendedFormMatchNothing() {
        f.run(HELLO + """
                C: 1 LIST "" ("")
                S: 1 OK LIST completed
                C: 2 LIST "" "" RETURN (CHILDREN)
                S: 2 OK LIST completed
                C: 3 LIST () "" ""
                S: 3 OK LIST completed
                C: 4 LIST "" ("" INBOX)
                S: * LIST () "/" INBOX
                S: 4 OK LIST completed
                C: 5 LIST "" ""
                S: * LIST (\\Noselect) "/" ""
                S: 5 OK LIST completed
                """);
    }

    @Test
    public void quotingAndModifiedUtf7ByteExact() {
        mailboxes("日本語", "日本語/Fish & Chips", "a\"b\\c", "with space", "NIL");
        // the transcript compares whole lines, CRLF included
        f.run(HELLO + """
                C: 1 LIST "" * RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasNoChildren) "/" "NIL"
                S: * LIST (\\HasNoChildren) "/" "a\\"b\\\\c"
                S: * LIST (\\HasNoChildren) "/" "with space"
                S: * LIST (\\HasChildren) "/" &ZeVnLIqe-
                S: * LIST (\\HasNoChildren) "/" "&ZeVnLIqe-/Fish &- Chips"
                S: 1 OK LIST completed
                C: 2 LIST "" "&ZeVnLIqe-/*" RETURN (STATUS (MESSAGES))
                S: * LIST () "/" "&ZeVnLIqe-/Fish &- Chips"
                S: * STATUS "&ZeVnLIqe-/Fish &- Chips" (MESSAGES 0)
                S: 2 OK LIST completed
                """);
    }

    /** RFC 5258 section 5, examples 2, 3 and 6, with this server's store. */
    @Test
    public void subscribedSelectionAndReturnOption() {
        mailboxes("Fruit", "Fruit/Apple", "Fruit/Banana", "Tofu", "Vegetable", "Vegetable/Broccoli",
                "Vegetable/Corn");
        subscribe("Fruit/Banana", "Fruit/Peach", "Vegetable", "Vegetable/Broccoli");
        f.run(HELLO + """
                C: A02 LIST (SUBSCRIBED) "" "*"
                S: * LIST (\\Subscribed) "/" Fruit/Banana
                S: * LIST (\\Subscribed \\NonExistent) "/" Fruit/Peach
                S: * LIST (\\Subscribed) "/" Vegetable
                S: * LIST (\\Subscribed) "/" Vegetable/Broccoli
                S: A02 OK LIST completed
                C: A03 LIST () "" "%" RETURN (CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\HasChildren) "/" Fruit
                S: * LIST (\\HasNoChildren) "/" Tofu
                S: * LIST (\\HasChildren) "/" Vegetable
                S: A03 OK LIST completed
                C: A06 LIST (REMOTE) "" "*" RETURN (SUBSCRIBED)
                S: * LIST () "/" INBOX
                S: * LIST () "/" Fruit
                S: * LIST () "/" Fruit/Apple
                S: * LIST (\\Subscribed) "/" Fruit/Banana
                S: * LIST () "/" Tofu
                S: * LIST (\\Subscribed) "/" Vegetable
                S: * LIST (\\Subscribed) "/" Vegetable/Broccoli
                S: * LIST () "/" Vegetable/Corn
                S: A06 OK LIST completed
                C: A07 LIST (SUBSCRIBED) "" "*" RETURN (CHILDREN)
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Fruit/Banana
                S: * LIST (\\Subscribed \\NonExistent \\HasNoChildren) "/" Fruit/Peach
                S: * LIST (\\Subscribed \\HasChildren) "/" Vegetable
                S: * LIST (\\Subscribed \\HasNoChildren) "/" Vegetable/Broccoli
                S: A07 OK LIST completed
                """);
    }

    /** RFC 5258 section 5, example 9 (in this server's order): which parents get CHILDINFO. */
    @Test
    public void recursiveMatchReportsDescendantsThePatternLeavesOut() {
        mailboxes("foo2", "foo2/bar1", "foo2/bar2", "baz2", "baz2/bar2", "baz2/bar22", "baz2/bar222", "eps2",
                "eps2/mamba", "qux2/bar2");
        subscribe("foo2/bar1", "foo2/bar2", "baz2/bar2", "baz2/bar22", "baz2/bar222", "eps2", "eps2/mamba",
                "qux2/bar2");
        f.run(HELLO + """
                C: D01 LIST (RECURSIVEMATCH SUBSCRIBED) "" "*2"
                S: * LIST (\\Subscribed) "/" baz2/bar2
                S: * LIST (\\Subscribed) "/" baz2/bar22
                S: * LIST (\\Subscribed) "/" baz2/bar222
                S: * LIST (\\Subscribed) "/" eps2 ("CHILDINFO" ("SUBSCRIBED"))
                S: * LIST () "/" foo2 ("CHILDINFO" ("SUBSCRIBED"))
                S: * LIST (\\Subscribed) "/" foo2/bar2
                S: * LIST (\\Subscribed) "/" qux2/bar2
                S: D01 OK LIST completed
                C: D02 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%" RETURN (CHILDREN)
                S: * LIST (\\HasChildren) "/" baz2 ("CHILDINFO" ("SUBSCRIBED"))
                S: * LIST (\\Subscribed \\HasChildren) "/" eps2 ("CHILDINFO" ("SUBSCRIBED"))
                S: * LIST (\\HasChildren) "/" foo2 ("CHILDINFO" ("SUBSCRIBED"))
                S: * LIST (\\NonExistent \\HasChildren) "/" qux2 ("CHILDINFO" ("SUBSCRIBED"))
                S: D02 OK LIST completed
                C: D03 LIST (SUBSCRIBED) "" "%"
                S: * LIST (\\Subscribed) "/" eps2
                S: D03 OK LIST completed
                """);
    }

    @Test
    public void invalidCombinationsAreBad() {
        f.run(HELLO + """
                C: 1 LIST (RECURSIVEMATCH) "" *
                S: 1 BAD RECURSIVEMATCH needs the SUBSCRIBED selection option
                C: 2 LIST (REMOTE RECURSIVEMATCH) "" *
                S: 2 BAD RECURSIVEMATCH needs the SUBSCRIBED selection option
                C: 3 LIST (SPECIAL-USE RECURSIVEMATCH) "" *
                S: 3 BAD RECURSIVEMATCH needs the SUBSCRIBED selection option
                C: 4 LIST (BOGUS) "" *
                S: 4 BAD Unknown LIST selection option
                C: 5 LIST "" * RETURN (BOGUS)
                S: 5 BAD Unknown LIST return option
                C: 6 LIST "" ()
                S: 6 BAD Expected at least one mailbox pattern
                C: 7 LIST "" * RETURN (STATUS ())
                S: 7 BAD STATUS needs at least one item
                C: 8 LIST "" * RETURN (STATUS (MESSAGES) STATUS (UNSEEN))
                S: 8 BAD STATUS given twice
                C: 9 LIST "" * RETURN (STATUS (MESSAGES BOGUS))
                S: 9 BAD Unknown STATUS item
                C: 10 LIST "" * RETURN (STATUS)
                S: 10 BAD Expected a parenthesized list
                C: 11 LIST "" * RETURN CHILDREN
                S: 11 BAD Expected a parenthesized list
                C: 12 LIST "" * CHILDREN
                S: 12 BAD Unexpected extra argument
                C: 13 LIST ("SUBSCRIBED") "" *
                S: 13 BAD Expected an atom
                C: 14 LSUB (SUBSCRIBED) "" *
                S~ 14 BAD .*
                C: 15 LIST (SUBSCRIBED)
                S: 15 BAD Missing argument
                C: 16 LIST "" *
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: 16 OK LIST completed
                """);
    }

    @Test
    public void listStatusFollowsEachSelectableMailbox() {
        f.deliver("alice", "INBOX", "abc\r\n", Flags.SEEN);
        f.deliver("alice", "INBOX", "defgh\r\n", 0);
        f.deliver("alice", "Work", "x\r\n", 0);
        mailboxes("Work/Old");
        subscribe("Work/Old", "Gone");
        f.run(HELLO + """
                C: 1 LIST "" % RETURN (STATUS (MESSAGES UNSEEN))
                S: * LIST () "/" INBOX
                S: * STATUS INBOX (MESSAGES 2 UNSEEN 1)
                S: * LIST () "/" Work
                S: * STATUS Work (MESSAGES 1 UNSEEN 1)
                S: 1 OK LIST completed
                C: 2 LIST "" * RETURN (STATUS (UIDNEXT SIZE MESSAGES) CHILDREN)
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * STATUS INBOX (UIDNEXT 3 SIZE 12 MESSAGES 2)
                S: * LIST (\\HasChildren) "/" Work
                S: * STATUS Work (UIDNEXT 2 SIZE 3 MESSAGES 1)
                S: * LIST (\\HasNoChildren) "/" Work/Old
                S: * STATUS Work/Old (UIDNEXT 1 SIZE 0 MESSAGES 0)
                S: 2 OK LIST completed
                C: 3 LIST (SUBSCRIBED RECURSIVEMATCH) "" % RETURN (STATUS (MESSAGES))
                S: * LIST (\\Subscribed \\NonExistent) "/" Gone
                S: * LIST () "/" Work ("CHILDINFO" ("SUBSCRIBED"))
                S: 3 OK LIST completed
                C: 4 LIST (SUBSCRIBED) "" * RETURN (STATUS (MESSAGES))
                S: * LIST (\\Subscribed \\NonExistent) "/" Gone
                S: * LIST (\\Subscribed) "/" Work/Old
                S: * STATUS Work/Old (MESSAGES 0)
                S: 4 OK LIST completed
                """);
        // RECENT is known for the mailbox this session has selected
        ImapFixture.Client c = f.client().login().select("INBOX");
        assertEquals("* LIST () \"/\" INBOX\r\n* STATUS INBOX (RECENT 2)\r\n6 OK LIST completed\r\n",
                c.send("6 LIST \"\" INBOX RETURN (STATUS (RECENT))"));
    }

    @Test
    public void listStatusHighestModSeqEnablesCondstore() {
        ImapFixture.Client c = f.client().login();
        String out = c.send("1 LIST \"\" INBOX RETURN (STATUS (HIGHESTMODSEQ))");
        assertTrue(out, out.matches("\\* LIST \\(\\) \"/\" INBOX\r\n\\* STATUS INBOX \\(HIGHESTMODSEQ \\d+\\)\r\n"
                + "1 OK LIST completed\r\n"));
        String enabled = c.send("2 ENABLE CONDSTORE");
        assertTrue("CONDSTORE was enabled already: " + enabled, !enabled.contains("CONDSTORE"));
    }

    @Test
    public void aSuperiorWithoutMailboxIsNonExistentOrNoselect() {
        // CREATE always makes superiors; a store may still hold a name without its superior
        mailboxes("music/rock");
        f.run(HELLO + """
                C: 1 LIST "" %
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * LIST (\\Noselect \\HasChildren) "/" music
                S: 1 OK LIST completed
                C: 2 LIST "" % RETURN (CHILDREN STATUS (MESSAGES))
                S: * LIST (\\HasNoChildren) "/" INBOX
                S: * STATUS INBOX (MESSAGES 0)
                S: * LIST (\\NonExistent \\HasChildren) "/" music
                S: 2 OK LIST completed
                """);
    }

    @Test
    public void esearchThroughTheSession() {
        f.deliver("alice", "INBOX", ImapFixture.message("one"), Flags.SEEN);
        f.deliver("alice", "INBOX", ImapFixture.message("two"), 0);
        f.deliver("alice", "INBOX", ImapFixture.message("three"), 0);
        ImapFixture.Client c = f.client().login().select("INBOX");
        assertEquals("* ESEARCH (TAG \"1\") MIN 2 MAX 3 COUNT 2 ALL 2:3\r\n1 OK SEARCH completed\r\n",
                c.send("1 SEARCH RETURN (MIN MAX COUNT ALL) UNSEEN"));
        assertEquals("* ESEARCH (TAG \"2\") UID COUNT 1 ALL 1\r\n2 OK SEARCH completed\r\n",
                c.send("2 UID SEARCH RETURN (COUNT ALL) SEEN"));
        assertEquals("* ESEARCH (TAG \"3\") UID ALL 1:3\r\n3 OK SEARCH completed\r\n",
                c.send("3 UID SEARCH RETURN () ALL"));
        assertEquals("* ESEARCH (TAG \"4\") COUNT 0\r\n4 OK SEARCH completed\r\n",
                c.send("4 SEARCH RETURN (MIN COUNT) SUBJECT nothing"));
        assertEquals("* ESEARCH (TAG \"5\") UID MAX 3\r\n5 OK SEARCH completed\r\n",
                c.send("5 UID SEARCH RETURN (MAX) CHARSET UTF-8 SUBJECT t"));
        assertEquals("* SEARCH 2 3\r\n6 OK SEARCH completed\r\n", c.send("6 SEARCH UNSEEN"));
        String bad = c.send("7 SEARCH RETURN (SAVE) ALL");
        assertTrue(bad, bad.startsWith("7 BAD "));
    }
}
