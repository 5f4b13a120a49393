package org.mailshelf.mime;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.mailshelf.mime.Messages.crlf;
import static org.mailshelf.mime.Messages.utf8;

import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;

import org.junit.Test;

/** Decoded top-level header values for SEARCH. */
public class HeaderSearchTest {

    @Test
    public void encodedWordsUtf8AndLatin1QAndB() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.MIXED);
        assertEquals("Grüße and café", s.subject().orElseThrow());
        MessageStructure q = MessageAnalyzer.analyze(crlf(
                "Subject: =?utf-8?q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=",
                "From: =?ISO-8859-1?B?SvZyZw==?= <j@example.de>",
                "", ""));
        assertEquals("Grüße aus Köln", q.subject().orElseThrow());
        assertEquals("Jörg <j@example.de>", q.from().orElseThrow());
    }

    @Test
    public void adjacentEncodedWordsJoinWithoutSpace() {
        MessageStructure s = MessageAnalyzer.analyze(crlf(
                "Subject: =?UTF-8?Q?one?=", " =?UTF-8?Q?two?=", "", ""));
        assertEquals("onetwo", s.subject().orElseThrow());
    }

    @Test
    public void rawUtf8HeadersDecodeAsUtf8AndLatin1Otherwise() {
        MessageStructure s = MessageAnalyzer.analyze(crlf("Subject: " + utf8("Grüße"), "X-Latin: caf\u00e9", "", ""));
        assertEquals("Grüße", s.subject().orElseThrow());
        assertEquals(List.of("café"), s.headerValues("x-latin"));
    }

    @Test
    public void addressFieldsAndCaseInsensitiveLookup() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.MIXED);
        assertEquals("\"Doe, John\" <john@example.com>", s.from().orElseThrow());
        assertEquals("Team: alice@example.com, Bob <bob@example.com>;, carol@example.org", s.to().orElseThrow());
        assertEquals("undisclosed-recipients:;", s.cc().orElseThrow());
        assertFalse(s.bcc().isPresent());
        assertEquals("<m1@example.com>", s.messageId().orElseThrow());
        assertEquals(List.of("<m0@example.com>"), s.headerValues("IN-REPLY-TO"));
        assertEquals(List.of(), s.headerValues("X-Absent"));
    }

    @Test
    public void onlyTopLevelHeadersAreKept() {
        MessageStructure s = MessageAnalyzer.analyze(Messages.MIXED);
        assertEquals(List.of("multipart/mixed; boundary=outer"), s.headerValues("Content-Type"));
    }

    @Test
    public void foldedHeaderIsUnfolded() {
        MessageStructure s = MessageAnalyzer.analyze(crlf("Subject: a long", "\tfolded subject", "", ""));
        assertEquals("a long\tfolded subject", s.subject().orElseThrow());
    }

    @Test
    public void repeatedFieldsAreAllSearchable() {
        MessageStructure s = MessageAnalyzer.analyze(crlf("Received: one", "Received: two", "To: a@x",
                "To: b@x", "", ""));
        assertEquals(List.of("one", "two"), s.headerValues("received"));
        assertEquals("a@x, b@x", s.to().orElseThrow());
    }

    @Test
    public void datesParsedLeniently() {
        assertDate("Wed, 17 Jul 1996 02:23:25 -0700 (PDT)", ZonedDateTime.of(1996, 7, 17, 2, 23, 25, 0,
                ZoneOffset.ofHours(-7)));
        assertDate("1 Feb 2024 10:00 +0100", ZonedDateTime.of(2024, 2, 1, 10, 0, 0, 0, ZoneOffset.ofHours(1)));
        assertDate("Mon, 3 Jan 05 09:10:11 GMT", ZonedDateTime.of(2005, 1, 3, 9, 10, 11, 0, ZoneOffset.UTC));
        assertDate("Thu Mar  7 14:00:00 2002", ZonedDateTime.of(2002, 3, 7, 14, 0, 0, 0, ZoneOffset.UTC));
        assertDate("5 Nov 1999 23:59:59 EST", ZonedDateTime.of(1999, 11, 5, 23, 59, 59, 0, ZoneOffset.ofHours(-5)));
        assertFalse(MessageAnalyzer.analyze(crlf("Date: someday", "", "")).date().isPresent());
        assertFalse(MessageAnalyzer.analyze(crlf("Date: 31 Feb 2020 10:00 +0000", "", "")).date().isPresent());
        assertFalse(MessageAnalyzer.analyze(crlf("Subject: x", "", "")).date().isPresent());
    }

    private static void assertDate(String header, ZonedDateTime expected) {
        MessageStructure s = MessageAnalyzer.analyze(crlf("Date: " + header, "", ""));
        assertEquals(header, expected, s.date().orElseThrow());
    }
}
