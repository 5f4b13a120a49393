package org.mailshelf.protocol.lmtp;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class PathArgumentTest {

    private static PathArgument parse(String arguments) throws SyntaxException {
        return PathArgument.parse(arguments, "FROM", "usage");
    }

    @Test
    public void plainPathAndParameters() throws SyntaxException {
        PathArgument p = parse("FROM:<a@b.org>  SIZE=10 BODY=8BITMIME");
        assertEquals("a@b.org", p.address());
        assertTrue(p.wellFormed());
        assertEquals(List.of("SIZE=10", "BODY=8BITMIME"), p.parameters());
    }

    @Test
    public void nullPath() throws SyntaxException {
        PathArgument p = parse("from:<>");
        assertEquals("", p.address());
        assertTrue(p.wellFormed());
        assertEquals(List.of(), p.parameters());
    }

    @Test
    public void quotedLocalPartMayHoldSpacesAndBrackets() throws SyntaxException {
        PathArgument p = parse("FROM:<\"john > \\\" doe\"@b.org> SIZE=1");
        assertEquals("\"john > \\\" doe\"@b.org", p.address());
        assertTrue(p.wellFormed());
        assertEquals(List.of("SIZE=1"), p.parameters());
    }

    @Test
    public void sourceRouteIsDropped() throws SyntaxException {
        assertEquals("u@c.org", parse("FROM:<@a.org,@b.org:u@c.org>").address());
        assertFalse(parse("FROM:<@a.org>").wellFormed());
    }

    @Test
    public void controlCharactersAndBareSpacesAreNotWellFormed() throws SyntaxException {
        assertFalse(parse("FROM:<a b@c.org>").wellFormed());
        assertFalse(parse("FROM:<a\rb@c.org>").wellFormed());
        assertFalse(parse("FROM:<a<b@c.org>").wellFormed());
    }

    @Test
    public void malformedArgumentsAreSyntaxErrors() {
        for (String bad : List.of("", "FROM", "FROM:", "FROM:a@b", "TO:<a@b>", "FROM:<a@b", "FROM:<a@b>SIZE=1",
                "FROM:<\"a>@b")) {
            try {
                parse(bad);
                fail("accepted " + bad);
            } catch (SyntaxException e) {
                assertEquals("501 5.5.4 Syntax: usage", e.reply().toString());
            }
        }
    }
}
