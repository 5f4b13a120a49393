package org.mailshelf.transport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import org.junit.Test;

public class TlsSettingsTest {

    private static List<String> protocols(String... wanted) {
        return TlsSettings.of("starttls", wanted, () -> null).protocols();
    }

    @Test
    public void takesACommaListAsOneStringTheWayACfgFileGivesIt() {
        assertEquals(List.of("TLSv1.3"), protocols("TLSv1.3"));
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), protocols("TLSv1.2, TLSv1.3"));
        assertEquals(List.of("TLSv1.2"), protocols(" TLSv1.2 ", "TLSv1.2"));
    }

    @Test
    public void neverOffersBrokenVersionsAndFallsBackToTheSupportedOnes() {
        assertEquals(List.of("TLSv1.2"), protocols("TLSv1.1,TLSv1.2,SSLv3"));
        assertEquals(TlsSettings.SUPPORTED_PROTOCOLS, protocols("TLSv1", "TLSv1.1"));
        assertEquals(TlsSettings.SUPPORTED_PROTOCOLS, protocols());
        assertEquals(TlsSettings.SUPPORTED_PROTOCOLS, TlsSettings.of("implicit", null, () -> null).protocols());
    }

    @Test
    public void noneMeansNoTls() {
        assertNull(TlsSettings.of(" NONE ", new String[0], () -> null));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAnUnknownMode() {
        TlsSettings.of("sometimes", new String[0], () -> null);
    }
}
