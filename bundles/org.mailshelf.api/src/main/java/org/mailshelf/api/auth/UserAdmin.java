package org.mailshelf.api.auth;

import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/** Manages the accounts of the default provider: what the REST API, Gogo commands and console call. */
@ProviderType
public interface UserAdmin {

    List<String> list();

    boolean exists(String name);

    /**
     * Creates the account with its INBOX and the usual folders (Drafts, Sent, Trash, Junk, Archive).
     *
     * @throws IllegalArgumentException for a bad name or an empty password
     * @throws IllegalStateException    if the account exists
     */
    void create(String name, char[] password);

    /** @return false if there was no such account */
    boolean delete(String name);

    /** @return false if there is no such account */
    boolean changePassword(String name, char[] password);
}
