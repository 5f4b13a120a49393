package org.mailshelf.auth.ldap.internal;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertThrows;

import org.junit.BeforeClass;
import org.junit.ClassRule;
import org.junit.Test;
import org.junit.rules.TemporaryFolder;
import org.mailshelf.api.auth.AuthResult;

/** LDAPS and StartTLS against a self-signed directory certificate trusted by its PEM file. */
public class LdapProviderTlsTest {

    @ClassRule
    public static final TemporaryFolder folder = new TemporaryFolder();

    private static TestCertificate localhost;
    private static TestCertificate otherHost;

    @BeforeClass
    public static void makeCertificates() throws Exception {
        localhost = new TestCertificate(folder.getRoot().toPath(), "localhost");
        otherHost = new TestCertificate(folder.getRoot().toPath(), "other.example");
    }

    private static AuthResult login(TestConfig config) {
        LdapProvider provider = config.provider();
        try {
            return provider.authenticate("ada", "ada-secret".toCharArray());
        } finally {
            provider.deactivate();
        }
    }

    @Test
    public void ldapsWithTheTrustedCertificate() throws Exception {
        try (TestDirectory directory = TestDirectory.ldaps(localhost)) {
            assertEquals(AuthResult.success("ada"), login(directory.config().set("url", directory.urlByName())
                    .set("trust.certificate.file", localhost.pemFile.toString())));
        }
    }

    @Test
    public void startTlsWithTheTrustedCertificate() throws Exception {
        try (TestDirectory directory = TestDirectory.startTls(localhost)) {
            assertEquals(AuthResult.success("ada"), login(directory.config().set("url", directory.urlByName())
                    .set("start.tls", true).set("trust.certificate.file", localhost.pemFile.toString())));
        }
    }

    @Test
    public void selfSignedCertificateIsNotTrustedByDefault() throws Exception {
        try (TestDirectory directory = TestDirectory.ldaps(localhost)) {
            assertThrows(DirectoryUnavailableException.class,
                    () -> login(directory.config().set("url", directory.urlByName())));
        }
    }

    @Test
    public void certificateForAnotherHostIsRefused() throws Exception {
        try (TestDirectory directory = TestDirectory.ldaps(otherHost)) {
            assertThrows(DirectoryUnavailableException.class, () -> login(directory.config()
                    .set("url", directory.urlByName()).set("trust.certificate.file", otherHost.pemFile.toString())));
        }
    }

    @Test
    public void startTlsWithAnUntrustedCertificateNeverBinds() throws Exception {
        try (TestDirectory directory = TestDirectory.startTls(otherHost)) {
            assertThrows(DirectoryUnavailableException.class, () -> login(directory.config()
                    .set("url", directory.urlByName()).set("start.tls", true)
                    .set("trust.certificate.file", localhost.pemFile.toString())));
            assertEquals(0, directory.bindDns.size());
        }
    }
}
