package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

/** Prints analysis throughput on small messages; deliberately asserts nothing about time. */
public class ThroughputTest {

    @Test
    public void analyseTenThousandSmallMessages() {
        byte[][] messages = new byte[10_000][];
        long bytes = 0;
        for (int i = 0; i < messages.length; i++) {
            byte[] base = i % 2 == 0 ? Messages.MIXED : Messages.ALTERNATIVE;
            String prefix = "Message-ID: <" + i + "@example.com>\r\n";
            messages[i] = (prefix + new String(base, StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.ISO_8859_1);
            bytes += messages[i].length;
        }
        for (int round = 0; round < 3; round++) {
            for (byte[] m : messages) {
                MessageAnalyzer.analyze(m).toBytes();  // warm-up: let the JIT compile the hot paths
            }
        }
        long start = System.nanoTime();
        int parts = 0;
        for (byte[] m : messages) {
            parts += MessageAnalyzer.analyze(m).toBytes().length > 0 ? 1 : 0;
        }
        long nanos = System.nanoTime() - start;
        assertEquals(messages.length, parts);
        System.out.printf("analysed %d messages (%d KiB) in %d ms: %.0f messages/s, %.1f MiB/s (incl. toBytes)%n",
                messages.length, bytes / 1024, nanos / 1_000_000, messages.length / (nanos / 1e9),
                bytes / (nanos / 1e9) / (1 << 20));
    }
}
