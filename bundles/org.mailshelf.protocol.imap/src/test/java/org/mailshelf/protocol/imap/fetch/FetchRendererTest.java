package org.mailshelf.protocol.imap.fetch;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.protocol.imap.fetch.TestMessages.NESTED;
import static org.mailshelf.protocol.imap.fetch.TestMessages.SIMPLE;
import static org.mailshelf.protocol.imap.fetch.TestMessages.parse;
import static org.mailshelf.protocol.imap.fetch.TestMessages.string;
import static org.mailshelf.protocol.imap.fetch.TestMessages.view;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.fetch.TestMessages.View;

/**
 * Byte-exact FETCH responses. Expected strings are ISO-8859-1, one char per octet; SIMPLE is 172 octets with a
 * 152-octet header and a 20-octet body, counted by hand.
 */
public class FetchRendererTest {

    private static final FetchRenderer RENDERER = new FetchRenderer(ZoneOffset.ofHours(2));

    private static final String SIMPLE_HEADER = "From: Alice <alice@example.org>\r\n"
            + "To: bob@example.net\r\n"
            + "Subject: Hello\r\n"
            + " world\r\n"
            + "X-Mixed-Case: a\r\n"
            + "Date: Mon, 1 Jan 2024 10:00:00 +0000\r\n"
            + "x-mixed-case: b\r\n"
            + "\r\n";
    private static final String SIMPLE_TEXT = "Body line 1\r\ncaf\u00c3\u00a9\r\n";

    private static String render(String args, View view) throws ParseException {
        return string(RENDERER.render(parse(args, false), view, false, false));
    }

    private static String render(String args, String message) throws ParseException {
        return render(args, view(message));
    }

    @Test
    public void handCountedSizes() {
        assertEquals(172, SIMPLE.length());
        assertEquals(SIMPLE, SIMPLE_HEADER + SIMPLE_TEXT);
        assertEquals(152, SIMPLE_HEADER.length());
        assertEquals(20, SIMPLE_TEXT.length());
    }

    @Test
    public void fastWithFlagsRecentAndKeywords() throws ParseException {
        View v = view(SIMPLE, Flags.of(Flags.SEEN | Flags.DRAFT, List.of("$Forwarded")), true);
        assertEquals("* 7 FETCH (FLAGS (\\Seen \\Draft \\Recent $Forwarded) "
                + "INTERNALDATE \"02-Jan-2024 11:05:07 +0200\" RFC822.SIZE 172)\r\n", render("FAST", v));
    }

    @Test
    public void emptyFlagsAndOtherZone() throws ParseException {
        FetchRenderer utc = new FetchRenderer(ZoneId.of("America/New_York"));
        assertEquals("* 7 FETCH (FLAGS () INTERNALDATE \"02-Jan-2024 04:05:07 -0500\")\r\n",
                string(utc.render(parse("(FLAGS INTERNALDATE)", false), view(SIMPLE), false, false)));
    }

