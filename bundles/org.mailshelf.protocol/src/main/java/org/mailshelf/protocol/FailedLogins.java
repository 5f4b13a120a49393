package org.mailshelf.protocol;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import org.mailshelf.api.auth.LoginPenalties;

/**
 * Failed logins by source address and by account, and what follows from them (Dovecot's auth penalty): the
 * answer to a failure is held back for the first delay, doubled for each earlier failure of the address or the
 * account within the memory window, up to a maximum; an address (other than this host) with too many failures
 * in the window is refused outright until the window has passed without one. A success forgets the account's
 * failures and the address's. Thread-safe; the number of remembered sources is bounded. The auth bundle offers
 * one to all listeners as the {@link LoginPenalties} service.
 */
public final class FailedLogins implements LoginPenalties {
    private static final int MAX_ENTRIES = 100_000;

    private final Duration firstDelay;
    private final Duration maxDelay;
    private final Duration window;
    private final int lockoutAfter;
    private final Clock clock;
    private final Map<String, Entry> entries = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Entry {
        int failures;
        Instant last;
    }

    /**
     * @param firstDelay   the delay after a first failure
     * @param maxDelay     the longest delay
     * @param window       how long a failure is remembered after the last one of its source
     * @param lockoutAfter failures from one address after which its logins are refused; 0 never
     */
    public FailedLogins(Duration firstDelay, Duration maxDelay, Duration window, int lockoutAfter, Clock clock) {
        this.firstDelay = firstDelay;
        this.maxDelay = maxDelay.compareTo(firstDelay) < 0 ? firstDelay : maxDelay;
        this.window = window;
        this.lockoutAfter = lockoutAfter;
        this.clock = clock;
    }

    /** 2 s doubling up to 15 s, remembered for 15 minutes, an address refused after 30 failures. */
    public static FailedLogins defaults(Duration firstDelay) {
        return new FailedLogins(firstDelay, Duration.ofSeconds(15), Duration.ofMinutes(15), 30, Clock.systemUTC());
    }

    @Override
    public synchronized Duration failed(InetAddress from, String account) {
        int address = record(addressKey(from));
        int user = account == null || account.isBlank() ? 0 : record(accountKey(account));
        int earlier = Math.max(address, user) - 1;
        if (firstDelay.isZero()) {
            return Duration.ZERO;
        }
        Duration delay = firstDelay.multipliedBy(1L << Math.min(earlier, 20));
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }

    @Override
    public synchronized void succeeded(InetAddress from, String account) {
        entries.remove(addressKey(from));
        if (account != null) {
            entries.remove(accountKey(account));
        }
    }

    @Override
    public synchronized boolean lockedOut(InetAddress from) {
        if (lockoutAfter <= 0 || from == null || from.isLoopbackAddress()) {
            return false;
        }
        return current(addressKey(from)) >= lockoutAfter;
    }

    private int record(String key) {
        Entry e = entries.get(key);
        Instant now = clock.instant();
        if (e == null || expired(e, now)) {
            e = new Entry();
            entries.put(key, e);
        }
        e.failures++;
        e.last = now;
        prune(now);
        return e.failures;
    }

    private int current(String key) {
        Entry e = entries.get(key);
        return e == null || expired(e, clock.instant()) ? 0 : e.failures;
    }

    private boolean expired(Entry e, Instant now) {
        return e.last.plus(window).isBefore(now);
    }

    /** Least recently failed first: drops the forgotten, and the oldest beyond the bound. */
    private void prune(Instant now) {
        for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (entries.size() > MAX_ENTRIES || expired(e, now)) {
                it.remove();
            } else {
                return;
            }
        }
    }

    private static String addressKey(InetAddress from) {
        return "a " + (from == null ? "?" : from.getHostAddress());
    }

    private static String accountKey(String account) {
        return "u " + account.strip().toLowerCase(Locale.ROOT);
    }
}
