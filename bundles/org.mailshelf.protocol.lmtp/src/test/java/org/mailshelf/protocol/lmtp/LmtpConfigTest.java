package org.mailshelf.protocol.lmtp;

import static org.junit.Assert.assertEquals;

import org.junit.Test;

public class LmtpConfigTest {

    @Test
    public void defaults() {
        assertEquals(new LmtpConfig("localhost", 52428800L, 100, 4096), LmtpConfig.defaults());
    }

    @Test(expected = IllegalArgumentException.class)
    public void hostnameIsEchoedSoMayNotHoldSpaces() {
        new LmtpConfig("mail host", 1000, 1, 4096);
    }

    @Test(expected = IllegalArgumentException.class)
    public void messagesMustFitInAnArray() {
        new LmtpConfig("localhost", 3L << 30, 1, 4096);
    }

    @Test(expected = IllegalArgumentException.class)
    public void commandLinesOf512OctetsMustFit() {
        new LmtpConfig("localhost", 1000, 1, 511);
    }

    @Test(expected = IllegalArgumentException.class)
    public void atLeastOneRecipient() {
        new LmtpConfig("localhost", 1000, 0, 4096);
    }
}
