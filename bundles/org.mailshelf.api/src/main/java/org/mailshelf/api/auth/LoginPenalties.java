package org.mailshelf.api.auth;

import java.net.InetAddress;
import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The record of failed logins that every listener shares, so that a guesser gains nothing by spreading guesses
 * over IMAP, POP3 and their TLS ports: each failure of an address or an account makes the next answer to it
 * come later, and an address with too many failures is refused for a while.
 *
 * @since 1.2
 */
@ProviderType
public interface LoginPenalties {

    /**
     * Records a failed login and says how long to hold back its answer.
     *
     * @param from    the client's address; null if unknown
     * @param account the name tried; null or blank if none
     */
    Duration failed(InetAddress from, String account);

    /** A login succeeded: the address and the account start afresh. */
    void succeeded(InetAddress from, String account);

    /** Whether logins from this address are refused for now; never for this host's own addresses. */
    boolean lockedOut(InetAddress from);
}
