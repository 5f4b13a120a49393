package org.mailshelf.protocol.pop3;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class DotStuffingTest {

    private static String frame(String content) {
        byte[] b = content.getBytes(StandardCharsets.US_ASCII);
        return new String(DotStuffing.frame("H\r\n".getBytes(StandardCharsets.US_ASCII), b, b.length),
                StandardCharsets.US_ASCII);
    }

    @Test
    public void stuffsDotsAtLineStartsOnly() {
        assertEquals("H\r\n..a\r\nb.c\r\n...\r\n.\r\n", frame(".a\r\nb.c\r\n..\r\n"));
    }

    @Test
    public void endsUnterminatedContentWithCrlf() {
        assertEquals("H\r\nabc\r\n.\r\n", frame("abc"));
        assertEquals("H\r\n..\r\n.\r\n", frame("."));
    }

    @Test
    public void emptyContentIsJustTheTerminator() {
        assertEquals("H\r\n.\r\n", frame(""));
    }

    @Test
    public void bareLfAlsoStartsALine() {
        assertEquals("H\r\na\n..b\r\n.\r\n", frame("a\n.b\r\n"));
    }

    @Test
    public void framesOnlyThePrefixAskedFor() {
        byte[] b = ".x\r\n.y\r\n".getBytes(StandardCharsets.US_ASCII);
        assertEquals("..x\r\n.\r\n", new String(DotStuffing.frame(new byte[0], b, 4), StandardCharsets.US_ASCII));
    }
}
