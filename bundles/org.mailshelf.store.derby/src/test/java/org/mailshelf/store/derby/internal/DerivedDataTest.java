package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;
import java.util.Optional;

import org.junit.Rule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.MailboxInfo;

/** What a protocol keeps about a mailbox survives a restart, is replaced by kind, and goes with the mailbox. */
public class DerivedDataTest {

    @Rule
    public TemporaryFolder tmp = new TemporaryFolder();

    @Test
    public void keptAcrossARestartReplacedByKindAndDeletedWithTheMailbox() throws Exception {
        Path dir = tmp.newFolder().toPath().resolve("db");
        long box;
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            box = store.createMailbox("alice", "Archive").id();
            assertEquals(Optional.empty(), store.derived(box, "imap-search-1"));
            store.keepDerived(box, "imap-search-1", new byte[] {1, 2});
            store.keepDerived(box, "imap-search-1", new byte[] {3});
            store.keepDerived(box, "other", new byte[] {9});
        }
        try (DerbyMailStore store = new DerbyMailStore(dir)) {
            assertArrayEquals(new byte[] {3}, store.derived(box, "imap-search-1").orElseThrow());
            assertArrayEquals(new byte[] {9}, store.derived(box, "other").orElseThrow());
            store.deleteMailbox("alice", "Archive");
            assertEquals(Optional.empty(), store.derived(box, "imap-search-1"));
            store.keepDerived(box, "imap-search-1", new byte[] {4}); // the mailbox is gone: nothing is kept
            assertEquals(Optional.empty(), store.derived(box, "imap-search-1"));
            long inbox = store.createMailbox("alice", MailboxInfo.INBOX).id();
            assertTrue("ids are never reused", inbox != box);
            assertEquals(Optional.empty(), store.derived(inbox, "other"));
        }
    }
}
