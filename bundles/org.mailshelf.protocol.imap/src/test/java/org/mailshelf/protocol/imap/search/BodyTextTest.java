package org.mailshelf.protocol.imap.search;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.Test;

public class BodyTextTest {

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] qp(String s) {
        return TransferDecoding.quotedPrintable(bytes(s), 0, s.length());
    }

    @Test
    public void decodesTextPartsOnly() {
        String text = BodyText.extract(new TestMessage(Mail.MIXED));
        assertEquals("Grüße aus Köln, schöne Straße\r\n\n"
                + "Ça coûte très cher à Genève, a soft break\n"
                + "nested needle", text);
    }

    @Test
    public void charsetFallbacks() {
        assertEquals("café crème\r\n", BodyText.extract(new TestMessage(Mail.LATIN1_NO_DATE)));
        assertEquals("café crème, decomposed: cafe\u0301\r\n", BodyText.extract(new TestMessage(Mail.UTF8_RAW)));
        // a declared charset Java does not know falls back the same way
        String unknown = Mail.crlf("Content-Type: text/plain; charset=x-unknown\n\ncaf\u00e9\n");
        assertEquals("café\r\n", BodyText.extract(new TestMessage(unknown)));
        // US-ASCII labels on UTF-8 bytes are common
        String ascii = Mail.crlf("Content-Type: text/plain; charset=us-ascii\n\ncaf\u00c3\u00a9\n");
        assertEquals("café\r\n", BodyText.extract(new TestMessage(ascii)));
    }

    @Test
    public void headerHasRawLinesAndDecodedValues() {
        String header = BodyText.header(new TestMessage(Mail.MIXED));
        assertTrue(header, header.contains("X-Priority: 1"));
        assertTrue(header, header.contains("carol@example.com, dave@example.com"));
        assertTrue(header, header.contains("naïve"));
        assertTrue(header, header.contains("Été déjeuner"));
        assertTrue(header, header.contains("André <andre@example.org>"));
        assertFalse(header, header.contains("preamble"));
        assertTrue(header, header.contains("Subject: inner subject\nX-Inner: yes"));
    }

    @Test
    public void base64IsLenient() {
        assertArrayEquals(bytes("secret attachment"), TransferDecoding.decode(
                bytes("c2Vj\r\ncmV0IGF0\r\n dGFj aG1lbnQ=\r\n"), 0, 31, "BASE64"));
        assertArrayEquals(bytes("ab"), TransferDecoding.base64(bytes("YWI"), 0, 3));
        assertArrayEquals(bytes("a"), TransferDecoding.base64(bytes("YQ=garbage"), 0, 10));
        assertArrayEquals(bytes("a"), TransferDecoding.base64(bytes("Y!Q\u00ff"), 0, 4));
        assertArrayEquals(new byte[0], TransferDecoding.base64(bytes("Y"), 0, 1));
    }

    @Test
    public void quotedPrintableIsLenient() {
        assertArrayEquals(bytes("caf\u00e9 au lait"),
                qp("caf=E9 au =\r\nlait"));
        assertArrayEquals(bytes("ab"), qp("a= \t\nb"));
        assertArrayEquals(bytes("\u00e9"), qp("=e9"));
        assertArrayEquals(bytes("1=2 =G0"), qp("1=2 =G0"));
        assertArrayEquals(bytes("end"), qp("end="));
        assertArrayEquals(bytes("x=4"), qp("x=4"));
        assertArrayEquals(bytes("same"), TransferDecoding.decode(bytes("same"), 0, 4, "8bit"));
    }

    @Test
    public void toleratesOffsetsBeyondTheContent() {
        // an opaque or inconsistent structure must not make SEARCH fail
        assertEquals("", BodyText.extract(new TestMessage(new byte[0])));
    }
}
