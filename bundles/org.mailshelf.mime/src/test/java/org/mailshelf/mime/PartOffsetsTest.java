package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.mailshelf.mime.Messages.body;
import static org.mailshelf.mime.Messages.crlf;
import static org.mailshelf.mime.Messages.header;
import static org.mailshelf.mime.Messages.slice;
import static org.mailshelf.mime.Messages.utf8;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import org.junit.Test;

/** BODY[section] slicing: offsets must cut the stored bytes exactly as RFC 3501 6.4.5 numbers the parts. */
public class PartOffsetsTest {

    @Test
    public void singlePartMessage() {
        byte[] m = Messages.RFC3501_EXAMPLE;
        MessageStructure s = MessageAnalyzer.analyze(m);
        Part whole = s.part("").orElseThrow();
        assertEquals(0, whole.headerStart());
        assertTrue(header(m, s, "").endsWith("CHARSET=US-ASCII\r\n\r\n"));
        assertEquals("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n", body(m, s, ""));
        // the single part "1" is the message itself
        assertEquals(body(m, s, ""), body(m, s, "1"));
        assertEquals(header(m, s, ""), header(m, s, "1"));
        assertEquals(m.length, s.size());
        assertFalse(s.part("2").isPresent());
    }

    @Test
    public void alternativeParts() {
        byte[] m = Messages.ALTERNATIVE;
        MessageStructure s = MessageAnalyzer.analyze(m);
        assertEquals("Caf=C3=A9", body(m, s, "1"));
        assertEquals("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n",
                header(m, s, "1"));
        assertEquals(utf8("<p>Café</p>"), body(m, s, "2"));
        assertTrue(body(m, s, "").startsWith("preamble\r\n--XX\r\n"));
        assertTrue(body(m, s, "").endsWith("--XX--\r\nepilogue\r\n"));
        Part p1 = s.part("1").orElseThrow();
        assertEquals("quoted-printable", p1.transferEncoding());
        assertEquals("utf-8", p1.charset().orElseThrow());
        assertEquals(List.of("", "1", "2"), paths(s));
    }

    @Test
    public void nestedMessageSections() {
        byte[] m = Messages.MIXED;
        MessageStructure s = MessageAnalyzer.analyze(m);
        assertEquals(List.of("", "1", "2", "3", "3.1", "3.2"), paths(s));
        assertEquals("See attached.", body(m, s, "1"));
        assertEquals("JVBERi0xLjQK\r\nJSVFT0YK", body(m, s, "2"));
        // 3.MIME: the part's own header; 3: the whole encapsulated message
        assertEquals("Content-Type: message/rfc822\r\n\r\n", header(m, s, "3"));
        assertTrue(body(m, s, "3").startsWith("From: Inner <inner@example.net>\r\n"));
        assertTrue(body(m, s, "3").endsWith("--inner--\r\n"));
        // 3.HEADER and 3.TEXT: the encapsulated message's header and body
        Part nested = s.part("3").orElseThrow().message().orElseThrow();
        assertEquals("From: Inner <inner@example.net>\r\nSubject: inner\r\n"
                + "Content-Type: multipart/alternative; boundary=inner\r\n\r\n",
                slice(m, nested.headerStart(), nested.headerEnd()));
        assertTrue(slice(m, nested.bodyStart(), nested.bodyEnd()).startsWith("--inner\r\n"));
        assertEquals("inner text", body(m, s, "3.1"));
        assertEquals("<b>inner</b>", body(m, s, "3.2"));
        assertEquals("Content-Type: text/html\r\n\r\n", header(m, s, "3.2"));
    }

    @Test
    public void deepPathsLikeOneTwoThree() {
        byte[] m = crlf(
                "Content-Type: multipart/mixed; boundary=a",
                "",
                "--a",
                "Content-Type: multipart/mixed; boundary=b",
                "",
                "--b",
                "",
                "b1",
                "--b",
                "Content-Type: multipart/alternative; boundary=c",
                "",
                "--c",
                "",
                "c1",
                "--c",
                "",
                "c2",
                "--c",
                "",
                "c3",
                "--c--",
                "--b--",
                "--a--");
        MessageStructure s = MessageAnalyzer.analyze(m);
        assertEquals(List.of("", "1", "1.1", "1.2", "1.2.1", "1.2.2", "1.2.3"), paths(s));
        assertEquals("b1", body(m, s, "1.1"));
        assertEquals("c3", body(m, s, "1.2.3"));
        assertTrue(s.part("1.2").orElseThrow().isMultipart());
    }

    @Test
    public void singlePartNestedMessageHasPartOne() {
        byte[] m = crlf(
                "Content-Type: multipart/mixed; boundary=z",
                "",
                "--z",
                "Content-Type: message/rfc822",
                "",
                "Subject: fwd",
                "",
                "forwarded body",
                "--z--");
        MessageStructure s = MessageAnalyzer.analyze(m);
        assertEquals(List.of("", "1", "1.1"), paths(s));
        assertEquals("forwarded body", body(m, s, "1.1"));
        assertEquals("Subject: fwd\r\n\r\n", header(m, s, "1.1"));
    }

    @Test
    public void lfOnlyLineEndings() {
        String text = "From: a@b.c\nSubject: lf\nContent-Type: multipart/mixed; boundary=\"q\"\n\n"
                + "--q\nContent-Type: text/plain\n\nfirst\nline two\n--q\nContent-Type: image/png\n"
                + "Content-Transfer-Encoding: base64\n\niVBORw0KGgo=\n--q--\n";
        byte[] m = text.getBytes(StandardCharsets.US_ASCII);
        MessageStructure s = MessageAnalyzer.analyze(m);
        assertEquals("first\nline two", body(m, s, "1"));
        assertEquals("Content-Type: text/plain\n\n", header(m, s, "1"));
        assertEquals("iVBORw0KGgo=", body(m, s, "2"));
        assertEquals("From: a@b.c\nSubject: lf\nContent-Type: multipart/mixed; boundary=\"q\"\n\n", header(m, s, ""));
        assertEquals("((\"text\" \"plain\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 14 1)"
                + "(\"image\" \"png\" NIL NIL NIL \"base64\" 12) \"mixed\")", Messages.str(s.bodyStructure(false)));
        assertEquals("lf", s.subject().orElseThrow());
    }

    private static List<String> paths(MessageStructure s) {
        return s.parts().stream().map(Part::path).collect(Collectors.toList());
    }
}
