package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.mailshelf.protocol.imap.codec.Feed.results;

import java.util.List;

import org.junit.Test;

public class CommandLexerTest {

    private static void ok(String line, String expected) {
        assertEquals(List.of(expected), results(line + "\r\n"));
    }

    private static void bad(String line, String expected) {
        assertEquals(List.of("ERROR " + expected), results(line + "\r\n"));
    }

    @Test
    public void commandNameIsUpperCased() {
        ok("a1 noop", "a1 NOOP");
        ok("a1 uid fetch 1 flags", "a1 UID fetch 1 flags");
    }

    @Test
    public void quotedStringEscapes() {
        Command c = Feed.command("a1 LOGIN \"jo\\\"e\" \"back\\\\slash\"\r\n");
        assertEquals(new Token.Quoted(Feed.bytes("jo\"e")), c.arguments().get(0));
        assertEquals(new Token.Quoted(Feed.bytes("back\\slash")), c.arguments().get(1));
        ok("a1 X \"\"", "a1 X \"\"");
    }

    @Test
    public void invalidQuotedStrings() {
        bad("a1 X \"a\\b\"", "a1 SYNTAX Invalid escape in quoted string");
        bad("a1 X \"abc", "a1 SYNTAX Unterminated quoted string");
        bad("a1 X \"a\0b\"", "a1 SYNTAX Invalid character in quoted string");
        bad("a1 X \"a\rb\"", "a1 SYNTAX Invalid character in quoted string");
    }

    @Test
    public void nestedLists() {
        Command c = Feed.command("a1 X (a (b (c)) () \"d\") e\r\n");
        assertEquals(2, c.arguments().size());
        Token.ParenList outer = (Token.ParenList) c.arguments().get(0);
        assertEquals(4, outer.items().size());
        assertEquals("(b (c))", outer.items().get(1).toString());
        assertEquals(List.of(), ((Token.ParenList) outer.items().get(2)).items());
    }

    @Test
    public void listErrors() {
        bad("a1 X (a b", "a1 SYNTAX Missing ')'");
        bad("a1 X a)", "a1 SYNTAX Unexpected ')'");
        bad("a1 X ( a)", "a1 SYNTAX Unexpected space");
        bad("a1 X (a )", "a1 SYNTAX Unexpected ')'");
        bad("a1 X (a)(b)", "a1 SYNTAX Missing space between arguments");
    }

    @Test
    public void separatorsAreStrict() {
        bad("a1 X a  b", "a1 SYNTAX Unexpected space");
        bad("a1 X a ", "a1 SYNTAX Unexpected space at end of command");
        bad("a1 NOOP ", "a1 SYNTAX Missing argument");
        bad("a1 X a{3+}\r\nabc", "a1 SYNTAX Missing space before literal");
        bad("a1 X {1+}\r\na{1+}\r\nb", "a1 SYNTAX Missing space before literal");
    }

    @Test
    public void sectionSpecIsOneAtom() {
        Command c = Feed.command("a1 FETCH 1 (BODY[HEADER.FIELDS (A B)]<0.100> BODY[])\r\n");
        Token.ParenList atts = (Token.ParenList) c.arguments().get(1);
        assertEquals(new Token.Atom("BODY[HEADER.FIELDS (A B)]<0.100>"), atts.items().get(0));
        assertEquals(new Token.Atom("BODY[]"), atts.items().get(1));
        bad("a1 FETCH 1 BODY[HEADER", "a1 SYNTAX Missing ']'");
    }

    @Test
    public void bracketsInMailboxNames() {
        ok("a1 SELECT [Gmail]/Sent", "a1 SELECT [Gmail]/Sent");
        ok("a1 LIST \"\" %]x*", "a1 LIST \"\" %]x*");
    }

    @Test
    public void bracketIsAnAtomCharOutsideFetchSections() {
        // imaptest's "atoms" test: every ATOM-CHAR that is not a letter
        ok("a1 SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}", "a1 SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}");
        ok("a1 LIST \"\" !#$&'+,-.0123456789:;<=>?@^_`|[}%*", "a1 LIST \"\" !#$&'+,-.0123456789:;<=>?@^_`|[}%*");
        ok("a1 CREATE a[b", "a1 CREATE a[b");
        ok("a1 DELETE [a", "a1 DELETE [a");
        // a section keyword opens a section only in FETCH
        ok("a1 SELECT body[x", "a1 SELECT body[x");
        ok("a1 UID SEARCH HEADER body[ x", "a1 UID SEARCH HEADER body[ x");
    }

    @Test
    public void sectionsOpenOnlyAfterSectionKeywordsInFetch() {
        Command c = Feed.command(
                "a1 uid fetch 1 (body.peek[header.fields (A)] Binary.Size[1] binary.peek[2]<0.1>)\r\n");
        Token.ParenList atts = (Token.ParenList) c.arguments().get(2);
        assertEquals(List.of(new Token.Atom("body.peek[header.fields (A)]"), new Token.Atom("Binary.Size[1]"),
                new Token.Atom("binary.peek[2]<0.1>")), atts.items());
        bad("a1 UID FETCH 1 BODY[HEADER", "a1 SYNTAX Missing ']'");
        // anywhere else "[" is an ordinary character, even in FETCH
        ok("a1 FETCH 1 (X[a b])", "a1 FETCH 1 (X[a b])");
        assertEquals(2, ((Token.ParenList) Feed.command("a1 FETCH 1 (X[a b])\r\n").arguments().get(1)).items().size());
        ok("a1 FETCH 1 BODY[]x[", "a1 FETCH 1 BODY[]x[");
    }

    @Test
    public void tagRules() {
        ok("a.1-x] NOOP", "a.1-x] NOOP");
        bad("a+1 NOOP", "null SYNTAX Invalid character in tag");
        bad("+ NOOP", "null SYNTAX Missing or invalid tag");
        bad("a*1 NOOP", "null SYNTAX Invalid character in tag");
        bad("a(1 NOOP", "null SYNTAX Invalid character in tag");
        bad("a{1 NOOP", "null SYNTAX Invalid character in tag");
        bad("a%1 NOOP", "null SYNTAX Invalid character in tag");
        bad("a\"1 NOOP", "null SYNTAX Invalid character in tag");
        bad(" NOOP", "null SYNTAX Missing or invalid tag");
        bad("a1", "a1 SYNTAX Missing command name");
        bad("a1 ", "a1 SYNTAX Missing or invalid command name");
        bad("a1 NO\"OP", "a1 SYNTAX Invalid character in command name");
    }

    @Test
    public void controlAndEightBitOutsideQuotesAndLiterals() {
        bad("a1 X a\0b", "a1 SYNTAX Invalid character in atom");
        bad("a1 X \u00e9", "a1 SYNTAX Invalid character in atom");
        bad("a1 X {abc}", "a1 SYNTAX Invalid literal");
    }

    @Test
    public void eightBitInQuotedStringIsKept() {
        Command c = Feed.command("a1 X \"\u00c3\u00a9\"\r\n");
        assertEquals(new Token.Quoted(new byte[] {(byte) 0xc3, (byte) 0xa9}), c.arguments().get(0));
    }
}
