package org.mailshelf.itests;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** Free loopback ports, and waiting until a server accepts on one. */
public final class Ports {
    private Ports() {
    }

    public static int free() {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
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
