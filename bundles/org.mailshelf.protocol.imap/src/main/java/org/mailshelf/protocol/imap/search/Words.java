package org.mailshelf.protocol.imap.search;

import java.util.ArrayList;
import java.util.List;

/** The words of folded text for the body index: maximal runs of letters and digits. */
final class Words {

    private Words() {
    }

    static List<String> of(String folded) {
        List<String> words = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < folded.length(); ) {
            int cp = folded.codePointAt(i);
            if (Character.isLetterOrDigit(cp)) {
                if (start < 0) {
                    start = i;
                }
            } else if (start >= 0) {
                words.add(folded.substring(start, i));
                start = -1;
            }
            i += Character.charCount(cp);
        }
        if (start >= 0) {
            words.add(folded.substring(start));
        }
        return words;
    }

    static boolean startsWithWordChar(String s) {
        return !s.isEmpty() && Character.isLetterOrDigit(s.codePointAt(0));
    }

    static boolean endsWithWordChar(String s) {
        return !s.isEmpty() && Character.isLetterOrDigit(s.codePointBefore(s.length()));
    }
}
