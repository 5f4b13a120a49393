package org.mailshelf.protocol.imap.search;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.mailshelf.protocol.imap.search.TestMessage.args;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.Test;
import org.mailshelf.api.Flags;
import org.mailshelf.protocol.imap.codec.ParseException;
import org.mailshelf.protocol.imap.codec.SequenceSet;
import org.mailshelf.protocol.imap.search.SearchKey.Address;
import org.mailshelf.protocol.imap.search.SearchKey.All;
import org.mailshelf.protocol.imap.search.SearchKey.And;
import org.mailshelf.protocol.imap.search.SearchKey.Body;
import org.mailshelf.protocol.imap.search.SearchKey.DateComparison;
import org.mailshelf.protocol.imap.search.SearchKey.Header;
import org.mailshelf.protocol.imap.search.SearchKey.InternalDate;
import org.mailshelf.protocol.imap.search.SearchKey.Keyword;
import org.mailshelf.protocol.imap.search.SearchKey.Larger;
import org.mailshelf.protocol.imap.search.SearchKey.ModSeq;
import org.mailshelf.protocol.imap.search.SearchKey.Not;
import org.mailshelf.protocol.imap.search.SearchKey.Or;
import org.mailshelf.protocol.imap.search.SearchKey.Recent;
import org.mailshelf.protocol.imap.search.SearchKey.SentDate;
import org.mailshelf.protocol.imap.search.SearchKey.Sequence;
import org.mailshelf.protocol.imap.search.SearchKey.Smaller;
import org.mailshelf.protocol.imap.search.SearchKey.SystemFlag;
import org.mailshelf.protocol.imap.search.SearchKey.Text;
import org.mailshelf.protocol.imap.search.SearchKey.Uid;

public class SearchParserTest {

    private static SearchRequest parse(String arguments) throws Exception {
        return SearchParser.parse(args(arguments));
    }

    private static SearchKey key(String arguments) throws Exception {
        SearchRequest r = parse(arguments);
        assertNull(r.returnOptions());
        return r.key();
    }

    private static void bad(String arguments, String message) throws Exception {
        try {
            SearchParser.parse(args(arguments));
            fail("expected BAD for " + arguments);
        } catch (ParseException e) {
            assertEquals(message, e.getMessage());
        }
    }

    private static SequenceSet set(String s) throws ParseException {
        return SequenceSet.parse(s);
    }

    private static SearchKey and(SearchKey... keys) {
        return new And(List.of(keys));
    }

    private static SearchKey flag(int bit) {
        return new SystemFlag(bit);
    }

    private static LocalDate date(int y, int m, int d) {
        return LocalDate.of(y, m, d);
    }

    @Test
    public void flagKeys() throws Exception {
        assertEquals(new All(), key("ALL"));
        assertEquals(flag(Flags.ANSWERED), key("ANSWERED"));
        assertEquals(flag(Flags.DELETED), key("deleted"));
        assertEquals(flag(Flags.DRAFT), key("Draft"));
        assertEquals(flag(Flags.FLAGGED), key("FLAGGED"));
        assertEquals(flag(Flags.SEEN), key("SEEN"));
        assertEquals(new Not(flag(Flags.ANSWERED)), key("UNANSWERED"));
        assertEquals(new Not(flag(Flags.DELETED)), key("UNDELETED"));
        assertEquals(new Not(flag(Flags.DRAFT)), key("UNDRAFT"));
        assertEquals(new Not(flag(Flags.FLAGGED)), key("UNFLAGGED"));
        assertEquals(new Not(flag(Flags.SEEN)), key("UNSEEN"));
        assertEquals(new Recent(), key("RECENT"));
        assertEquals(and(new Recent(), new Not(flag(Flags.SEEN))), key("NEW"));
        assertEquals(new Not(new Recent()), key("OLD"));
    }

