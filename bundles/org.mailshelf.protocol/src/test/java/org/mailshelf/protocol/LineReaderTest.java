package org.mailshelf.protocol;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertSame;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class LineReaderTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    public void splitsPipelinedLinesAndWaitsForTheRest() {
        LineReader r = new LineReader(100);
        r.feed(b("USER a\r\nPASS b\r\nST"));
        assertArrayEquals(b("USER a"), r.next());
        assertArrayEquals(b("PASS b"), r.next());
        assertNull(r.next());
        r.feed(b("AT\r\n"));
        assertArrayEquals(b("STAT"), r.next());
        assertNull(r.next());
    }

    @Test
    public void acceptsBareLfAndKeepsInnerCr() {
        LineReader r = new LineReader(100);
        r.feed(b("a\rb\nc\r\n"));
        assertArrayEquals(b("a\rb"), r.next());
        assertArrayEquals(b("c"), r.next());
    }

    @Test
    public void crAndLfSplitAcrossFeeds() {
        LineReader r = new LineReader(100);
        r.feed(b("NOOP\r"));
        assertNull(r.next());
        r.feed(b("\n"));
        assertArrayEquals(b("NOOP"), r.next());
    }

    @Test
    public void overlongLineIsDroppedWithoutBufferingAndReaderRecovers() {
        LineReader r = new LineReader(10);
        for (int i = 0; i < 1000; i++) {
            r.feed(b("xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"));
            assertNull(r.next());
        }
        r.feed(b("yy\r\nQUIT\r\n"));
        assertSame(LineReader.TOO_LONG, r.next());
        assertArrayEquals(b("QUIT"), r.next());
        assertNull(r.next());
    }

    @Test
    public void lineExactlyAtTheLimitIsAccepted() {
        LineReader r = new LineReader(4);
        r.feed(b("ABCD\r\n"));
        assertArrayEquals(b("ABCD"), r.next());
        r.feed(b("ABCDE\r\n"));
        assertSame(LineReader.TOO_LONG, r.next());
        assertTrue(!r.hasBufferedData());
    }
}
