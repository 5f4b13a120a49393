package org.mailshelf.protocol.lmtp;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.lmtp.LmtpFixture.RawSession;

/** Input the line-based transcripts cannot express: raw bytes, odd line endings, split packets, hang-ups. */
public class LmtpRawInputTest {

    private static final String ENVELOPE = "LHLO c\r\nMAIL FROM:<a@remote.org>\r\nRCPT TO:<alice>\r\nDATA\r\n";
    private static final String ENVELOPE_REPLIES = "220 localhost LMTP ready\r\n250-localhost\r\n250-PIPELINING\r\n"
            + "250-ENHANCEDSTATUSCODES\r\n250-8BITMIME\r\n250 SIZE 52428800\r\n250 2.1.0 OK\r\n250 2.1.5 OK\r\n"
            + "354 Start mail input; end with <CRLF>.<CRLF>\r\n";

    private final LmtpFixture lmtp = new LmtpFixture();

    @Test
    public void eightBitBytesAndInnerCarriageReturnsArePreservedExactly() {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = 0; b < 256; b++) {
            if (b != '\n' && b != '\r') {
                line.write(b);
            }
        }
        byte[] body = concat(line.toByteArray(), bytes("\r\nbare\rcarriage return\r\n"));
        RawSession session = lmtp.raw().send(ENVELOPE).send(body).send(".\r\n");
        assertEquals(ENVELOPE_REPLIES + "250 2.0.0 <alice> Delivered\r\n", session.output());
        byte[] expected = concat(bytes("Return-Path: <a@remote.org>\r\n"), body);
        assertArrayEquals(expected, lmtp.inboxBytes("alice").get(0));
    }

    @Test
    public void bareLineFeedsBecomeCrlf() {
        lmtp.raw().send(ENVELOPE).send("Subject: unix\n\nline one\n..dotted\r\nline two\n.\n");
        assertEquals(List.of("Return-Path: <a@remote.org>\r\nSubject: unix\r\n\r\nline one\r\n.dotted\r\n"
                + "line two\r\n"), lmtp.inbox("alice"));
    }

    @Test
    public void aSessionFedOneByteAtATimeWorks() {
        RawSession session = lmtp.raw();
        for (byte b : bytes(ENVELOPE + "Subject: slow\r\n\r\n..\r\n.\r\nQUIT\r\n")) {
            session.send(new byte[] {b});
        }
        assertEquals(ENVELOPE_REPLIES + "250 2.0.0 <alice> Delivered\r\n221 2.0.0 Bye\r\n", session.output());
        assertEquals(List.of("Return-Path: <a@remote.org>\r\nSubject: slow\r\n\r\n.\r\n"), lmtp.inbox("alice"));
        assertTrue(session.connection.isClosed());
    }

    @Test
    public void shutdownMidDataAnswers421StoresNothingAndIgnoresTheRest() {
        RawSession session = lmtp.raw().send(ENVELOPE).send("Subject: cut\r\n\r\nhalf\r\n");
        session.output();
        session.handler.shutdown();
        assertEquals("421 4.3.2 localhost Service shutting down\r\n", session.output());
        session.send(".\r\n");
        assertEquals("", session.output());
        assertEquals(List.of(), lmtp.inbox("alice"));
    }

    @Test
    public void idleTimeoutMidDataAnswers421AndStoresNothing() {
        RawSession session = lmtp.raw().send(ENVELOPE).send("Subject: stalled\r\n\r\nhalf\r\n");
        session.output();
        session.handler.idleTimeout();
        assertEquals("421 4.4.2 localhost Idle for too long, closing the connection\r\n", session.output());
        assertEquals(List.of(), lmtp.inbox("alice"));
    }

    @Test
    public void hangingUpMidDataStoresNothing() {
        RawSession session = lmtp.raw().send(ENVELOPE).send("Subject: cut\r\n\r\nhalf a mess");
        session.output();
        session.handler.closed();
        session.send("age\r\n.\r\n");
        assertEquals("", session.output());
        assertEquals(List.of(), lmtp.inbox("alice"));
        assertEquals(List.of(), lmtp.store.mailboxes("alice"));
    }

    @Test
    public void dataLinesMayBeLongerThanCommandLinesAndTheCommandLimitComesBack() {
        String longLine = "b".repeat(5000);
        RawSession session = lmtp.raw().send(ENVELOPE).send(longLine + "\r\n.\r\nNOOP " + longLine + "\r\nNOOP\r\n");
        assertEquals(ENVELOPE_REPLIES + "250 2.0.0 <alice> Delivered\r\n500 5.5.2 Line too long\r\n"
                + "250 2.0.0 OK\r\n", session.output());
        assertEquals(List.of("Return-Path: <a@remote.org>\r\n" + longLine + "\r\n"), lmtp.inbox("alice"));
    }

    @Test
    public void aDataLineOverOneMebibyteFailsTheMessageButNotTheSession() {
        String huge = "h".repeat(IncomingMessage.MAX_DATA_LINE + 1);
        RawSession session = lmtp.raw().send("LHLO c\r\nMAIL FROM:<>\r\nRCPT TO:<alice>\r\nRCPT TO:<bob>\r\n"
                + "DATA\r\nfirst\r\n");
        session.output();
        session.send(huge.substring(0, 1000)).send(huge.substring(1000)).send("\r\nlast\r\n.\r\nNOOP\r\n");
        assertEquals("554 5.6.0 Message has a line longer than 1 MiB\r\n"
                + "554 5.6.0 Message has a line longer than 1 MiB\r\n250 2.0.0 OK\r\n", session.output());
        assertEquals(List.of(), lmtp.inbox("alice"));
    }

    @Test
    public void aDataLineOfExactlyOneMebibyteIsFine() {
        String big = "g".repeat(IncomingMessage.MAX_DATA_LINE);
        lmtp.raw().send(ENVELOPE).send(big + "\r\n.\r\n");
        assertEquals(List.of("Return-Path: <a@remote.org>\r\n" + big + "\r\n"), lmtp.inbox("alice"));
    }

    @Test
    public void theDeliveryRepliesAreOneWrite() {
        RawSession session = lmtp.raw().send("LHLO c\r\nMAIL FROM:<>\r\nRCPT TO:<alice>\r\nRCPT TO:<bob>\r\n"
                + "DATA\r\n");
        int before = session.connection.writeCount();
        session.send("x\r\n.\r\n");
        assertEquals(before + 1, session.connection.writeCount());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }
}
