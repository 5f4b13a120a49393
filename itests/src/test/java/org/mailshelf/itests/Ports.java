package org.mailshelf.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/** Free loopback ports, and waiting until a server accepts on one. */
public final class Ports {
    private static final int FIRST_CANDIDATE = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final Random RANDOM = new Random();
    private static final Set<Integer> handedOut = new HashSet<>();

    private Ports() {
    }

    /**
     * A port no other part of this JVM was given, that nothing listens on, and that lies below the kernel's
     * ephemeral range: a port from that range (what binding to port 0 gives) may be taken as the local port of
     * any outgoing connection before the server under test gets to bind it.
     */
    public static synchronized int free() {
        int below = ephemeralRangeStart();
        int span = below - FIRST_CANDIDATE;
        for (int i = 0; i < 1000; i++) {
            int port = FIRST_CANDIDATE + RANDOM.nextInt(span);
            if (!handedOut.contains(port) && bindable(port)) {
                handedOut.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port between " + FIRST_CANDIDATE + " and " + below);
    }

    private static boolean bindable(int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress("127.0.0.1", port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int ephemeralRangeStart() {
        try {
            String range = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > FIRST_CANDIDATE + 1000 ? start : DEFAULT_EPHEMERAL_START;
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
    }

    public static boolean accepting(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** Waits until the port accepts connections; fails after the timeout. */
    public static void awaitAccepting(int port, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (!accepting(port)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("nothing accepts on port " + port + " after " + timeoutMillis + " ms");
            }
            Thread.sleep(50);
        }
    }

    /** Waits until the port no longer accepts connections; fails after the timeout. */
    public static void awaitClosed(int port, long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (accepting(port)) {
            if (System.currentTimeMillis() > end) {
                throw new AssertionError("port " + port + " still accepts after " + timeoutMillis + " ms");
            }
            Thread.sleep(50);
        }
    }
}