    @Test
    public void keywordKeys() throws Exception {
        assertEquals(new Keyword("$Forwarded"), key("KEYWORD $Forwarded"));
        assertEquals(new Not(new Keyword("Junk")), key("UNKEYWORD Junk"));
        // system flags written as keywords mean the flag
        assertEquals(flag(Flags.SEEN), key("KEYWORD \\Seen"));
        assertEquals(new Not(flag(Flags.FLAGGED)), key("UNKEYWORD \\flagged"));
        assertEquals(new Recent(), key("KEYWORD \\Recent"));
        bad("KEYWORD", "Missing argument");
        bad("KEYWORD \"a b\"", "Invalid flag");
    }

    @Test
    public void stringKeys() throws Exception {
        assertEquals(new Address("Bcc", "boss"), key("BCC boss"));
        assertEquals(new Address("Cc", "x y"), key("CC \"x y\""));
        assertEquals(new Address("From", "smith"), key("FROM smith"));
        assertEquals(new Address("To", "jones"), key("to jones"));
        assertEquals(new Header("Subject", "a \"quoted\" word"), key("SUBJECT \"a \\\"quoted\\\" word\""));
        assertEquals(new Body("lunch"), key("BODY lunch"));
        assertEquals(new Text("x"), key("TEXT {1+}\r\nx"));
        assertEquals(new Header("X-Mailer", ""), key("HEADER X-Mailer \"\""));
        assertEquals(new Header("List-Id", "mailshelf"), key("HEADER \"List-Id\" mailshelf"));
        bad("SUBJECT", "Missing argument");
        bad("HEADER \"\" x", "Invalid header field name");
        bad("HEADER \"a:b\" x", "Invalid header field name");
        bad("HEADER Subject", "Missing argument");
        bad("BODY (x)", "Expected a quoted string or literal");
    }

    @Test
    public void stringsAreUtf8WithAndWithoutCharset() throws Exception {
        byte[] subject = "Grüße".getBytes(StandardCharsets.UTF_8);
        for (String prefix : new String[] {"", "CHARSET UTF-8 ", "CHARSET utf-8 ", "CHARSET \"US-ASCII\" "}) {
            byte[] head = ("t SEARCH " + prefix + "SUBJECT {" + subject.length + "+}\r\n")
                    .getBytes(StandardCharsets.US_ASCII);
            byte[] line = new byte[head.length + subject.length + 2];
            System.arraycopy(head, 0, line, 0, head.length);
            System.arraycopy(subject, 0, line, head.length, subject.length);
            line[line.length - 2] = '\r';
            line[line.length - 1] = '\n';
            assertEquals(new Header("Subject", "Grüße"), SearchParser.parse(args(line)).key());
        }
    }

    @Test
    public void unsupportedCharsetIsBadCharset() throws Exception {
        for (String charset : new String[] {"ISO-8859-1", "\"KOI8-R\"", "UTF8", "{5+}\r\nUTF-7"}) {
            try {
                parse("CHARSET " + charset + " SUBJECT x");
                fail("expected BADCHARSET for " + charset);
            } catch (BadCharsetException e) {
                assertEquals("BADCHARSET (US-ASCII UTF-8)", e.responseCode());
                assertEquals("Unsupported charset", e.getMessage());
            }
        }
        bad("CHARSET", "Missing argument");
        bad("CHARSET UTF-8", "Missing search criteria");
    }

    @Test
    public void dateKeys() throws Exception {
        assertEquals(new InternalDate(DateComparison.BEFORE, date(1994, 2, 1)), key("BEFORE 1-Feb-1994"));
        assertEquals(new InternalDate(DateComparison.ON, date(2024, 12, 31)), key("ON \"31-Dec-2024\""));
        assertEquals(new InternalDate(DateComparison.SINCE, date(2000, 1, 9)), key("SINCE 09-jan-2000"));
        assertEquals(new SentDate(DateComparison.BEFORE, date(1994, 2, 1)), key("SENTBEFORE 1-Feb-1994"));
        assertEquals(new SentDate(DateComparison.ON, date(2024, 2, 29)), key("SENTON 29-Feb-2024"));
        assertEquals(new SentDate(DateComparison.SINCE, date(2024, 2, 1)), key("SENTSINCE 1-Feb-2024"));
        bad("SINCE 30-Feb-2024", "Invalid date");
        bad("BEFORE 2024-01-01", "Invalid date");
        bad("ON", "Expected a date");
        bad("SENTON (1-Feb-2024)", "Expected a date");
    }

