package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNull;
import static org.junit.Assert.fail;

import java.util.List;

import org.junit.Test;

public class SectionSpecTest {

    private static void roundTrip(String atom, String responseSection) throws ParseException {
        assertEquals(responseSection, SectionSpec.parse(atom).responseSection());
    }

    @Test
    public void validSections() throws ParseException {
        roundTrip("BODY[]", "[]");
        roundTrip("BODY[]<5.10>", "[]<5>");
        roundTrip("BODY[HEADER]", "[HEADER]");
        roundTrip("body[text]", "[TEXT]");
        roundTrip("BODY[1]", "[1]");
        roundTrip("BODY[1.2.3]", "[1.2.3]");
        roundTrip("BODY[1.2.MIME]", "[1.2.MIME]");
        roundTrip("BODY[4.2.HEADER.FIELDS.NOT (Subject X-Y)]", "[4.2.HEADER.FIELDS.NOT (Subject X-Y)]");
        roundTrip("BINARY.PEEK[1]", "[1]");
        SectionSpec s = SectionSpec.parse("BODY.PEEK[TEXT]");
        assertEquals("BODY.PEEK", s.attribute());
        assertFalse(s.hasPartial());
        assertEquals(List.of(), s.part());
        assertNull(SectionSpec.parse("BODY[]").text());
    }

    @Test
    public void invalidSections() {
        for (String s : List.of("BODY", "[1]", "BODY[1.]", "BODY[.1]", "BODY[0]", "BODY[01]", "BODY[1HEADER]",
                "BODY[MIME]", "BODY[HEADER.FIELDS]", "BODY[HEADER.FIELDS ()]", "BODY[HEADER.FIELDS (A B ]",
                "BODY[FOO]", "BODY[]<1>", "BODY[]<1.0>", "BODY[]<1.2>x", "BODY[]x", "BODY[HEADER.FIELDS (\"\")]",
                "BODY[]<1.99999999999>")) {
            try {
                SectionSpec.parse(s);
                fail("accepted " + s);
            } catch (ParseException e) {
                assertEquals(s, true, e.getMessage().startsWith("Invalid"));
            }
        }
    }
}
