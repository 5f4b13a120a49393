package org.mailshelf.transport;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.HashMap;
import java.util.Map;

/** Open connections by remote address, so that one host cannot take every connection a listener has. */
final class ConnectionsPerAddress {
    private final Map<InetAddress, Integer> open = new HashMap<>();

    /** Counts a new connection unless its address already has {@code limit}; this host is never limited. */
    synchronized boolean admit(SocketAddress remote, int limit) {
        InetAddress address = address(remote);
        if (address == null) {
            return true;
        }
        int now = open.getOrDefault(address, 0);
        if (now >= limit && !address.isLoopbackAddress()) {
            return false;
        }
        open.put(address, now + 1);
        return true;
    }

    synchronized void release(SocketAddress remote) {
        InetAddress address = address(remote);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n <= 1 ? null : n - 1);
        }
    }

    private static InetAddress address(SocketAddress remote) {
        return remote instanceof InetSocketAddress i ? i.getAddress() : null;
    }
}
