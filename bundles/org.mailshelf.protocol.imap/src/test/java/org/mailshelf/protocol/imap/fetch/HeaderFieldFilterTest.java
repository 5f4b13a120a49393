package org.mailshelf.protocol.imap.fetch;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.protocol.imap.fetch.TestMessages.bytes;
import static org.mailshelf.protocol.imap.fetch.TestMessages.string;

import java.util.List;

import org.junit.Test;

public class HeaderFieldFilterTest {

    private static String fields(String header, boolean include, String... names) {
        byte[] b = bytes(header);
        return string(HeaderFieldFilter.filter(b, 0, b.length, List.of(names), include));
    }

    @Test
    public void foldedFieldsKeepAllTheirLines() {
        String h = "Received: from a\r\n\tby b\r\n  with c\r\nSubject: s\r\nReceived: from d\r\n\r\n";
        assertEquals("Received: from a\r\n\tby b\r\n  with c\r\nReceived: from d\r\n\r\n",
                fields(h, true, "RECEIVED"));
        assertEquals("Subject: s\r\n\r\n", fields(h, false, "RECEIVED"));
    }

    @Test
    public void whiteSpaceBeforeTheColonAndEmptyValues() {
        String h = "Subject : old style\r\nTo:\r\nCc:x\r\n\r\n";
        assertEquals("Subject : old style\r\nTo:\r\nCc:x\r\n\r\n", fields(h, true, "SUBJECT", "TO", "CC"));
    }

    @Test
    public void namesArePrefixesOfNothing() {
        assertEquals("\r\n", fields("Subjects: x\r\nSubjec: y\r\n\r\n", true, "SUBJECT"));
    }

    @Test
    public void linesWithoutColonOnlyInTheComplement() {
        String h = "garbage line\r\nTo: x\r\n\r\n";
        assertEquals("To: x\r\n\r\n", fields(h, true, "TO", "GARBAGE"));
        assertEquals("garbage line\r\n\r\n", fields(h, false, "TO"));
    }

    @Test
    public void stopsAtTheEmptyLineAndKeepsLfOnlyLines() {
        assertEquals("To: x\n\r\n", fields("To: x\n\nTo: body\n", true, "TO"));
    }

    @Test
    public void emptyHeader() {
        assertEquals("\r\n", fields("", true, "TO"));
        assertEquals("\r\n", fields("\r\n", false, "TO"));
    }
}
