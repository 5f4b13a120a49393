package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.protocol.imap.codec.Feed.bytes;
import static org.mailshelf.protocol.imap.codec.Feed.results;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.Test;

public class CommandReceiverTest {

    private static final String PIPELINE = "a1 NOOP\r\n"
            + "a2 LOGIN {4}\r\nuser {6+}\r\np\"a\r\nw\r\n"
            + "a3 APPEND INBOX (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {5}\r\nab\0\r\n\r\n"
            + "a4 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From \"To\")]<0.100>)\r\n"
            + "a5 SELECT ~{3+}\r\n\u00ff\u00fe\u00fd\r\n"
            + "a6 LOGOUT\n";

    private static final List<String> PIPELINE_RESULTS = List.of(
            "a1 NOOP",
            "+ a2 4",
            "a2 LOGIN {4}user {6}p\"a\r\nw",
            "+ a3 5",
            "a3 APPEND INBOX (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {5}ab\0\r\n",
            "a4 FETCH 1:* (FLAGS BODY.PEEK[HEADER.FIELDS (From \"To\")]<0.100>)",
            "a5 SELECT ~{3}\u00ff\u00fe\u00fd",
            "a6 LOGOUT");

    private static CommandReceiver receiver() {
        return new CommandReceiver(ReceiverLimits.defaults().withBinaryLiterals(true));
    }

    @Test
    public void pipelinedCommandsAllAtOnce() {
        assertEquals(PIPELINE_RESULTS, results(receiver(), bytes(PIPELINE)));
    }

    @Test
    public void sameResultsFedOneByteAtATime() {
        byte[] all = bytes(PIPELINE);
        byte[][] chunks = new byte[all.length][];
        for (int i = 0; i < all.length; i++) {
            chunks[i] = new byte[] {all[i]};
        }
        assertEquals(PIPELINE_RESULTS, results(receiver(), chunks));
    }

    @Test
    public void sameResultsSplitAtEveryPoint() {
        byte[] all = bytes(PIPELINE);
        for (int split = 0; split <= all.length; split++) {
            List<String> got = results(receiver(), Arrays.copyOfRange(all, 0, split),
                    Arrays.copyOfRange(all, split, all.length));
            assertEquals("split at " + split, PIPELINE_RESULTS, got);
        }
    }

    @Test
    public void consumesOnlyUpToTheEndOfEachCommand() {
        CommandReceiver r = receiver();
        ByteBuffer in = ByteBuffer.wrap(bytes("a1 STARTTLS\r\nsecret bytes"));
        assertEquals("a1 STARTTLS", Feed.describe(r.receive(in)));
        assertEquals("secret bytes".length(), in.remaining());
    }

    @Test
    public void syncLiteralContinuationIsReportedOnce() {
        CommandReceiver r = receiver();
        assertEquals(List.of("+ a1 10"), results(r, bytes("a1 LOGIN {10}\r\n")));
        assertEquals(List.of(), results(r, bytes("01234")));
        assertEquals(List.of(), results(r, bytes("56789")));
        assertEquals(List.of("a1 LOGIN {10}0123456789 pw"), results(r, bytes(" pw\r\n")));
    }

    @Test
    public void literalPlusNeedsNoContinuation() {
        assertEquals(List.of("a1 LOGIN {4}user {2}pw"), results("a1 LOGIN {4+}\r\nuser {2+}\r\npw\r\n"));
    }

    @Test
    public void emptyLiterals() {
        assertEquals(List.of("+ a1 0", "a1 LOGIN {0} {0}"), results("a1 LOGIN {0}\r\n {0+}\r\n\r\n"));
    }

