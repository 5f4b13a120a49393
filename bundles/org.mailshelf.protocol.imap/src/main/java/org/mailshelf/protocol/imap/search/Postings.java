package org.mailshelf.protocol.imap.search;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The ascending slots of the messages one word occurs in, as variable-length deltas: most gaps fit in one byte,
 * so a word in every message of a mailbox costs about one byte per message.
 */
final class Postings {
    private byte[] data = new byte[4];
    private int length;
    private int last = -1;

    void writeTo(DataOutputStream out) throws IOException {
        out.writeInt(length);
        out.writeInt(last);
        out.write(data, 0, length);
    }

    static Postings readFrom(DataInputStream in) throws IOException {
        Postings p = new Postings();
        p.length = in.readInt();
        p.last = in.readInt();
        p.data = new byte[p.length + 4];
        in.readFully(p.data, 0, p.length);
        return p;
    }

    /** Adds a slot greater than every slot added before. */
    void add(int slot) {
        int delta = slot - last;
        last = slot;
        if (length + 5 > data.length) {
            data = Arrays.copyOf(data, data.length * 2);
        }
        while ((delta & ~0x7F) != 0) {
            data[length++] = (byte) ((delta & 0x7F) | 0x80);
            delta >>>= 7;
        }
        data[length++] = (byte) delta;
    }

    /** Sets the bit of every slot below {@code limit}. */
    void addTo(BitSet slots, int limit) {
        int slot = -1;
        int i = 0;
        while (i < length) {
            int delta = 0;
            int shift = 0;
            byte b;
            do {
                b = data[i++];
                delta |= (b & 0x7F) << shift;
                shift += 7;
            } while (b < 0);
            slot += delta;
            if (slot >= limit) {
                return;
            }
            slots.set(slot);
        }
    }

    int bytes() {
        return data.length;
    }
}
