package org.mailshelf.protocol.imap;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Which mailboxes have a special use (RFC 6154) and which: decided by name, for the top level only, ignoring
 * case. {@code Drafts} is {@code \Drafts}, {@code sent} is {@code \Sent}, {@code Work/Trash} is nothing. The
 * names are those every new local account gets.
 */
final class SpecialUse {

    /** The fixed mapping used until it is made configurable. */
    static final SpecialUse DEFAULT = new SpecialUse(Map.of("Drafts", "\\Drafts", "Sent", "\\Sent", "Trash",
            "\\Trash", "Junk", "\\Junk", "Archive", "\\Archive"));

    private final Map<String, String> byName;

    /** @param byName top-level mailbox name to attribute ({@code \Sent}); names are matched ignoring case */
    SpecialUse(Map<String, String> byName) {
        this.byName = Map.copyOf(byName.entrySet().stream()
                .collect(Collectors.toMap(e -> fold(e.getKey()), Map.Entry::getValue)));
    }

    /** The special-use attribute of a mailbox ({@code \Trash}), or null if it has none. */
    String attribute(String name) {
        return name.indexOf(MailboxNames.SEPARATOR) >= 0 ? null : byName.get(fold(name));
    }

    private static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
