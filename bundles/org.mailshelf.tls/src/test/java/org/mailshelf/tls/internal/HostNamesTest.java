package org.mailshelf.tls.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertTrue;

import java.util.List;

import org.junit.Test;

public class HostNamesTest {

    @Test
    public void cleansNamesAndKeepsTheirOrder() {
        List<String> names = HostNames.clean(new String[] {" Mail.Example.COM ", "[::1]", "192.0.2.1", "not a name",
                "", "mail.example.com.", "bücher.example", "*.example.org"});
        assertEquals(List.of("mail.example.com", "::1", "192.0.2.1", "xn--bcher-kva.example", "*.example.org"), names);
    }

    @Test
    public void noUsableNameMeansLocalhost() {
        assertEquals(List.of("localhost"), HostNames.clean(new String[] {" ", "bad name"}));
        assertEquals(List.of("localhost"), HostNames.clean(new String[0]));
    }

    @Test
    public void loopbackNamesComeOnceAfterTheConfiguredOnes() {
        assertEquals(List.of("mail.example.com", "localhost", "127.0.0.1", "::1"),
                HostNames.withLoopback(List.of("mail.example.com", "localhost")));
    }

    @Test
    public void ipLiteralsAreRecognisedWithoutLookingAnythingUp() {
        assertTrue(HostNames.isIpLiteral("127.0.0.1"));
        assertTrue(HostNames.isIpLiteral("2001:db8::1"));
        assertFalse(HostNames.isIpLiteral("mail.example.com"));
        assertFalse(HostNames.isIpLiteral("127.1"));
    }
}
