package org.mailshelf.transport;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertNull;

import java.util.List;

import javax.net.ssl.SSLContext;

import org.junit.Test;
import org.mailshelf.api.tls.TlsPolicy;

public class TlsSettingsTest {

    private static TlsSettings starttls(String[] protocols, String[] suites) {
        return TlsSettings.of("starttls", protocols, suites, () -> null);
    }

    @Test
    public void takesACommaListAsOneStringTheWayACfgFileGivesIt() {
        assertEquals(List.of("TLSv1.2", "TLSv1.3"), starttls(new String[] {"TLSv1.2, TLSv1.3"}, null).protocols());
    }

    @Test
    public void neverOffersBrokenVersionsAndFallsBackToTheSupportedOnes() {
        assertEquals(List.of("TLSv1.2"), starttls(new String[] {"TLSv1.1,TLSv1.2,SSLv3"}, null).protocols());
        assertEquals(TlsPolicy.PROTOCOLS, starttls(new String[] {"TLSv1", "TLSv1.1"}, null).protocols());
        assertEquals(TlsPolicy.PROTOCOLS, TlsSettings.of("implicit", null, null, () -> null).protocols());
    }

    @Test
    public void enablesTheModernSuitesUnlessTheAdminNamesOthersThePlatformHas() throws Exception {
        SSLContext context = SSLContext.getDefault();
        assertEquals(TlsPolicy.CIPHER_SUITES, starttls(null, null).enabledSuites(context));
        assertEquals(List.of("TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256"), starttls(null,
                new String[] {"TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256, TLS_MADE_UP"}).enabledSuites(context));
        assertEquals(TlsPolicy.CIPHER_SUITES, starttls(null, new String[] {"TLS_MADE_UP"}).enabledSuites(context));
    }

    @Test
    public void noneMeansNoTls() {
        assertNull(TlsSettings.of(" NONE ", new String[0], new String[0], () -> null));
    }

    @Test(expected = IllegalArgumentException.class)
    public void refusesAnUnknownMode() {
        TlsSettings.of("sometimes", new String[0], new String[0], () -> null);
    }
}
