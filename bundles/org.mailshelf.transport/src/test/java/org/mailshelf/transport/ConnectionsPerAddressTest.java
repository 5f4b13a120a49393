package org.mailshelf.transport;

import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.net.InetSocketAddress;

import org.junit.Test;

public class ConnectionsPerAddressTest {

    private final ConnectionsPerAddress open = new ConnectionsPerAddress();

    @Test
    public void anAddressGetsItsLimitAndAPlaceBackWhenOneCloses() {
        InetSocketAddress a1 = new InetSocketAddress("192.0.2.1", 40001);
        InetSocketAddress a2 = new InetSocketAddress("192.0.2.1", 40002);
        InetSocketAddress other = new InetSocketAddress("192.0.2.2", 40001);
        assertTrue(open.admit(a1, 2));
        assertTrue(open.admit(a2, 2));
        assertFalse(open.admit(new InetSocketAddress("192.0.2.1", 40003), 2));
        assertTrue(open.admit(other, 2));
        open.release(a1);
        assertTrue(open.admit(new InetSocketAddress("192.0.2.1", 40004), 2));
    }

    @Test
    public void thisHostIsNotLimited() {
        for (int i = 0; i < 5; i++) {
            assertTrue(open.admit(new InetSocketAddress("127.0.0.1", 40000 + i), 2));
        }
    }
}
