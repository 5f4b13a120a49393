package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertArrayEquals;
import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;

public class ArgumentReaderTest {

    private static ArgumentReader args(String arguments) {
        return Feed.command((arguments.isEmpty() ? "t X" : "t X " + arguments) + "\r\n").reader();
    }

    private interface Read {
        void run(ArgumentReader r) throws ParseException;
    }

    private static void fails(String arguments, Read read, String message) {
        try {
            read.run(args(arguments));
            fail("expected ParseException for " + arguments);
        } catch (ParseException e) {
            assertEquals(message, e.getMessage());
        }
    }

    @Test
    public void astringForms() throws ParseException {
        ArgumentReader r = args("joe] \"p w\" {3+}\r\n\u00e9x!");
        assertEquals("joe]", r.astring());
        assertEquals("p w", r.astring());
        assertArrayEquals(new byte[] {(byte) 0xe9, 'x', '!'}, r.astringBytes());
        r.end();
        fails("a%b", ArgumentReader::astring, "Expected a string");
        fails("(a)", ArgumentReader::astring, "Expected a quoted string or literal");
        fails("", r2 -> r2.next(), "Missing argument");
    }

    @Test
    public void nstringDistinguishesNilFromQuotedNil() throws ParseException {
        ArgumentReader r = args("NIL \"NIL\" nil");
        assertNull(r.nstring());
        assertEquals("NIL", r.nstring());
        assertNull(r.nstring());
        fails("abc", ArgumentReader::nstring, "Expected a quoted string or literal");
    }

    @Test
    public void numbers() throws ParseException {
        ArgumentReader r = args("0 4294967295 7");
        assertEquals(0, r.number());
        assertEquals(4294967295L, r.number());
        assertEquals(7, r.nzNumber());
        fails("4294967296", ArgumentReader::number, "Number out of range");
        fails("99999999999999999999", ArgumentReader::number, "Number out of range");
        fails("0", ArgumentReader::nzNumber, "Expected a non-zero number");
        fails("-1", ArgumentReader::number, "Expected a number");
        fails("\"1\"", ArgumentReader::number, "Expected a number");
    }

    @Test
    public void listsAndFlags() throws ParseException {
        ArgumentReader r = args("(\\Seen $Forwarded \\*) () (a (b))");
        assertTrue(r.nextIsList());
        assertEquals(List.of("\\Seen", "$Forwarded", "\\*"), r.flagList());
        assertEquals(List.of(), r.flagList());
        ArgumentReader outer = r.list();
        assertEquals("a", outer.atom());
        ArgumentReader inner = outer.list();
        assertEquals("b", inner.atom());
        inner.end();
        outer.end();
        r.end();
        fails("(\\)", ArgumentReader::flagList, "Invalid flag");
        fails("(a*b)", ArgumentReader::flagList, "Invalid flag");
        fails("a", ArgumentReader::list, "Expected a parenthesized list");
    }

    @Test
    public void keywordsAndPeeking() throws ParseException {
        ArgumentReader r = args("FETCH 1:3 uid");
        assertEquals("FETCH", r.peekAtom());
        assertFalse(r.tryAtom("STORE"));
        assertTrue(r.tryAtom("fetch"));
        assertEquals(SequenceSet.parse("1:3"), r.sequenceSet());
        assertEquals("UID", r.keyword());
        assertTrue(r.atEnd());
        assertNull(r.peek());
        fails("a b", ArgumentReader::end, "Unexpected extra argument");
    }

    @Test
    public void sequenceSetArgument() {
        fails("1,,2", ArgumentReader::sequenceSet, "Invalid sequence set");
        fails("0", ArgumentReader::sequenceSet, "Invalid number in sequence set");
        fails("a", ArgumentReader::sequenceSet, "Expected a sequence set");
    }

    @Test
    public void mailboxAndPatterns() throws ParseException {
        ArgumentReader r = args("inbox InBoX.sub \"\" %/*]");
        assertEquals("INBOX", r.mailbox());
        assertEquals("InBoX.sub", r.mailbox());
        assertEquals("", r.listMailbox());
        assertEquals("%/*]", r.listMailbox());
    }

    @Test
    public void appendArguments() throws ParseException {
        ArgumentReader r = args("INBOX (\\Seen) \" 7-Feb-2024 13:05:09 +0100\" ~{2+}\r\n\0\1");
        assertEquals("INBOX", r.mailbox());
        assertEquals(List.of("\\Seen"), r.flagList());
        assertEquals(OffsetDateTime.of(2024, 2, 7, 13, 5, 9, 0, ZoneOffset.ofHours(1)), r.dateTime());
        Token.Literal message = r.literal();
        assertTrue(message.binary());
        assertArrayEquals(new byte[] {0, 1}, message.bytes());
        fails("7-Feb-2024", ArgumentReader::dateTime, "Expected a quoted date-time");
        fails("\"x\"", ArgumentReader::literal, "Expected a literal");
    }

    @Test
    public void searchDates() throws ParseException {
        ArgumentReader r = args("1-Feb-1994 \"15-mar-2020\"");
        assertEquals(LocalDate.of(1994, 2, 1), r.date());
        assertEquals(LocalDate.of(2020, 3, 15), r.date());
    }

    @Test
    public void sections() throws ParseException {
        // sections exist only in FETCH (see CommandLexer.atom)
        ArgumentReader fetch = Feed.command(
                "t FETCH 1 (body.peek[1.2.HEADER.FIELDS (From \"To\")]<0.100> FLAGS)\r\n").reader();
        fetch.sequenceSet();
        ArgumentReader r = fetch.list();
        SectionSpec s = r.section();
        assertEquals("BODY.PEEK", s.attribute());
        assertEquals(List.of(1, 2), s.part());
        assertEquals("HEADER.FIELDS", s.text());
        assertEquals(List.of("From", "To"), s.headerFields());
        assertEquals(0, s.partialOffset());
        assertEquals(100, s.partialLength());
        assertEquals("FLAGS", r.atom());
    }
}
