package org.mailshelf.protocol.imap;

import java.util.List;

/** Writes UIDs as a compact sequence set ({@code 3:5,9}), keeping their order (COPYUID pairs them up). */
final class UidSets {

    private UidSets() {
    }

    static String format(List<Long> uids) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < uids.size()) {
            long first = uids.get(i);
            int j = i;
            while (j + 1 < uids.size() && uids.get(j + 1) == uids.get(j) + 1) {
                j++;
            }
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(first);
            if (j > i) {
                b.append(':').append(uids.get(j));
            }
            i = j + 1;
        }
        return b.toString();
    }
}
