package org.mailshelf.store.derby.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.api.MessageMeta;

public class MetadataSnapshotTest {

    private static final List<MessageMeta> MESSAGES = List.of(
            new MessageMeta(1, 5, 1200, Instant.ofEpochMilli(1_700_000_000_123L), Flags.of(Flags.SEEN)),
            new MessageMeta(7, 9, 80_000_000_000L, Instant.ofEpochMilli(0), Flags.of(0)),
            new MessageMeta(8, 12, 3, Instant.ofEpochMilli(1_800_000_000_000L),
                    Flags.of(Flags.SEEN | Flags.FLAGGED, List.of("$Work", "Zürich"))),
            new MessageMeta(Long.MAX_VALUE - 1, 13, 3, Instant.ofEpochMilli(1), Flags.of(Flags.SEEN)));

    @Test
    public void decodesWhatItEncoded() {
        assertEquals(MESSAGES, MetadataSnapshot.decode(MetadataSnapshot.encode(MESSAGES)));
        assertEquals(List.of(), MetadataSnapshot.decode(MetadataSnapshot.encode(List.of())));
    }

    @Test
    public void refusesADamagedOrTruncatedSnapshot() {
        byte[] good = MetadataSnapshot.encode(MESSAGES);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 1;
        assertThrows(IllegalArgumentException.class, () -> MetadataSnapshot.decode(flipped));
        assertThrows(IllegalArgumentException.class,
                () -> MetadataSnapshot.decode(Arrays.copyOf(good, good.length - 1)));
        assertThrows(IllegalArgumentException.class, () -> MetadataSnapshot.decode(new byte[3]));
        assertThrows(IllegalArgumentException.class, () -> MetadataSnapshot.decode(new byte[64]));
    }
}
