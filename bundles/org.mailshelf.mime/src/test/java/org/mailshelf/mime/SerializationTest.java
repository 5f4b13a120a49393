package org.mailshelf.mime;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.fail;
import static org.mailshelf.mime.Messages.crlf;

import java.util.ArrayList;
import java.util.List;

import org.junit.Test;

public class SerializationTest {

    @Test
    public void roundTripKeepsEverything() {
        for (byte[] m : List.of(Messages.RFC3501_EXAMPLE, Messages.ALTERNATIVE, Messages.MIXED, new byte[0],
                crlf("Subject: " + Messages.utf8("Grüße"), "", "x"))) {
            MessageStructure s = MessageAnalyzer.analyze(m);
            byte[] data = s.toBytes();
            assertEquals(StructureCodec.VERSION, data[0]);
            MessageStructure back = MessageStructure.fromBytes(data);
            assertArrayEquals(s.envelope(), back.envelope());
            assertArrayEquals(s.bodyStructure(true), back.bodyStructure(true));
            assertArrayEquals(s.bodyStructure(false), back.bodyStructure(false));
            assertEquals(new ArrayList<>(s.parts()), new ArrayList<>(back.parts()));
            assertEquals(s.subject(), back.subject());
            assertEquals(s.from(), back.from());
            assertEquals(s.to(), back.to());
            assertEquals(s.date(), back.date());
            assertEquals(s.messageId(), back.messageId());
            assertEquals(s.headerValues("Content-Type"), back.headerValues("content-type"));
            assertArrayEquals(data, back.toBytes());
        }
    }

    @Test
    public void nestedMessagePartSurvives() {
        MessageStructure back = MessageStructure.fromBytes(MessageAnalyzer.analyze(Messages.MIXED).toBytes());
        Part nested = back.part("3").orElseThrow().message().orElseThrow();
        assertEquals("multipart", nested.mediaType());
        assertFalse(back.part("1").orElseThrow().message().isPresent());
    }

    @Test
    public void compact() {
        int size = MessageAnalyzer.analyze(Messages.MIXED).toBytes().length;
        System.out.println("serialized structure of a 3-part message with nested rfc822: " + size + " bytes, message "
                + Messages.MIXED.length + " bytes");
    }

    @Test
    public void rejectsUnknownVersionAndCorruption() {
        byte[] data = MessageAnalyzer.analyze(Messages.MIXED).toBytes();
        expectRejected(new byte[0]);
        byte[] otherVersion = data.clone();
        otherVersion[0] = 99;
        expectRejected(otherVersion);
        for (int cut = 1; cut < data.length; cut += 7) {
            expectRejected(java.util.Arrays.copyOf(data, cut));
        }
    }

    private static void expectRejected(byte[] data) {
        try {
            MessageStructure.fromBytes(data);
            fail("accepted " + data.length + " bytes");
        } catch (IllegalArgumentException expected) {
            // the store must re-analyse the message instead
        }
    }
}