    @Test
    public void envelopeBodyAndBodystructure() throws ParseException {
        String envelope = "(\"Mon, 1 Jan 2024 10:00:00 +0000\" \"Hello world\" "
                + "((\"Alice\" NIL \"alice\" \"example.org\")) ((\"Alice\" NIL \"alice\" \"example.org\")) "
                + "((\"Alice\" NIL \"alice\" \"example.org\")) ((NIL NIL \"bob\" \"example.net\")) NIL NIL NIL NIL)";
        String body = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 20 2)";
        String bodystructure = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 20 2 NIL NIL NIL NIL)";
        assertEquals("* 7 FETCH (ENVELOPE " + envelope + " BODY " + body + " BODYSTRUCTURE " + bodystructure
                + ")\r\n", render("(ENVELOPE BODY BODYSTRUCTURE)", SIMPLE));
        assertEquals("* 7 FETCH (FLAGS () INTERNALDATE \"02-Jan-2024 11:05:07 +0200\" RFC822.SIZE 172 ENVELOPE "
                + envelope + " BODY " + body + ")\r\n", render("FULL", SIMPLE));
    }

    @Test
    public void nestedStructureIsPassedThrough() throws ParseException {
        View v = view(NESTED);
        assertEquals("* 7 FETCH (BODYSTRUCTURE " + string(v.structure.bodyStructure(true)) + ")\r\n",
                render("BODYSTRUCTURE", v));
    }

    @Test
    public void uidCommandAddsUidFirst() throws ParseException {
        View v = view(SIMPLE);
        assertEquals("* 7 FETCH (UID 42 FLAGS ())\r\n", string(RENDERER.render(parse("FLAGS", true), v, true, false)));
        assertEquals("* 7 FETCH (FLAGS () UID 42)\r\n",
                string(RENDERER.render(parse("(FLAGS UID)", true), v, true, false)));
        assertEquals("* 7 FETCH (UID 42)\r\n", string(RENDERER.render(parse("UID", false), v, false, false)));
    }

    @Test
    public void modseqWithCondstoreOrChangedSince() throws ParseException {
        View v = view(SIMPLE);
        assertEquals("* 7 FETCH (FLAGS ())\r\n", string(RENDERER.render(parse("FLAGS", false), v, false, false)));
        assertEquals("* 7 FETCH (MODSEQ (1234) FLAGS ())\r\n",
                string(RENDERER.render(parse("FLAGS", false), v, false, true)));
        assertEquals("* 7 FETCH (UID 42 MODSEQ (1234) FLAGS ())\r\n",
                string(RENDERER.render(parse("(FLAGS) (CHANGEDSINCE 5)", true), v, true, false)));
        assertEquals("* 7 FETCH (FLAGS () MODSEQ (1234))\r\n",
                string(RENDERER.render(parse("(FLAGS MODSEQ)", false), v, false, true)));
        assertEquals("* 7 FETCH (MODSEQ (1234))\r\n", render("MODSEQ", v));
    }

    @Test
    public void wholeMessageHeaderAndText() throws ParseException {
        assertEquals("* 7 FETCH (BODY[] {172}\r\n" + SIMPLE + ")\r\n", render("BODY[]", SIMPLE));
        assertEquals("* 7 FETCH (RFC822 {172}\r\n" + SIMPLE + ")\r\n", render("RFC822", SIMPLE));
        assertEquals("* 7 FETCH (BODY[HEADER] {152}\r\n" + SIMPLE_HEADER + ")\r\n",
                render("BODY.PEEK[HEADER]", SIMPLE));
        assertEquals("* 7 FETCH (RFC822.HEADER {152}\r\n" + SIMPLE_HEADER + ")\r\n", render("RFC822.HEADER", SIMPLE));
        assertEquals("* 7 FETCH (BODY[TEXT] {20}\r\nBody line 1\r\ncaf\u00c3\u00a9\r\n)\r\n",
                render("BODY[TEXT]", SIMPLE));
        assertEquals("* 7 FETCH (RFC822.TEXT {20}\r\nBody line 1\r\ncaf\u00c3\u00a9\r\n)\r\n",
                render("RFC822.TEXT", SIMPLE));
    }

    @Test
    public void singlePartMessageHasPartOne() throws ParseException {
        assertEquals("* 7 FETCH (BODY[1] {20}\r\n" + SIMPLE_TEXT + ")\r\n", render("BODY[1]", SIMPLE));
        assertEquals("* 7 FETCH (BODY[1.MIME] {152}\r\n" + SIMPLE_HEADER + ")\r\n", render("BODY[1.MIME]", SIMPLE));
        assertEquals("* 7 FETCH (BODY[1.HEADER] {0}\r\n)\r\n", render("BODY[1.HEADER]", SIMPLE));
        assertEquals("* 7 FETCH (BODY[2] {0}\r\n BODY[1.1] {0}\r\n)\r\n", render("(BODY[2] BODY[1.1])", SIMPLE));
    }

    @Test
    public void partials() throws ParseException {
        assertEquals("* 7 FETCH (BODY[]<0> {4}\r\nFrom)\r\n", render("BODY[]<0.4>", SIMPLE));
        assertEquals("* 7 FETCH (BODY[]<170> {2}\r\n\r\n)\r\n", render("BODY[]<170.10>", SIMPLE));
        assertEquals("* 7 FETCH (BODY[]<172> {0}\r\n)\r\n", render("BODY[]<172.10>", SIMPLE));
        assertEquals("* 7 FETCH (BODY[]<4294967295> {0}\r\n)\r\n", render("BODY[]<4294967295.1>", SIMPLE));
        assertEquals("* 7 FETCH (BODY[TEXT]<13> {7}\r\ncaf\u00c3\u00a9\r\n)\r\n",
                render("BODY.PEEK[TEXT]<13.4294967295>", SIMPLE));
        assertEquals("* 7 FETCH (BODY[HEADER.FIELDS (TO)]<4> {3}\r\nbob)\r\n",
                render("BODY[HEADER.FIELDS (To)]<4.3>", SIMPLE));
    }

    @Test
    public void headerFieldsCaseInsensitiveFoldedInMessageOrder() throws ParseException {
        String fields = "Subject: Hello\r\n world\r\nX-Mixed-Case: a\r\nx-mixed-case: b\r\n\r\n";
        assertEquals(60, fields.length());
        assertEquals("* 7 FETCH (BODY[HEADER.FIELDS (X-MIXED-CASE SUBJECT)] {60}\r\n" + fields + ")\r\n",
                render("BODY.PEEK[HEADER.FIELDS (x-MIXED-case subject)]", SIMPLE));
        assertEquals("* 7 FETCH (BODY[HEADER.FIELDS.NOT (SUBJECT DATE X-MIXED-CASE)] {56}\r\n"
                + "From: Alice <alice@example.org>\r\nTo: bob@example.net\r\n\r\n)\r\n",
                render("BODY[HEADER.FIELDS.NOT (Subject Date X-Mixed-Case)]", SIMPLE));
        assertEquals("* 7 FETCH (BODY[HEADER.FIELDS (NOPE)] {2}\r\n\r\n)\r\n",
                render("BODY[HEADER.FIELDS (Nope)]", SIMPLE));
    }

    @Test
    public void nestedParts() throws ParseException {
        String innerHeader = "Subject: inner\r\nFrom: c@d.e\r\n\r\n";
        assertEquals("* 7 FETCH (BODY[1] {8}\r\npart one BODY[1.MIME] {28}\r\nContent-Type: text/plain\r\n\r\n)\r\n",
                render("(BODY[1] BODY[1.MIME])", NESTED));
        assertEquals("* 7 FETCH (BODY[2.MIME] {32}\r\nContent-Type: message/rfc822\r\n\r\n)\r\n",
                render("BODY[2.MIME]", NESTED));
        assertEquals("* 7 FETCH (BODY[2] {41}\r\n" + innerHeader + "inner body)\r\n", render("BODY[2]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.HEADER] {31}\r\n" + innerHeader + ")\r\n", render("BODY[2.HEADER]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.TEXT] {10}\r\ninner body)\r\n", render("BODY[2.TEXT]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.1] {10}\r\ninner body)\r\n", render("BODY[2.1]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.1.MIME] {31}\r\n" + innerHeader + ")\r\n", render("BODY[2.1.MIME]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.HEADER.FIELDS (FROM)] {15}\r\nFrom: c@d.e\r\n\r\n)\r\n",
                render("BODY[2.HEADER.FIELDS (from)]", NESTED));
        assertEquals("* 7 FETCH (BODY[2.HEADER.FIELDS.NOT (FROM)] {18}\r\nSubject: inner\r\n\r\n)\r\n",
                render("BODY[2.HEADER.FIELDS.NOT (from)]", NESTED));
    }

    @Test
    public void missingOrUnsuitablePartsAreEmpty() throws ParseException {
        assertEquals("* 7 FETCH (BODY[3] {0}\r\n BODY[1.HEADER] {0}\r\n BODY[1.TEXT] {0}\r\n"
                + " BODY[2.1.1] {0}\r\n BODY[2.2] {0}\r\n BODY[3.MIME] {0}\r\n)\r\n",
                render("(BODY[3] BODY[1.HEADER] BODY[1.TEXT] BODY[2.1.1] BODY[2.2] BODY[3.MIME])", NESTED));
    }

    @Test
    public void leafOfMultipartAnswersToDotOne() throws ParseException {
        assertEquals("* 7 FETCH (BODY[1.1] {8}\r\npart one)\r\n", render("BODY[1.1]", NESTED));
    }

    @Test
    public void multipartTextIncludesPreambleAndDelimiters() throws ParseException {
        String text = NESTED.substring(NESTED.indexOf("preamble"));
        assertEquals(143, text.length());
        assertEquals("* 7 FETCH (BODY[TEXT] {143}\r\n" + text + ")\r\n", render("BODY[TEXT]", NESTED));
    }

    @Test
    public void nulOctetsAreSentAs0x80() throws ParseException {
        String message = "Subject: x\r\n\r\na\u0000b\r\n";
        assertEquals("* 7 FETCH (BODY[TEXT] {5}\r\na\u0080b\r\n)\r\n", render("BODY[TEXT]", message));
        assertEquals("* 7 FETCH (BODY[]<15> {1}\r\n\u0080)\r\n", render("BODY[]<15.1>", message));
    }

    @Test
    public void headerOnlyMessage() throws ParseException {
        String message = "Subject: x\r\nTo: y";
        assertEquals("* 7 FETCH (BODY[HEADER.FIELDS (TO)] {9}\r\nTo: y\r\n\r\n BODY[TEXT] {0}\r\n)\r\n",
                render("(BODY[HEADER.FIELDS (TO)] BODY[TEXT])", message));
    }

    @Test
    public void flagsAddedWhenTheFetchChangedThem() throws ParseException {
        View seen = view(SIMPLE).withFlags(Flags.of(Flags.SEEN));
        assertEquals("* 7 FETCH (BODY[TEXT] {20}\r\n" + SIMPLE_TEXT + " FLAGS (\\Seen))\r\n",
                string(RENDERER.render(parse("BODY[TEXT]", false), seen, false, false, true)));
        assertEquals("* 7 FETCH (UID 42 MODSEQ (1235) RFC822 {172}\r\n" + SIMPLE + " FLAGS (\\Seen))\r\n",
                string(RENDERER.render(parse("RFC822", true), seen, true, true, true)));
        assertEquals("* 7 FETCH (FLAGS (\\Seen) BODY[]<0> {4}\r\nFrom)\r\n",
                string(RENDERER.render(parse("(FLAGS BODY[]<0.4>)", false), seen, false, false, true)));
    }

    @Test
    public void loadsOnlyWhatIsNeeded() throws ParseException {
        View v = view(SIMPLE);
        render("(FLAGS UID MODSEQ INTERNALDATE RFC822.SIZE)", v);
        assertEquals(0, v.structureLoads + v.contentLoads);
        render("(RFC822 BODY[] BODY.PEEK[]<0.5>)", v);
        assertEquals(0, v.structureLoads);
        render("ENVELOPE", v);
        assertEquals(3, v.contentLoads);
    }
}
