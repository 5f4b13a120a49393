package org.mailshelf.protocol.imap.codec;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

import org.junit.Test;

public class SequenceSetTest {

    private static List<Long> numbers(SequenceSet set, long max) {
        List<Long> out = new ArrayList<>();
        for (PrimitiveIterator.OfLong it = set.iterator(max); it.hasNext(); ) {
            out.add(it.nextLong());
        }
        return out;
    }

    @Test
    public void parsesAndPrintsCanonically() throws ParseException {
        assertEquals("1:3,5,7:*", SequenceSet.parse("1:3,5,7:*").toString());
        assertEquals("2:4", SequenceSet.parse("4:2").toString());
        assertEquals("7:*", SequenceSet.parse("*:7").toString());
        assertEquals("*", SequenceSet.parse("*:*").toString());
        assertEquals("5", SequenceSet.parse("5:5").toString());
        assertEquals("4294967295", SequenceSet.parse("4294967295").toString());
        assertEquals(SequenceSet.parse("4:2"), SequenceSet.parse("2:4"));
    }

    @Test
    public void rejectsInvalid() {
        for (String s : List.of("", "0", "0:5", "1:0", "4294967296", "99999999999", "1,", ",1", "1,,2", "1:",
                ":1", "1:2:3", "a", "1 2", "-1", "+1", "**", "1:**")) {
            try {
                SequenceSet.parse(s);
                fail("accepted '" + s + "'");
            } catch (ParseException expected) {
                // fine
            }
        }
    }

    @Test
    public void containsWithStar() throws ParseException {
        SequenceSet set = SequenceSet.parse("1:3,5,7:*");
        assertTrue(set.contains(1, 10));
        assertTrue(set.contains(3, 10));
        assertFalse(set.contains(4, 10));
        assertTrue(set.contains(5, 10));
        assertFalse(set.contains(6, 10));
        assertTrue(set.contains(10, 10));
        assertFalse(set.contains(11, 10));
        assertTrue(set.usesStar());
        assertFalse(SequenceSet.parse("1:2").usesStar());
        // "*" below the range start turns the range round: 7:* with * = 4 is 4:7
        assertTrue(set.contains(4, 4));
        assertTrue(SequenceSet.parse("*").contains(42, 42));
        assertFalse(SequenceSet.parse("*").contains(41, 42));
    }

    @Test
    public void rangesAreSortedAndMerged() throws ParseException {
        SequenceSet set = SequenceSet.parse("9:*,1:3,2:5,7");
        assertEquals(List.of(new SequenceSet.Range(1, 5), new SequenceSet.Range(7, 7),
                new SequenceSet.Range(9, 12)), set.ranges(12));
        assertEquals(List.of(new SequenceSet.Range(1, 7)), SequenceSet.parse("1:3,4:7").ranges(3));
        assertEquals(List.of(), SequenceSet.parse("*").ranges(0));
        assertEquals(List.of(new SequenceSet.Range(1, 1)), SequenceSet.parse("1:*").ranges(0));
        assertEquals(4, new SequenceSet.Range(2, 5).size());
    }

    @Test
    public void iteratesUpToMax() throws ParseException {
        assertEquals(List.of(1L, 2L, 3L, 5L, 7L, 8L), numbers(SequenceSet.parse("7:*,5,3:1,2"), 8));
        assertEquals(List.of(1L, 2L), numbers(SequenceSet.parse("1:10"), 2));
        assertEquals(List.of(), numbers(SequenceSet.parse("5:6"), 4));
        assertEquals(List.of(), numbers(SequenceSet.parse("*"), 0));
        assertEquals(List.of(3L), numbers(SequenceSet.parse("*"), 3));
    }

    @Test
    public void builtFromNumbers() {
        assertEquals("1:3,5,9:10", SequenceSet.of(10, 2, 1, 3, 5, 9, 2).toString());
        assertEquals("4294967295", SequenceSet.of(4294967295L).toString());
        try {
            SequenceSet.of(0);
            fail();
        } catch (IllegalArgumentException expected) {
            // fine
        }
    }
}
