package org.mailshelf.api.auth;

/**
 * A provider could not answer (its directory is down, it timed out): the login or the recipient can be neither
 * accepted nor refused now. Protocols answer with a temporary failure (IMAP {@code NO [UNAVAILABLE]}, POP3
 * {@code -ERR [SYS/TEMP]}, LMTP 451) so that a client tries again and an MTA keeps the mail, rather than a
 * wrong-password answer or a bounce.
 *
 * @since 1.1
 */
public class AuthUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AuthUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
