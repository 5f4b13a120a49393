package org.mailshelf.protocol.imap.search;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.zip.CRC32;
import java.util.zip.CheckedOutputStream;

/**
 * A mailbox's search index as the store keeps it between restarts ({@code MailStore.derived}): what the index
 * holds, the UIDVALIDITY it belongs to, and a CRC-32. An index kept earlier than the mailbox's last change is
 * still right (messages never change, UIDs are never reused within a UIDVALIDITY): the next search adds the
 * messages that arrived since, as it does for an index in memory.
 */
final class KeptIndex {

    /** The store's name for this data; a new format gets a new name. */
    static final String KIND = "imap-search-1";
    private static final int MAGIC = 0x4D534931; // "MSI1"

    private KeptIndex() {
    }

    static byte[] write(MailboxIndex index, long uidValidity) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 16);
        // the CRC is taken as the bytes are written: a large index is not copied once more to checksum it
        CRC32 crc = new CRC32();
        try (DataOutputStream out = new DataOutputStream(
                new BufferedOutputStream(new CheckedOutputStream(bytes, crc), 1 << 16))) {
            out.writeInt(MAGIC);
            out.writeLong(uidValidity);
            index.writeTo(out);
            out.flush();
            out.writeLong(crc.getValue());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // in memory: cannot happen
        }
        return bytes.toByteArray();
    }

    /** The index, or null when the bytes are damaged or belong to another UIDVALIDITY. */
    static MailboxIndex read(byte[] bytes, long uidValidity) {
        if (bytes.length < 4 + 8 + 8 || ByteBuffer.wrap(bytes).getLong(bytes.length - 8)
                != crc(bytes, bytes.length - 8)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, bytes.length - 8))) {
            if (in.readInt() != MAGIC || in.readLong() != uidValidity) {
                return null;
            }
            return MailboxIndex.readFrom(in);
        } catch (IOException e) {
            return null;
        }
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
