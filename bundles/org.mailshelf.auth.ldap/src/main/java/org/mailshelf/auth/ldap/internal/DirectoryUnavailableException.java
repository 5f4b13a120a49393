package org.mailshelf.auth.ldap.internal;

/** The directory did not answer (down, timed out, refused the service account): no verdict on the user. */
final class DirectoryUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    DirectoryUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
