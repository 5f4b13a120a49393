package org.mailshelf.protocol.imap;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

import org.mailshelf.api.store.MailStore;

/**
 * Reads what a FETCH needs of many messages in few store calls: messages next to each other in the session's
 * view are read together, the structures of up to {@value #MAX_MESSAGES} at once and their contents up to
 * {@value #MAX_BATCH_BYTES} bytes at once. A large message's content is left to be read on its own, when it
 * is rendered, so a batch never holds more than about a megabyte.
 */
final class MessageLoader {
    static final int MAX_MESSAGES = 256;
    static final long MAX_BATCH_BYTES = 1 << 20;
    static final long LARGEST_BATCHED = 256 << 10;

    private MessageLoader() {
    }

    /**
     * The messages with these sequence numbers (ascending), with structure and/or content read ahead, one batch
     * at a time as the caller goes on, so that only one batch is held at once.
     */
    static Iterable<List<SelectedMessage>> batches(MailStore store, SelectedMailbox mailbox, int[] msns,
            boolean structure, boolean content) {
        return () -> new Iterator<>() {
            private int start;

            @Override
            public boolean hasNext() {
                return start < msns.length;
            }

            @Override
            public List<SelectedMessage> next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                int end = start + 1;
                long bytes = size(mailbox, msns[start]);
                while (end < msns.length && end - start < MAX_MESSAGES && msns[end] == msns[end - 1] + 1
                        && (!content || bytes + size(mailbox, msns[end]) <= MAX_BATCH_BYTES)) {
                    bytes += size(mailbox, msns[end]);
                    end++;
                }
                List<SelectedMessage> batch = load(store, mailbox, msns, start, end, structure, content);
                start = end;
                return batch;
            }
        };
    }

    private static List<SelectedMessage> load(MailStore store, SelectedMailbox mailbox, int[] msns, int from,
            int to, boolean structure, boolean content) {
        List<Long> uids = new ArrayList<>();
        List<Long> small = new ArrayList<>();
        for (int i = from; i < to; i++) {
            long uid = mailbox.uid(msns[i]);
            uids.add(uid);
            if (mailbox.meta(msns[i]).size() <= LARGEST_BATCHED) {
                small.add(uid);
            }
        }
        boolean batched = to - from > 1;
        Map<Long, byte[]> structures = structure && batched ? store.structures(mailbox.id(), uids) : Map.of();
        Map<Long, byte[]> contents = content && batched && !small.isEmpty()
                ? store.contents(mailbox.id(), small) : Map.of();
        List<SelectedMessage> messages = new ArrayList<>(to - from);
        for (int i = from; i < to; i++) {
            long uid = uids.get(i - from);
            messages.add(new SelectedMessage(store, mailbox, msns[i], structures.get(uid), contents.get(uid)));
        }
        return messages;
    }

    /** What a message counts against a content batch: nothing when it is read on its own. */
    private static long size(SelectedMailbox mailbox, int msn) {
        long size = mailbox.meta(msn).size();
        return size <= LARGEST_BATCHED ? size : 0;
    }
}