    @Test
    public void literalBytesAreKeptExactly() {
        byte[] data = new byte[256];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) i;
        }
        ByteArrayOutputStream in = new ByteArrayOutputStream();
        in.writeBytes(bytes("x APPEND box {256+}\r\n"));
        in.writeBytes(data);
        in.writeBytes(bytes("\r\n"));
        Command c = (Command) receiver().receive(ByteBuffer.wrap(in.toByteArray()));
        assertArrayEquals(data, ((Token.Literal) c.arguments().get(1)).bytes());
    }

    @Test
    public void literalInsideListAndNested() {
        assertEquals(List.of("a1 X (a {2}b) ({1}c))"), results("a1 X (a {2+}\r\nb) ({1+}\r\nc))\r\n"));
    }

    @Test
    public void braceInsideQuotedStringIsNoLiteral() {
        assertEquals(List.of("a1 LOGIN \"u\" \"{5}\""), results("a1 LOGIN \"u\" \"{5}\"\r\n"));
    }

    @Test
    public void emptyLinesBetweenCommandsAreIgnored() {
        assertEquals(List.of("a1 NOOP", "a2 NOOP"), results("\r\na1 NOOP\r\n\r\n\na2 NOOP\r\n"));
    }

    @Test
    public void tooLongLineIsRefusedWithItsTagAndNotBuffered() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLineLength(100));
        assertEquals(List.of(), results(r, bytes("t7 LOGIN ")));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 160; i++) { // 10 MiB
            assertEquals(List.of(), results(r, chunk));
            assertTrue("buffer stays small", r.bufferedCapacity() <= 1024);
        }
        assertEquals(List.of("ERROR t7 LINE_TOO_LONG Line too long", "t8 NOOP"),
                results(r, bytes("\r\nt8 NOOP\r\n")));
    }

    @Test
    public void lineExactlyAtTheLimitIsAccepted() {
        String line = "a1 NOOP " + "x".repeat(100 - 8);
        assertEquals(100, line.length());
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLineLength(100));
        assertEquals(List.of("a1 NOOP " + "x".repeat(92)), results(r, bytes(line + "\r\n")));
        assertEquals(List.of("ERROR a1 LINE_TOO_LONG Line too long"), results(r, bytes(line + "x\r\n")));
        assertEquals(List.of("ERROR a1 LINE_TOO_LONG Line too long"), results(r, bytes(line + "xx\r\n")));
    }

    @Test
    public void lineLimitCountsAllLinesOfACommand() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLineLength(30));
        assertEquals(List.of("ERROR a1 LINE_TOO_LONG Line too long", "a2 NOOP"),
                results(r, bytes("a1 X {1+}\r\na " + "y".repeat(30) + "\r\na2 NOOP\r\n")));
    }

    @Test
    public void tooLongLineEndingInNonSyncLiteralSkipsTheLiteral() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLineLength(20));
        assertEquals(List.of("ERROR a1 LINE_TOO_LONG Line too long", "a2 NOOP"),
                results(r, bytes("a1 LOGIN " + "x".repeat(50) + " {9+}\r\na2 NOOP\r\n\r\na2 NOOP\r\n")));
    }

    @Test
    public void tooBigSyncLiteralIsRefusedWithoutContinuation() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLiteralSize(10));
        assertEquals(List.of("ERROR a1 LITERAL_TOO_BIG Literal too big", "a2 NOOP"),
                results(r, bytes("a1 APPEND INBOX {11}\r\na2 NOOP\r\n")));
    }

    @Test
    public void tooBigNonSyncLiteralIsSkippedNotBuffered() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLiteralSize(1000));
        assertEquals(List.of(), results(r, bytes("a1 APPEND INBOX {10485760+}\r\n")));
        byte[] chunk = new byte[64 * 1024];
        Arrays.fill(chunk, (byte) '\n'); // line ends inside the literal must not count
        for (int i = 0; i < 160; i++) {
            assertEquals(List.of(), results(r, chunk));
            assertTrue(r.bufferedCapacity() <= 1024);
        }
        // the rest of the command line, with another literal in it, is skipped too
        assertEquals(List.of("ERROR a1 LITERAL_TOO_BIG Literal too big", "a2 NOOP"),
                results(r, bytes(" rest {3+}\r\nabc)\r\na2 NOOP\r\n")));
    }

    @Test
    public void literalMinusRefusesNonSyncLiteralsAbove4096() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withLiteralMinus(true));
        assertEquals(List.of("a1 X {4096}" + "z".repeat(4096)),
                results(r, bytes("a1 X {4096+}\r\n" + "z".repeat(4096) + "\r\n")));
        assertEquals(List.of("ERROR a2 LITERAL_TOO_BIG Literal too big", "a3 NOOP"),
                results(r, bytes("a2 X {4097+}\r\n" + "z".repeat(4097) + "\r\na3 NOOP\r\n")));
        assertEquals(List.of("+ a4 5000"), results(r, bytes("a4 X {5000}\r\n")));
    }

    @Test
    public void totalCommandSizeIsLimited() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLiteralSize(100)
                .withMaxCommandSize(120));
        assertEquals(List.of("ERROR a1 COMMAND_TOO_BIG Command too big", "a2 NOOP"), results(r,
                bytes("a1 X {100+}\r\n" + "a".repeat(100) + " {50+}\r\n" + "b".repeat(50) + "\r\na2 NOOP\r\n")));
    }

    @Test
    public void binaryLiteralsRefusedUnlessEnabled() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults());
        assertEquals(List.of("ERROR a1 BINARY_LITERAL Binary literals are not supported", "a2 NOOP"),
                results(r, bytes("a1 APPEND INBOX ~{3}\r\na2 NOOP\r\n")));
        assertEquals(List.of("ERROR a3 BINARY_LITERAL Binary literals are not supported", "a4 NOOP"),
                results(r, bytes("a3 APPEND INBOX ~{3+}\r\n\0\0\0\r\na4 NOOP\r\n")));
    }

    @Test
    public void literalLineEndsAreNotCommandEnds() {
        assertEquals(List.of("a1 X {4}\r\n\r\n"), results("a1 X {4+}\r\n\r\n\r\n\r\n"));
    }

    @Test
    public void syntaxErrorCarriesTagAndReceiverRecovers() {
        assertEquals(List.of("ERROR a1 SYNTAX Unterminated quoted string", "a2 NOOP"),
                results("a1 LOGIN \"user\r\na2 NOOP\r\n"));
    }

    @Test
    public void garbageWithoutTagIsAnsweredUntagged() {
        assertEquals(List.of("ERROR null SYNTAX Missing or invalid tag", "a2 NOOP"),
                results("*** \0\u0001garbage\r\na2 NOOP\r\n"));
    }

    @Test
    public void abandonedCommandAfterContinuation() {
        CommandReceiver r = receiver();
        assertEquals(List.of("+ a1 30"), results(r, bytes("a1 APPEND nosuchbox {30}\r\n")));
        r.abandonCommand();
        assertEquals(List.of("a2 NOOP"), results(r, bytes("a2 NOOP\r\n")));
    }

    @Test
    public void rawLineOnRequest() {
        CommandReceiver r = receiver();
        assertEquals(List.of("a1 AUTHENTICATE PLAIN"), results(r, bytes("a1 AUTHENTICATE PLAIN\r\n")));
        r.expectRawLine();
        ByteBuffer in = ByteBuffer.wrap(bytes("AGZvbwBiYXI= {5}\r\na2 NOOP\r\n"));
        Received line = r.receive(in);
        assertEquals("LINE AGZvbwBiYXI= {5}", Feed.describe(line));
        assertFalse(line.toString().contains("AGZv"));
        assertEquals("a2 NOOP", Feed.describe(r.receive(in)));
        assertNull(r.receive(in));
    }

    @Test
    public void tooLongRawLineIsAnError() {
        CommandReceiver r = new CommandReceiver(ReceiverLimits.defaults().withMaxLineLength(16));
        r.expectRawLine();
        assertEquals(List.of("ERROR null LINE_TOO_LONG Line too long", "a1 NOOP"),
                results(r, bytes("x".repeat(40) + "\r\na1 NOOP\r\n")));
    }

    @Test
    public void hugeAnnouncedSizeIsTooBig() {
        assertEquals(List.of("ERROR a1 LITERAL_TOO_BIG Literal too big"),
                results("a1 X {99999999999999999999999}\r\n"));
    }

    @Test
    public void commandToStringHidesArguments() {
        Command c = Feed.command("a1 LOGIN joe secret\r\n");
        assertEquals("a1 LOGIN <2 arguments>", c.toString());
    }
}
