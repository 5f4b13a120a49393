package org.mailshelf.store.derby.internal;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;

/**
 * A mailbox's message metadata as one byte array, written when the store closes and read instead of the listing
 * at the next start: one sequential read of a few megabytes rather than a 100,000-row index scan that runs in
 * Derby's cold, interpreted code (some 400 ms). Flag combinations are stored once in a table, each message
 * refers to one (a mailbox has a handful); a CRC-32 at the end catches a damaged record.
 */
final class MetadataSnapshot {

    private static final int MAGIC = 0x4D534D31; // "MSM1"
    /** uid, modseq, size, internal date (millis), flag-table index. */
    private static final int MESSAGE_BYTES = 8 + 8 + 8 + 8 + 4;

    private MetadataSnapshot() {
    }

    static byte[] encode(List<MessageMeta> messages) {
        Map<Flags, Integer> table = new HashMap<>();
        List<Flags> combinations = new ArrayList<>();
        for (MessageMeta m : messages) {
            table.computeIfAbsent(m.flags(), f -> {
                combinations.add(f);
                return combinations.size() - 1;
            });
        }
        byte[] flagTable = flagTable(combinations);
        ByteBuffer out = ByteBuffer.allocate(4 + 4 + flagTable.length + 4 + messages.size() * MESSAGE_BYTES + 8);
        out.putInt(MAGIC).putInt(flagTable.length).put(flagTable).putInt(messages.size());
        for (MessageMeta m : messages) {
            out.putLong(m.uid()).putLong(m.modSeq()).putLong(m.size()).putLong(m.internalDate().toEpochMilli())
                    .putInt(table.get(m.flags()));
        }
        out.putLong(crc(out.array(), out.position()));
        return out.array();
    }

    /** @throws IllegalArgumentException if the bytes are not a whole, intact snapshot */
    static List<MessageMeta> decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        try {
            if (bytes.length < 8 + 4 + 4 + 4 || in.getInt() != MAGIC
                    || in.getLong(bytes.length - 8) != crc(bytes, bytes.length - 8)) {
                throw new IllegalArgumentException("not an intact metadata snapshot");
            }
            Flags[] combinations = readFlagTable(in);
            int count = in.getInt();
            if (count < 0 || in.remaining() != (long) count * MESSAGE_BYTES + 8) {
                throw new IllegalArgumentException("metadata snapshot of the wrong length");
            }
            List<MessageMeta> messages = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                messages.add(new MessageMeta(in.getLong(), in.getLong(), in.getLong(),
                        Instant.ofEpochMilli(in.getLong()), combinations[in.getInt()]));
            }
            return messages;
        } catch (BufferUnderflowException | IndexOutOfBoundsException | NegativeArraySizeException e) {
            throw new IllegalArgumentException("truncated metadata snapshot", e);
        }
    }

    private static byte[] flagTable(List<Flags> combinations) {
        ByteBuffer out = ByteBuffer.allocate(4 + combinations.stream().mapToInt(MetadataSnapshot::flagBytes).sum());
        out.putInt(combinations.size());
        for (Flags f : combinations) {
            out.putInt(f.system()).putInt(f.keywords().size());
            for (String keyword : f.keywords()) {
                byte[] name = keyword.getBytes(StandardCharsets.UTF_8);
                out.putInt(name.length).put(name);
            }
        }
        return out.array();
    }

    private static int flagBytes(Flags f) {
        return 8 + f.keywords().stream().mapToInt(k -> 4 + k.getBytes(StandardCharsets.UTF_8).length).sum();
    }

    private static Flags[] readFlagTable(ByteBuffer in) {
        in.getInt(); // the table's length, for readers that skip it
        Flags[] combinations = new Flags[in.getInt()];
        for (int i = 0; i < combinations.length; i++) {
            int system = in.getInt();
            List<String> keywords = new ArrayList<>();
            for (int k = in.getInt(); k > 0; k--) {
                byte[] name = new byte[in.getInt()];
                in.get(name);
                keywords.add(new String(name, StandardCharsets.UTF_8));
            }
            combinations[i] = keywords.isEmpty() ? Flags.of(system) : Flags.of(system, keywords);
        }
        return combinations;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
