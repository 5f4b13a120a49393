package org.mailshelf.api.auth;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * Checks credentials for the accounts it knows. Register any number of these as services; they are asked in
 * order of {@code service.ranking}, highest first, and the first that knows the user decides.
 */
@ConsumerType
public interface AuthProvider {

    /** Checks a password. The caller clears the array afterwards. */
    AuthResult authenticate(String user, char[] password);

    /** Whether this provider has an account of that name (mail for it is accepted). */
    boolean exists(String user);
}
