package org.mailshelf.mime;

/**
 * One mailbox of an address field (RFC 5322 section 3.4), parsed: comments and route removed, quoting undone,
 * the display name decoded (RFC 2047). A group contributes an entry for its name ({@link #isGroup()}: name set,
 * no mailbox, no host) followed by its members, so a search can match the group name as Dovecot's does.
 *
 * @param name the display name (or, for {@code addr@host (Name)}, the comment; or the group name), decoded;
 *             null if none
 * @param mailbox the local part; null if the field had none
 * @param host the domain; null if the field had none
 */
public record MailAddress(String name, String mailbox, String host) {

    public static MailAddress group(String name) {
        return new MailAddress(name, null, null);
    }

    /** Whether this entry is the start of a group: only its name. */
    public boolean isGroup() {
        return name != null && mailbox == null && host == null;
    }

    /** {@code mailbox@host}, or just whichever of the two is present ("" if neither). */
    public String address() {
        if (mailbox == null) {
            return host == null ? "" : host;
        }
        return host == null ? mailbox : mailbox + "@" + host;
    }

    /**
     * {@code Name <mailbox@host>} as Dovecot writes it for SEARCH, just the address without a name, or
     * {@code Name:} for a group.
     */
    @Override
    public String toString() {
        if (isGroup()) {
            return name + ":";
        }
        return name == null ? address() : name + " <" + address() + ">";
    }
}
