package org.mailshelf.api.store;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Account names and password hashes, kept beside the mail by the store so a default auth provider needs no
 * database of its own. The store never sees a password, only the hash string the auth provider made.
 */
@ProviderType
public interface CredentialStore {

    /** Names of every account, sorted. */
    List<String> users();

    Optional<String> passwordHash(String user);

    /** @return false if the user exists already */
    boolean createUser(String user, String passwordHash);

    /** @return false if there is no such user */
    boolean setPasswordHash(String user, String passwordHash);

    /** @return false if there was no such user */
    boolean deleteUser(String user);
}
