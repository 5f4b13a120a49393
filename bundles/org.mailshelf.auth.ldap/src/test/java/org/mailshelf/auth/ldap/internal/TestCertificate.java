package org.mailshelf.auth.ldap.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSocketFactory;

import com.unboundid.util.ssl.KeyStoreKeyManager;
import com.unboundid.util.ssl.SSLUtil;

/** A throwaway self-signed server certificate made by the JDK's keytool, and its PEM for the client to trust. */
final class TestCertificate {

    private static final String PASSWORD = "test-secret";

    final Path pemFile;
    private final SSLUtil serverTls;

    /** @param name the certificate's host name, as CN and DNS subject alternative name */
    TestCertificate(Path dir, String name) throws Exception {
        Path store = dir.resolve(name + ".p12");
        run(keytool(), "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", PASSWORD,
                "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=dns:" + name, "-validity", "2");
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, PASSWORD.toCharArray());
        }
        pemFile = dir.resolve(name + ".pem");
        String base64 = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(keys.getCertificate("server").getEncoded());
        Files.writeString(pemFile, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
        serverTls = new SSLUtil(new KeyStoreKeyManager(store.toFile(), PASSWORD.toCharArray(), "PKCS12", "server"),
                null);
    }

    /** For an LDAPS listener. */
    SSLServerSocketFactory serverSocketFactory() throws Exception {
        return serverTls.createSSLServerSocketFactory();
    }

    /** For the server side of StartTLS. */
    SSLSocketFactory startTlsSocketFactory() throws Exception {
        return serverTls.createSSLSocketFactory();
    }

    private static String keytool() {
        return Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    }

    private static void run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IOException("keytool failed: " + out);
        }
    }
}
