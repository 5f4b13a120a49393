package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.mime.Messages.body;
import static org.mailshelf.mime.Messages.crlf;
import static org.mailshelf.mime.Messages.str;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.Test;

/** Broken input never throws and always yields offsets that lie inside the message and nest properly. */
public class MalformedMessagesTest {

    @Test
    public void emptyMessage() {
        MessageStructure s = analyzeChecked(new byte[0]);
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", str(s.envelope()));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)",
                str(s.bodyStructure(false)));
        assertEquals(0, s.size());
    }

    @Test
    public void noHeaderBodySeparatorMeansAllHeader() {
        byte[] m = crlf("Subject: only headers", "From: a@b.c");
        MessageStructure s = analyzeChecked(m);
        assertEquals("only headers", s.subject().orElseThrow());
        assertEquals(m.length, s.part("").orElseThrow().bodyStart());
        assertEquals("", body(m, s, ""));
    }

    @Test
    public void messageStartingWithBlankLineHasEmptyHeader() {
        byte[] m = crlf("", "just a body");
        MessageStructure s = analyzeChecked(m);
        assertEquals("just a body\r\n", body(m, s, ""));
        assertFalse(s.subject().isPresent());
    }

    @Test
    public void garbageHeaderLinesAreSkipped() {
        byte[] m = crlf("this is not a header", ": no name", "Subject: kept", "", "b");
        MessageStructure s = analyzeChecked(m);
        assertEquals("kept", s.subject().orElseThrow());
        assertEquals("b\r\n", body(m, s, ""));
    }

    @Test
    public void missingFinalBoundaryRunsToEnd() {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "", "one", "--b", "", "two");
        MessageStructure s = analyzeChecked(m);
        assertEquals("one", body(m, s, "1"));
        assertEquals("two\r\n", body(m, s, "2"));
    }

    @Test
    public void wrongBoundaryParameterMeansNoParts() {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=\"right\"", "", "--wrong", "", "x", "--wrong--");
        MessageStructure s = analyzeChecked(m);
        Part empty = s.part("1").orElseThrow();
        assertEquals(m.length, empty.bodyStart());
        assertEquals(m.length, empty.bodyEnd());
    }

    @Test
    public void multipartWithoutBoundaryIsALeaf() {
        byte[] m = crlf("Content-Type: multipart/mixed", "", "--x", "", "text");
        MessageStructure s = analyzeChecked(m);
        assertEquals("(\"multipart\" \"mixed\" NIL NIL NIL \"7BIT\" 13)", str(s.bodyStructure(false)));
    }

    @Test
    public void invalidContentTypeFallsBackToDefault() {
        MessageStructure s = analyzeChecked(crlf("Content-Type: garbage;;;=", "", "x"));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 1)",
                str(s.bodyStructure(false)));
    }

    @Test
    public void encodedMultipartIsOpaque() {
        byte[] m = crlf("Content-Type: message/rfc822", "Content-Transfer-Encoding: base64", "", "U3ViamVjdDogeA0K");
        MessageStructure s = analyzeChecked(m);
        assertEquals("(\"message\" \"rfc822\" NIL NIL NIL \"base64\" 18)", str(s.bodyStructure(false)));
        assertFalse(s.part("1.1").isPresent());
    }

    @Test
    public void badBase64AndQuotedPrintableAreNotDecodedAndDoNotMatter() {
        byte[] m = crlf("Content-Type: multipart/mixed; boundary=b", "", "--b", "Content-Transfer-Encoding: base64",
                "", "!!!not base64===", "--b", "Content-Transfer-Encoding: quoted-printable", "", "bad =ZZ =",
                "--b--");
        MessageStructure s = analyzeChecked(m);
        assertEquals("!!!not base64===", body(m, s, "1"));
        assertEquals("bad =ZZ =", body(m, s, "2"));
    }

    @Test
    public void nulAndEightBitInHeaders() {
        byte[] m = "Subject: a\0b\u00ff\r\nFrom: \0<x@y>\r\n\r\nbody".getBytes(StandardCharsets.ISO_8859_1);
        MessageStructure s = analyzeChecked(m);
        // NUL cannot appear in an IMAP literal; it is dropped from the envelope string, the rest kept as octets
        assertTrue(str(s.envelope()).startsWith("(NIL {3}\r\nab\u00ff "));
        assertEquals("a\0b\u00ff", s.subject().orElseThrow());
    }

    @Test
    public void brokenEncodedWordsAndUnknownCharsets() {
        MessageStructure s = analyzeChecked(crlf("Subject: =?x-unknown?Q?abc?= =?utf-8?B?!!!?= =?utf-8?Q?ok?=",
                "", ""));
        assertTrue(s.subject().orElseThrow().endsWith("ok"));
    }

    @Test
    public void brokenAddresses() {
        MessageStructure s = analyzeChecked(crlf("From: <<@>>, \"unterminated, (comment <a@b",
                "To: group: a@b, c@d", "Cc: ;;,,:", "", ""));
        assertTrue(str(s.envelope()).startsWith("(NIL NIL (("));
    }

    @Test
    public void deeplyNestedMultipartsAreCappedNotRecursedForever() {
        // "z" keeps boundaries from being prefixes of each other (b1 would match --b10)
        StringBuilder sb = new StringBuilder();
        int depth = 5_000;
        for (int i = 0; i < depth; i++) {
            sb.append("Content-Type: multipart/mixed; boundary=b").append(i).append("z\r\n\r\n--b").append(i)
                    .append("z\r\n");
        }
        sb.append("\r\ninnermost\r\n");
        byte[] m = sb.toString().getBytes(StandardCharsets.US_ASCII);
        MessageStructure s = analyzeChecked(m);
        String path = "1" + ".1".repeat(49);
        assertTrue(s.part(path).isPresent());
        assertFalse(s.part(path + ".1").isPresent());
    }

    @Test
    public void deeplyNestedMessagesAreCapped() {
        byte[] m = ("Content-Type: message/rfc822\r\n\r\n").repeat(2_000).concat("\r\nend\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        MessageStructure s = analyzeChecked(m);
        assertTrue(s.part("1" + ".1".repeat(49)).isPresent());
        assertFalse(s.part("1" + ".1".repeat(51)).isPresent());
    }

    @Test
    public void hugeHeaderCount() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            sb.append("X-H").append(i).append(": v\r\n");
        }
        sb.append("Subject: late\r\n\r\nbody\r\n");
        byte[] m = sb.toString().getBytes(StandardCharsets.US_ASCII);
        MessageStructure s = analyzeChecked(m);
        // the search index keeps the first MAX_SEARCH_FIELDS fields; offsets and body still cover the whole message
        assertEquals(1, s.headerValues("X-H" + (MessageAnalyzer.MAX_SEARCH_FIELDS - 1)).size());
        assertEquals(0, s.headerValues("X-H" + MessageAnalyzer.MAX_SEARCH_FIELDS).size());
        assertEquals("body\r\n", body(m, s, ""));
    }

    @Test
    public void randomBytesNeverThrow() {
        Random random = new Random(42);
        String alphabet = "ab-:;=\"<>@,.()\r\n\r\n \t\0\u00e9=?Q?B?";
        for (int i = 0; i < 2_000; i++) {
            StringBuilder sb = new StringBuilder("Content-Type: multipart/mixed; boundary=ab\r\n\r\n");
            int n = random.nextInt(400);
            for (int j = 0; j < n; j++) {
                sb.append(random.nextInt(8) == 0 ? "\r\n--ab" : String.valueOf(alphabet.charAt(random.nextInt(
                        alphabet.length()))));
            }
            MessageStructure s = analyzeChecked(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(s.toBytes().length, MessageStructure.fromBytes(s.toBytes()).toBytes().length);
        }
    }

    /** Analyses without the opaque fallback and checks that every part lies within the message and its header precedes its body. */
    static MessageStructure analyzeChecked(byte[] m) {
        MessageStructure s = MessageAnalyzer.analyzeEntities(m);
        for (Part p : s.parts()) {
            check(p, m.length);
        }
        return s;
    }

    private static void check(Part p, int length) {
        assertTrue(p.toString(), 0 <= p.headerStart() && p.headerStart() <= p.headerEnd());
        assertTrue(p.toString(), p.headerEnd() == p.bodyStart() && p.bodyStart() <= p.bodyEnd());
        assertTrue(p.toString(), p.bodyEnd() <= length);
        p.message().ifPresent(nested -> {
            assertTrue(nested.headerStart() >= p.bodyStart() && nested.bodyEnd() <= p.bodyEnd());
            check(nested, length);
        });
    }
}
