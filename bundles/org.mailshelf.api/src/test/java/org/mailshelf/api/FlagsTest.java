package org.mailshelf.api;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class FlagsTest {

    @Test
    public void parsesSystemFlagsCaseInsensitivelyAndKeepsKeywords() {
        Flags f = Flags.parse(List.of("\\seen", "\\Deleted", "$Forwarded", "\\Recent"));
        assertTrue(f.has(Flags.SEEN));
        assertTrue(f.has(Flags.DELETED));
        assertEquals(List.of("\\Seen", "\\Deleted", "$Forwarded"), f.names());
    }

    @Test(expected = IllegalArgumentException.class)
    public void rejectsUnknownSystemFlag() {
        Flags.parse(List.of("\\Bogus"));
    }

    @Test
    public void addAndRemove() {
        Flags a = Flags.of(Flags.SEEN, List.of("x"));
        Flags b = Flags.of(Flags.FLAGGED, List.of("y"));
        assertEquals("\\Seen \\Flagged x y", a.add(b).toString());
        assertEquals(Flags.of(Flags.FLAGGED, List.of("y")), a.add(b).remove(a));
        assertTrue(a.remove(a).isEmpty());
    }
}
