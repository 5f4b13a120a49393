package org.mailshelf.protocol.imap.fetch;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.BODY;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.BODYSTRUCTURE;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.ENVELOPE;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.FLAGS;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.INTERNALDATE;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.MODSEQ;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.RFC822;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.RFC822_HEADER;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.RFC822_SIZE;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.RFC822_TEXT;
import static org.mailshelf.protocol.imap.fetch.FetchAttribute.UID;
import static org.mailshelf.protocol.imap.fetch.TestMessages.parse;

import java.util.List;

import org.junit.Test;
import org.mailshelf.protocol.imap.codec.CommandError;
import org.mailshelf.protocol.imap.codec.ParseException;

public class FetchParserTest {

    private static List<String> names(String args) throws ParseException {
        return parse(args, false).items().stream().map(FetchItem::responseName).toList();
    }

    private static void bad(String args, String message) {
        bad(args, false, message);
    }

    private static void bad(String args, boolean uid, String message) {
        try {
            FetchRequest r = parse(args, uid);
            fail("accepted " + args + " as " + r);
        } catch (ParseException e) {
            assertEquals(args, message, e.getMessage());
        }
    }

    @Test
    public void macros() throws ParseException {
        assertEquals(List.of(FLAGS, INTERNALDATE, RFC822_SIZE), parse("FAST", false).items());
        assertEquals(List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE), parse("all", false).items());
        assertEquals(List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY), parse("Full", false).items());
    }

    @Test
    public void everySimpleAttributeInOrder() throws ParseException {
        FetchRequest r = parse("(uid MODSEQ Envelope FLAGS INTERNALDATE RFC822 RFC822.HEADER RFC822.SIZE "
                + "RFC822.TEXT BODY BODYSTRUCTURE)", false);
        assertEquals(List.of(UID, MODSEQ, ENVELOPE, FLAGS, INTERNALDATE, RFC822, RFC822_HEADER, RFC822_SIZE,
                RFC822_TEXT, BODY, BODYSTRUCTURE), r.items());
        assertEquals(-1, r.changedSince());
        assertFalse(r.vanished());
    }

    @Test
    public void singleAttributeWithoutParentheses() throws ParseException {
        assertEquals(List.of(FLAGS), parse("flags", false).items());
        assertEquals(List.of("BODY[]"), names("BODY[]"));
    }

    @Test
    public void duplicatesAreAnsweredOnce() throws ParseException {
        assertEquals(List.of(FLAGS, UID), parse("(FLAGS UID flags)", false).items());
        assertEquals(List.of("BODY[TEXT]"), names("(BODY[TEXT] body[text])"));
    }

    @Test
    public void sections() throws ParseException {
        BodySection s = (BodySection) parse("BODY.PEEK[1.2.HEADER.FIELDS (Subject x-Foo)]<10.20>", false).items()
                .get(0);
        assertTrue(s.peek());
        assertEquals(List.of(1, 2), s.part());
        assertEquals(BodySection.Kind.HEADER_FIELDS, s.kind());
        assertEquals(List.of("SUBJECT", "X-FOO"), s.fields());
        assertEquals(10, s.partialOffset());
        assertEquals(20, s.partialLength());
        assertEquals("BODY[1.2.HEADER.FIELDS (SUBJECT X-FOO)]<10>", s.responseName());

        assertEquals(List.of("BODY[]", "BODY[HEADER]", "BODY[TEXT]", "BODY[1]", "BODY[2.MIME]", "BODY[2.HEADER]",
                "BODY[2.1.TEXT]", "BODY[HEADER.FIELDS.NOT (DATE)]", "BODY[]<0>"),
                names("(BODY[] body.peek[header] BODY[text] BODY[1] BODY[2.mime] BODY[2.HEADER] BODY.PEEK[2.1.TEXT] "
                        + "BODY[HEADER.FIELDS.NOT (Date)] BODY[]<0.1>)"));
    }

    @Test
    public void quotedFieldNamesAreEchoedQuotedWhenNeeded() throws ParseException {
        assertEquals(List.of("BODY[HEADER.FIELDS (SUBJECT FROM)]"),
                names("BODY[HEADER.FIELDS (\"Subject\" From)]"));
        assertEquals(List.of("BODY[HEADER.FIELDS (\"X%Y\" \"A*\" B)]"),
                names("BODY[HEADER.FIELDS (\"x%y\" \"a*\" \"b\")]"));
    }

    @Test
    public void modifiers() throws ParseException {
        FetchRequest r = parse("(FLAGS) (CHANGEDSINCE 12345)", false);
        assertEquals(12345, r.changedSince());
        assertTrue(r.hasChangedSince());
        assertFalse(r.selects(12345));
        assertTrue(r.selects(12346));
        assertTrue(parse("FLAGS", false).selects(1));

        r = parse("(FLAGS) (changedsince 9223372036854775807 vanished)", true);
        assertEquals(Long.MAX_VALUE, r.changedSince());
        assertTrue(r.vanished());
        r = parse("ALL (VANISHED CHANGEDSINCE 0)", true);
        assertEquals(0, r.changedSince());
        assertTrue(r.vanished());
    }

    @Test
    public void badModifiers() {
        bad("(FLAGS) (VANISHED CHANGEDSINCE 5)", false, "VANISHED is allowed with UID FETCH only");
        bad("(FLAGS) (VANISHED)", true, "VANISHED requires CHANGEDSINCE");
        bad("(FLAGS) (CHANGEDSINCE)", "Invalid CHANGEDSINCE mod-sequence");
        bad("(FLAGS) (CHANGEDSINCE x1)", "Invalid CHANGEDSINCE mod-sequence");
        bad("(FLAGS) (CHANGEDSINCE 9223372036854775808)", "Invalid CHANGEDSINCE mod-sequence");
        bad("(FLAGS) (CHANGEDSINCE 1 CHANGEDSINCE 2)", "Duplicate FETCH modifier CHANGEDSINCE");
        bad("(FLAGS) (PARTIAL 1)", "Unknown FETCH modifier");
        bad("(FLAGS) ()", "Empty FETCH modifier list");
        bad("(FLAGS) (CHANGEDSINCE 1) (VANISHED)", "Unexpected extra argument");
    }

    @Test
    public void badAttributes() {
        bad("", "Missing FETCH attribute");
        bad("()", "Empty FETCH attribute list");
        bad("(FLAGS FOO)", "Unknown FETCH attribute");
        bad("BODY.PEEK", "Unknown FETCH attribute");
        bad("(FLAGS ALL)", "FETCH macro ALL is not allowed in a list");
        bad("(FLAGS \"UID\")", "Invalid FETCH attribute");
        bad("FLAGS UID", "Unexpected extra argument");
        bad("BINARY[1]", "BINARY is not supported");
        bad("BINARY.PEEK[1]<0.5>", "BINARY is not supported");
        bad("BINARY.SIZE[1]", "BINARY is not supported");
        bad("BINARY.SIZE", "BINARY is not supported");
        bad("RFC822[1]", "Invalid FETCH attribute with a section");
    }

    @Test
    public void badSections() {
        bad("BODY[FOO]", "Invalid section");
        bad("BODY[MIME]", "Invalid section");
        bad("BODY[0]", "Invalid number in section");
        bad("BODY[1.]", "Invalid section");
        bad("BODY[HEADER.FIELDS]", "Invalid section");
        bad("BODY[HEADER.FIELDS (A B]", "Invalid section");
        bad("BODY[HEADER.FIELDS (\"A B\")]", "Invalid header field name in section");
        bad("BODY[]<5>", "Invalid section");
        bad("BODY[]<5.0>", "Invalid number in section");
        bad("BODY[]<a.1>", "Invalid number in section");
        bad("BODY[]<1.2", "Invalid section");
        bad("BODY[]x", "Invalid section");
    }

    @Test
    public void missingParenthesisIsAFramingError() {
        assertTrue(TestMessages.receive("a FETCH 1 (FLAGS UID\r\n") instanceof CommandError);
    }

    @Test
    public void seenImplication() throws ParseException {
        for (String sets : List.of("BODY[]", "RFC822", "RFC822.TEXT", "(FLAGS BODY[1.MIME])", "BODY[HEADER]<0.5>")) {
            assertTrue(sets, parse(sets, false).setsSeen());
        }
        for (String peeks : List.of("BODY.PEEK[]", "RFC822.HEADER", "RFC822.SIZE", "FULL", "BODYSTRUCTURE",
                "(BODY.PEEK[TEXT] ENVELOPE UID MODSEQ)")) {
            assertFalse(peeks, parse(peeks, false).setsSeen());
        }
    }

    @Test
    public void whatMustBeLoaded() throws ParseException {
        FetchRequest meta = parse("(FLAGS UID MODSEQ INTERNALDATE RFC822.SIZE)", false);
        assertFalse(meta.needsStructure());
        assertFalse(meta.needsContent());

        FetchRequest structure = parse("(ENVELOPE BODY BODYSTRUCTURE)", false);
        assertTrue(structure.needsStructure());
        assertFalse(structure.needsContent());

        for (String contentOnly : List.of("RFC822", "BODY[]", "BODY.PEEK[]<0.100>")) {
            assertFalse(contentOnly, parse(contentOnly, false).needsStructure());
            assertTrue(contentOnly, parse(contentOnly, false).needsContent());
        }
        for (String both : List.of("RFC822.HEADER", "RFC822.TEXT", "BODY[TEXT]", "BODY[1]", "BODY[HEADER]",
                "BODY.PEEK[HEADER.FIELDS (A)]")) {
            assertTrue(both, parse(both, false).needsStructure());
            assertTrue(both, parse(both, false).needsContent());
        }
    }
}
