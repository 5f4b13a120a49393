package org.mailshelf.protocol.imap.search;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The result options of an extended SEARCH (RFC 4731): {@code RETURN (MIN MAX COUNT ALL)}. {@code RETURN ()}
 * means ALL. SAVE (RFC 5182) is not supported: the parser refuses it.
 */
public record ReturnOptions(boolean min, boolean max, boolean count, boolean all) {

    /** What {@code RETURN ()} asks for. */
    public static final ReturnOptions ALL = new ReturnOptions(false, false, false, true);

    /**
     * The results whose highest mod-sequence the MODSEQ result option reports (RFC 7162 section 3.1.5): the
     * minimum and/or maximum when only MIN and/or MAX were asked for, otherwise all of them.
     */
    public List<Long> modSeqBasis(List<Long> results) {
        if (results.isEmpty() || count || all || !(min || max)) {
            return results;
        }
        List<Long> basis = new ArrayList<>(2);
        if (min) {
            basis.add(Collections.min(results));
        }
        if (max) {
            basis.add(Collections.max(results));
        }
        return basis;
    }
}
