package org.mailshelf.auth.ldap.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import com.unboundid.ldap.sdk.Entry;

/** The mail account a directory entry logs in to: its account attribute, lower-cased. */
final class AccountNames {

    /**
     * The local accounts' rule (org.mailshelf.auth AccountRules), so the stores and admin tools get a name they
     * take. Repeated here because that bundle keeps it internal.
     */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._-]{0,63}");

    private AccountNames() {
    }

    /**
     * @param login what the user logged in with; of several values (uid may be multi-valued, in no defined order)
     *              the one equal to it wins, else the first
     * @return empty when the entry has no such attribute or its value is not a valid account name
     */
    static Optional<String> of(Entry entry, String attribute, String login) {
        String[] values = entry.getAttributeValues(attribute);
        if (values == null || values.length == 0) {
            return Optional.empty();
        }
        String chosen = values[0];
        for (String value : values) {
            if (value.trim().equalsIgnoreCase(login)) {
                chosen = value;
                break;
            }
        }
        String name = chosen.trim().toLowerCase(Locale.ROOT);
        return NAME.matcher(name).matches() ? Optional.of(name) : Optional.empty();
    }
}