    @Test
    public void sizeKeys() throws Exception {
        assertEquals(new Larger(1024), key("LARGER 1024"));
        assertEquals(new Smaller(0), key("SMALLER 0"));
        assertEquals(new Larger(4294967295L), key("LARGER 4294967295"));
        bad("LARGER 4294967296", "Number out of range");
        bad("SMALLER -1", "Expected a number");
        bad("LARGER", "Missing argument");
    }

    @Test
    public void sequenceSetsAndUid() throws Exception {
        assertEquals(new Sequence(set("1:3,5,7:*")), key("1:3,5,7:*"));
        assertEquals(new Sequence(set("*")), key("*"));
        assertEquals(new Sequence(set("4:2")), key("2:4"));
        assertEquals(new Uid(set("100:*")), key("UID 100:*"));
        assertEquals(and(new Uid(set("1:10")), new Sequence(set("2"))), key("UID 1:10 2"));
        bad("UID", "Missing argument");
        bad("UID abc", "Expected a sequence set");
        bad("1:", "Invalid sequence set");
        bad("0", "Invalid number in sequence set");
        bad("$", "Saved search results are not supported");
        bad("UID $", "Expected a sequence set");
    }

    @Test
    public void notOrAndParentheses() throws Exception {
        assertEquals(new Not(flag(Flags.SEEN)), key("NOT SEEN"));
        assertEquals(new Not(new Not(new Address("From", "a"))), key("NOT NOT FROM a"));
        assertEquals(new Or(flag(Flags.SEEN), flag(Flags.FLAGGED)), key("OR SEEN FLAGGED"));
        assertEquals(new Or(new Or(new Address("From", "a"), new Address("To", "b")), new Not(new Body("c"))),
                key("OR OR FROM a TO b NOT BODY c"));
        assertEquals(new Or(and(flag(Flags.SEEN), new Larger(5)), new Not(new Uid(set("1:*")))),
                key("OR (SEEN LARGER 5) NOT UID 1:*"));
        assertEquals(flag(Flags.DELETED), key("(DELETED)"));
        assertEquals(and(new Header("Subject", "x"), flag(Flags.DELETED)), key("((SUBJECT x) (DELETED))"));
        assertEquals(new Not(and(flag(Flags.SEEN), flag(Flags.DRAFT))), key("NOT (SEEN DRAFT)"));
        bad("OR SEEN", "Missing search key");
        bad("NOT", "Missing search key");
        bad("()", "Empty search group");
        bad("(SEEN ())", "Empty search group");
        bad("NOT \"x\"", "Expected a search key");
    }

    @Test
    public void topLevelKeysAreAndedCheapestFirst() throws Exception {
        SearchKey k = key("BODY x SUBJECT y SEEN 1:5");
        assertEquals(new And(List.of(flag(Flags.SEEN), new Sequence(set("1:5")), new Header("Subject", "y"),
                new Body("x"))), k);
        And and = (And) k;
        assertEquals(flag(Flags.SEEN), and.keys().get(0));
        assertEquals(new Sequence(set("1:5")), and.keys().get(1));
        assertEquals(new Header("Subject", "y"), and.keys().get(2));
        assertEquals(new Body("x"), and.keys().get(3));
    }

    @Test
    public void unknownKeysAndErrors() throws Exception {
        bad("", "Missing search criteria");
        bad("FOO", "Unknown search key");
        bad("SEEN BAR", "Unknown search key");
        bad("\\Seen", "Unknown search key");
        bad("\"SEEN\"", "Expected a search key");
    }

