package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertThrows;
import static org.junit.Assert.assertTrue;

import java.nio.file.Path;

import org.junit.Test;

public class DirectorySettingsTest {

    private static final String BASE = "dc=example,dc=com";

    private static DirectorySettings settings(TestConfig config) {
        return DirectorySettings.from(config.build(), Path.of("data"));
    }

    private static void rejected(TestConfig config) {
        assertThrows(IllegalArgumentException.class, () -> settings(config));
    }

    @Test
    public void defaults() {
        DirectorySettings s = settings(new TestConfig("ldap://ldap.example:389", BASE));
        assertEquals(1, s.urls().size());
        assertFalse(s.startTls());
        assertFalse(s.usesTls());
        assertTrue(s.bindDn().isEmpty());
        assertEquals("uid", s.accountAttribute());
        assertEquals(3000, s.connectTimeoutMillis());
        assertEquals(5000, s.responseTimeoutMillis());
        assertEquals(4, s.poolSize());
    }

    @Test
    public void severalUrlsSeparatedBySpaces() {
        DirectorySettings s = settings(new TestConfig(" ldaps://a.example  ldaps://b.example:1636 ", BASE));
        assertEquals(2, s.urls().size());
        assertEquals(636, s.urls().get(0).getPort());
        assertEquals(1636, s.urls().get(1).getPort());
        assertTrue(s.usesTls());
    }

    @Test
    public void mistakesFailActivation() {
        rejected(new TestConfig(null, BASE));
        rejected(new TestConfig("ldap://a.example", null));
        rejected(new TestConfig("ldap://a.example", "not a dn"));
        rejected(new TestConfig("http://a.example", BASE));
        rejected(new TestConfig("ldap://a.example/dc=example,dc=com", BASE));
        rejected(new TestConfig("ldaps://a.example", BASE).set("start.tls", true));
        rejected(new TestConfig("ldap://a.example", BASE).set("user.filter", "(uid=alice)"));
        rejected(new TestConfig("ldap://a.example", BASE).set("user.filter", "uid={0}))("));
        rejected(new TestConfig("ldap://a.example", BASE).set("pool.size", 0));
    }

    @Test
    public void relativeTrustFileIsInTheDataDirectory() {
        Path data = Path.of("/srv/mailshelf/data");
        TestConfig config = new TestConfig("ldaps://a.example", BASE).set("trust.certificate.file", "tls/ldap.pem");
        assertEquals(data.resolve("tls/ldap.pem"), DirectorySettings.from(config.build(), data)
                .trustCertificateFile().orElseThrow());
        config.set("trust.certificate.file", "/etc/ssl/ldap.pem");
        assertEquals(Path.of("/etc/ssl/ldap.pem"), DirectorySettings.from(config.build(), data)
                .trustCertificateFile().orElseThrow());
    }

    @Test
    public void unreadableTrustFileFailsActivation() {
        assertThrows(IllegalArgumentException.class, () -> new TestConfig("ldaps://a.example", BASE)
                .set("trust.certificate.file", "/nonexistent.pem").provider());
    }

    @Test
    public void bindDnWithoutPasswordIsRefused() {
        // it would be an unauthenticated bind, which some servers treat as anonymous success
        rejected(new TestConfig("ldap://a.example", BASE).set("bind.dn", "cn=svc," + BASE));
    }

    @Test
    public void passwordStaysOutOfToString() {
        DirectorySettings s = settings(new TestConfig("ldap://a.example", BASE).set("bind.dn", "cn=svc," + BASE)
                .set(".bind.password", "hunter2"));
        assertFalse(s.toString().contains("hunter2"));
    }
}
