package org.mailshelf.mime;

/**
 * One mailbox of an address field (RFC 5322 section 3.4), parsed: comments and route removed, quoting undone,
 * the display name decoded (RFC 2047). Group syntax is flattened: the members are kept, the group name is not.
 *
 * @param name the display name (or, for {@code addr@host (Name)}, the comment), decoded; null if none
 * @param mailbox the local part; null if the field had none
 * @param host the domain; null if the field had none
 */
public record MailAddress(String name, String mailbox, String host) {

    /** {@code mailbox@host}, or just whichever of the two is present ("" if neither). */
    public String address() {
        if (mailbox == null) {
            return host == null ? "" : host;
        }
        return host == null ? mailbox : mailbox + "@" + host;
    }

    /** {@code Name <mailbox@host>} as Dovecot writes it for SEARCH, or just the address without a name. */
    @Override
    public String toString() {
        return name == null ? address() : name + " <" + address() + ">";
    }
}
