package org.mailshelf.protocol.pop3;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The accounts whose maildrop a POP3 session holds (RFC 1939 §8: one session per maildrop, so message numbers
 * and deletions stay consistent). One instance is shared by every POP3 session of a process. Thread-safe.
 */
public final class MaildropLocks {

    private final Set<String> locked = ConcurrentHashMap.newKeySet();

    /** @return true if the caller now holds the lock, false if another session holds it */
    public boolean tryLock(String account) {
        return locked.add(account);
    }

    /** Releases a lock; only its holder calls this. */
    public void unlock(String account) {
        locked.remove(account);
    }

    public boolean isLocked(String account) {
        return locked.contains(account);
    }
}
