package org.mailshelf.protocol.imap.search;

import static org.junit.Assert.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.Test;

public class SearchResponseTest {

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.US_ASCII);
    }

    private static final ReturnOptions EVERYTHING = new ReturnOptions(true, true, true, true);

    @Test
    public void searchLine() {
        assertEquals("* SEARCH 2 5 7\r\n", text(SearchResponse.searchLine(List.of(2L, 5L, 7L), null)));
        assertEquals("* SEARCH\r\n", text(SearchResponse.searchLine(List.of(), null)));
        assertEquals("* SEARCH 4294967295\r\n", text(SearchResponse.searchLine(List.of(4294967295L), null)));
    }

    @Test
    public void searchLineWithModSeq() {
        assertEquals("* SEARCH 2 5 6 (MODSEQ 917162500)\r\n",
                text(SearchResponse.searchLine(List.of(2L, 5L, 6L), 917162500L)));
        // nothing matched: no MODSEQ (RFC 7162 section 3.1.5)
        assertEquals("* SEARCH\r\n", text(SearchResponse.searchLine(List.of(), 917162500L)));
    }

    @Test
    public void esearchAll() {
        assertEquals("* ESEARCH (TAG \"a1\") UID MIN 2 MAX 7 COUNT 3 ALL 2,5,7\r\n",
                text(SearchResponse.esearchLine("a1", true, List.of(2L, 5L, 7L), EVERYTHING, null)));
        assertEquals("* ESEARCH (TAG \"A282\") ALL 1:3,5,7:9,4294967295\r\n",
                text(SearchResponse.esearchLine("A282", false,
                        List.of(1L, 2L, 3L, 5L, 7L, 8L, 9L, 4294967295L), ReturnOptions.ALL, null)));
        assertEquals("* ESEARCH (TAG \"t\") MIN 3 COUNT 2\r\n", text(SearchResponse.esearchLine("t", false,
                List.of(3L, 4L), new ReturnOptions(true, false, true, false), null)));
        assertEquals("* ESEARCH (TAG \"t\") UID MAX 4\r\n", text(SearchResponse.esearchLine("t", true,
                List.of(3L, 4L), new ReturnOptions(false, true, false, false), null)));
    }

    @Test
    public void esearchWithoutResults() {
        assertEquals("* ESEARCH (TAG \"a1\") UID COUNT 0\r\n",
                text(SearchResponse.esearchLine("a1", true, List.of(), EVERYTHING, 55L)));
        assertEquals("* ESEARCH (TAG \"a1\")\r\n",
                text(SearchResponse.esearchLine("a1", false, List.of(), ReturnOptions.ALL, null)));
    }

    @Test
    public void esearchWithModSeqAndWithoutTag() {
        assertEquals("* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 1236\r\n", text(SearchResponse.esearchLine("a",
                false, List.of(1L, 2L, 3L, 5L), ReturnOptions.ALL, 1236L)));
        assertEquals("* ESEARCH UID COUNT 1\r\n", text(SearchResponse.esearchLine(null, true, List.of(9L),
                new ReturnOptions(false, false, true, false), null)));
    }

    @Test
    public void esearchTagIsQuotedSafely() {
        assertEquals("* ESEARCH (TAG \"x]\\\\y\") COUNT 0\r\n", text(SearchResponse.esearchLine("x]\\y", false,
                List.of(), new ReturnOptions(false, false, true, false), null)));
    }

    @Test
    public void modSeqBasis() {
        List<Long> results = List.of(4L, 9L, 2L);
        assertEquals(List.of(2L), new ReturnOptions(true, false, false, false).modSeqBasis(results));
        assertEquals(List.of(9L), new ReturnOptions(false, true, false, false).modSeqBasis(results));
        assertEquals(List.of(2L, 9L), new ReturnOptions(true, true, false, false).modSeqBasis(results));
        assertEquals(results, new ReturnOptions(true, true, true, false).modSeqBasis(results));
        assertEquals(results, new ReturnOptions(false, false, true, false).modSeqBasis(results));
        assertEquals(results, ReturnOptions.ALL.modSeqBasis(results));
        assertEquals(List.of(), new ReturnOptions(true, false, false, false).modSeqBasis(List.of()));
    }
}
