package org.mailshelf.protocol.imap;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MailboxInfo;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SequenceSet;
import org.mailshelf.store.memory.MemoryMailStore;

public class SelectedMailboxTest {

    private final MemoryMailStore store = new MemoryMailStore();
    private final MailboxInfo box = store.createMailbox("u", "INBOX");

    private SelectedMailbox open() {
        return SelectedMailbox.open(store, box, () -> { }, false);
    }

    @Test
    public void resolvesUidsAndSequenceNumbers() throws ParseException {
        for (int i = 0; i < 10; i++) {
            store.append(box.id(), new byte[] {'x'}, Flags.NONE, Instant.now());
        }
        store.expunge(box.id(), List.of(2L, 3L, 7L));
        SelectedMailbox m = open();
        assertEquals(7, m.size());
        assertArrayEquals(new int[] {1, 2, 3}, m.resolve(SequenceSet.parse("1:5"), true));
        assertArrayEquals(new int[] {7}, m.resolve(SequenceSet.parse("20:*"), true));
        assertArrayEquals(new int[] {5, 6, 7}, m.resolve(SequenceSet.parse("5:*"), false));
        assertEquals(4, m.msn(6));
        assertEquals(0, m.msn(7));
        try {
            m.resolve(SequenceSet.parse("8"), false);
            throw new AssertionError("accepted a sequence number beyond the last message");
        } catch (ParseException expected) {
            // fine
        }
    }

    @Test
    public void uidFetchOfAllOnALargeMailboxIsFast() throws ParseException {
        List<Long> toExpunge = new ArrayList<>();
        for (int i = 1; i <= 100_000; i++) {
            store.append(box.id(), new byte[] {'x'}, Flags.NONE, Instant.now());
            if (i % 3 == 0) {
                toExpunge.add((long) i);
            }
        }
        store.expunge(box.id(), toExpunge);
        SelectedMailbox m = open();
        long start = System.nanoTime();
        for (int i = 0; i < 20; i++) {
            assertEquals(m.size(), m.resolve(SequenceSet.parse("1:*"), true).length);
            assertEquals(m.size(), m.uids(m.resolve(SequenceSet.parse("1:*"), false)).size());
        }
        assertTrue("too slow", System.nanoTime() - start < 2_000_000_000L);
    }
}