    @Test
    public void deepNestingIsRefused() throws Exception {
        StringBuilder nots = new StringBuilder();
        for (int i = 0; i < SearchParser.MAX_DEPTH + 1; i++) {
            nots.append("NOT ");
        }
        bad(nots + "SEEN", "Search criteria nested too deeply");
        SearchKey ok = key(nots.substring(4) + "SEEN");
        assertTrue(ok instanceof Not);
    }

    @Test
    public void returnOptions() throws Exception {
        SearchRequest r = parse("RETURN (MIN MAX COUNT ALL) SEEN");
        assertEquals(new ReturnOptions(true, true, true, true), r.returnOptions());
        assertTrue(r.extended());
        assertEquals(flag(Flags.SEEN), r.key());
        assertEquals(ReturnOptions.ALL, parse("RETURN () ALL").returnOptions());
        assertEquals(new ReturnOptions(false, false, true, false), parse("RETURN (count) ALL").returnOptions());
        assertEquals(new ReturnOptions(true, false, false, false),
                parse("RETURN (MIN) CHARSET UTF-8 ALL").returnOptions());
        assertFalse(parse("ALL").extended());
        bad("RETURN (SAVE) ALL", "RETURN SAVE is not supported");
        bad("RETURN (MIN PARTIAL) ALL", "Unknown search return option");
        bad("RETURN MIN ALL", "Expected a parenthesized list");
        bad("RETURN (MIN)", "Missing search criteria");
        bad("CHARSET UTF-8 RETURN (MIN) ALL", "Unknown search key");
    }

    @Test
    public void modSeq() throws Exception {
        assertEquals(new ModSeq(620162338, null, null), key("MODSEQ 620162338"));
        assertEquals(new ModSeq(0, null, null), key("MODSEQ 0"));
        assertEquals(new ModSeq(Long.MAX_VALUE, null, null), key("MODSEQ 9223372036854775807"));
        assertEquals(new ModSeq(620162338, "/flags/\\draft", "all"),
                key("MODSEQ \"/flags/\\\\draft\" all 620162338"));
        assertEquals(new ModSeq(5, "/flags/$Junk", "priv"), key("MODSEQ \"/flags/$Junk\" PRIV 5"));
        assertEquals(new ModSeq(5, "/flags/x", "shared"), key("MODSEQ \"/flags/x\" shared 5"));
        assertTrue(parse("MODSEQ 5 SEEN").usesModSeq());
        assertTrue(parse("OR SEEN NOT MODSEQ 5").usesModSeq());
        assertFalse(parse("SEEN").usesModSeq());
        bad("MODSEQ 9223372036854775808", "Invalid mod-sequence");
        bad("MODSEQ 12345678901234567890", "Invalid mod-sequence");
        bad("MODSEQ -1", "Invalid mod-sequence");
        bad("MODSEQ", "Missing argument");
        bad("MODSEQ \"/flags/x\" 5", "Invalid MODSEQ entry type");
        bad("MODSEQ \"/flags/x\" other 5", "Invalid MODSEQ entry type");
        bad("MODSEQ \"/other/x\" all 5", "Invalid MODSEQ entry name");
        bad("MODSEQ \"/flags/\" all 5", "Invalid MODSEQ entry name");
    }

    @Test
    public void whatARequestNeeds() throws Exception {
        SearchRequest flags = parse("SEEN UNFLAGGED LARGER 5 SINCE 1-Jan-2024 UID 1:* MODSEQ 3 OR RECENT 4:*");
        assertFalse(flags.needsStructure());
        assertFalse(flags.needsContent());
        SearchRequest headers = parse("OR SEEN SUBJECT x");
        assertTrue(headers.needsStructure());
        assertFalse(headers.needsContent());
        assertTrue(parse("SENTON 1-Jan-2024").needsStructure());
        SearchRequest body = parse("NOT (SEEN BODY x)");
        assertTrue(body.needsStructure());
        assertTrue(body.needsContent());
        assertTrue(parse("TEXT x").needsContent());
    }
}
