package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

public class MessageBytesCacheTest {

    private static byte[] bytes(int n) {
        return new byte[n];
    }

    @Test
    public void keepsContentAndStructureTogether() {
        MessageBytesCache cache = new MessageBytesCache(1 << 20);
        byte[] content = {1, 2, 3};
        byte[] structure = {9};
        cache.put(cache.generation(), 1, 10, content, null);
        cache.put(cache.generation(), 1, 10, null, structure);
        assertArrayEquals(content, cache.content(1, 10));
        assertArrayEquals(structure, cache.structure(1, 10));
        assertNull(cache.content(2, 10));
    }

    @Test
    public void aReadThatRacedWithARemovalIsNotKept() {
        MessageBytesCache cache = new MessageBytesCache(1 << 20);
        long seen = cache.generation();      // a reader is about to read message 10 from the database
        cache.remove(1, List.of(10L));       // meanwhile it is expunged
        cache.put(seen, 1, 10, bytes(5), null); // the reader comes back with what it read before the expunge
        assertNull(cache.content(1, 10));
    }

    @Test
    public void removalsAndMailboxDeletionDropEntries() {
        MessageBytesCache cache = new MessageBytesCache(1 << 20);
        cache.put(cache.generation(), 1, 10, bytes(5), bytes(1));
        cache.put(cache.generation(), 1, 11, bytes(5), null);
        cache.put(cache.generation(), 2, 10, bytes(5), null);
        cache.remove(1, List.of(10L));
        assertNull(cache.content(1, 10));
        assertNull(cache.structure(1, 10));
        cache.removeMailbox(1);
        assertNull(cache.content(1, 11));
        assertArrayEquals(bytes(5), cache.content(2, 10));
    }

    @Test
    public void staysWithinItsBudgetDroppingTheLeastRecentlyUsed() {
        MessageBytesCache cache = new MessageBytesCache(3 * (1000 + 96));
        for (long uid = 1; uid <= 3; uid++) {
            cache.put(cache.generation(), 1, uid, bytes(1000), null);
        }
        cache.content(1, 1); // used: message 2 is now the least recently used
        cache.put(cache.generation(), 1, 4, bytes(1000), null);
        assertNull(cache.content(1, 2));
        assertArrayEquals(bytes(1000), cache.content(1, 1));
        assertArrayEquals(bytes(1000), cache.content(1, 4));
    }

    @Test
    public void largeMessagesAndADisabledCacheKeepNothing() {
        MessageBytesCache cache = new MessageBytesCache(16 << 20);
        cache.put(cache.generation(), 1, 1, bytes(MessageBytesCache.LARGEST_CACHED + 1), null);
        assertNull(cache.content(1, 1));
        MessageBytesCache off = new MessageBytesCache(0);
        off.put(off.generation(), 1, 1, bytes(10), null);
        assertNull(off.content(1, 1));
    }
}
