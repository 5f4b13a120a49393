package org.mailshelf.protocol.imap.search;

import java.util.Collections;
import java.util.List;

import org.mailshelf.protocol.imap.codec.ResponseWriter;
import org.mailshelf.protocol.imap.codec.SequenceSet;

/**
 * The untagged answers to SEARCH: {@code * SEARCH} (RFC 3501 section 7.2.5) and {@code * ESEARCH}
 * (RFC 4731), each with the MODSEQ of RFC 7162 section 3.1.5 when a MODSEQ key was used and something matched.
 */
public final class SearchResponse {

    private SearchResponse() {
    }

    /**
     * {@code * SEARCH 2 5 7\r\n}, or {@code * SEARCH 2 5 7 (MODSEQ 917)\r\n}.
     *
     * @param results       sequence numbers or UIDs, in the order to send (ascending)
     * @param highestModSeq the highest mod-sequence of the results when the search used MODSEQ, else null;
     *                      left out when there are no results
     */
    public static byte[] searchLine(List<Long> results, Long highestModSeq) {
        ResponseWriter w = ResponseWriter.untagged().atom("SEARCH");
        for (long n : results) {
            w.number(n);
        }
        if (highestModSeq != null && !results.isEmpty()) {
            w.beginList().atom("MODSEQ").number(highestModSeq).endList();
        }
        return w.toBytes();
    }

    /**
     * {@code * ESEARCH (TAG "a1") UID MIN 2 MAX 7 COUNT 3 ALL 2,5,7 MODSEQ 917\r\n}. With no results MIN, MAX,
     * ALL and MODSEQ are left out and only COUNT (0) remains, if asked for.
     *
     * @param tag     the command's tag, or null for no correlator
     * @param uid     whether it answers UID SEARCH (the results are UIDs)
     * @param results the matching sequence numbers or UIDs
     * @param options what was asked for; {@code RETURN ()} has been read as ALL
     * @param modSeq  when the search used MODSEQ, the highest mod-sequence of
     *                {@link ReturnOptions#modSeqBasis(List)}; else null
     */
    public static byte[] esearchLine(String tag, boolean uid, List<Long> results, ReturnOptions options,
            Long modSeq) {
        ResponseWriter w = ResponseWriter.untagged().atom("ESEARCH");
        if (tag != null) {
            w.beginList().atom("TAG").string(tag).endList();
        }
        if (uid) {
            w.atom("UID");
        }
        boolean any = !results.isEmpty();
        if (options.min() && any) {
            w.atom("MIN").number(Collections.min(results));
        }
        if (options.max() && any) {
            w.atom("MAX").number(Collections.max(results));
        }
        if (options.count()) {
            w.atom("COUNT").number(results.size());
        }
        if (options.all() && any) {
            w.atom("ALL").atom(SequenceSet.of(results.stream().mapToLong(Long::longValue).toArray()).toString());
        }
        if (modSeq != null && any) {
            w.atom("MODSEQ").number(modSeq);
        }
        return w.toBytes();
    }
}
