package org.mailshelf.admin.internal;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The console's logged-in browsers: a random token per login, forgotten after an idle period or at logout.
 * Only in memory: a restart of the admin bundle asks the admin to log in again, which is the safe side.
 */
final class AdminSessions {

    /** Bounds memory if someone logs in over and over; the oldest session is the one let go. */
    static final int MAX_SESSIONS = 100;

    private record Session(String user, long lastUsedNanos) {
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final LongSupplier nanoTime;
    private volatile Duration idleTimeout;

    AdminSessions(Duration idleTimeout, LongSupplier nanoTime) {
        this.idleTimeout = idleTimeout;
        this.nanoTime = nanoTime;
    }

    void idleTimeout(Duration timeout) {
        this.idleTimeout = timeout;
    }

    Duration idleTimeout() {
        return idleTimeout;
    }

    /** Starts a session and returns its token, for the cookie. */
    String start(String user) {
        long now = nanoTime.getAsLong();
        forgetIdle(now);
        if (sessions.size() >= MAX_SESSIONS) {
            sessions.entrySet().stream().min((a, b) -> Long.compare(a.getValue().lastUsedNanos(),
                    b.getValue().lastUsedNanos())).ifPresent(oldest -> sessions.remove(oldest.getKey()));
        }
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        sessions.put(token, new Session(user, now));
        return token;
    }

    /** The session's user if the token is live; using it restarts its idle period. */
    Optional<String> use(String token) {
        if (token == null) {
            return Optional.empty();
        }
        long now = nanoTime.getAsLong();
        Session s = sessions.computeIfPresent(token, (t, old) -> idle(old, now) ? null : new Session(old.user(), now));
        return s == null ? Optional.empty() : Optional.of(s.user());
    }

    void end(String token) {
        if (token != null) {
            sessions.remove(token);
        }
    }

    int size() {
        return sessions.size();
    }

    private boolean idle(Session s, long now) {
        return now - s.lastUsedNanos() > idleTimeout.toNanos();
    }

    private void forgetIdle(long now) {
        for (Iterator<Session> it = sessions.values().iterator(); it.hasNext();) {
            if (idle(it.next(), now)) {
                it.remove();
            }
        }
    }
}
