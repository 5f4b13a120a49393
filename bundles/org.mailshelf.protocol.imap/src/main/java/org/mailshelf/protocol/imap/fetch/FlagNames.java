package org.mailshelf.protocol.imap.fetch;

import java.util.ArrayList;
import java.util.List;

import org.mailshelf.api.Flags;

/** The flag list of a FETCH FLAGS item: system flags, then \Recent (per session), then keywords, as Dovecot. */
public final class FlagNames {

    private FlagNames() {
    }

    public static List<String> of(Flags flags, boolean recent) {
        List<String> names = new ArrayList<>(flags.names());
        if (recent) {
            names.add(names.size() - flags.keywords().size(), "\\Recent");
        }
        return names;
    }
}
