package org.mailshelf.tls.internal;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** A client that trusts one given certificate only and checks the host name against the SANs, as mail clients do. */
final class TlsClient implements AutoCloseable {

    private final SSLSocket socket;
    private final BufferedReader in;

    TlsClient(int port, String hostName, X509Certificate trusted, String... protocols) throws Exception {
        KeyStore trustStore = KeyStore.getInstance("PKCS12");
        trustStore.load(null, null);
        trustStore.setCertificateEntry("trusted", trusted);
        TrustManagerFactory trust = TrustManagerFactory.getInstance("PKIX");
        trust.init(trustStore);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);

        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), EchoServer.TIMEOUT_MILLIS);
            plain.setSoTimeout(EchoServer.TIMEOUT_MILLIS);
            // layered, so the name checked is hostName while the connection goes to 127.0.0.1
            socket = (SSLSocket) context.getSocketFactory().createSocket(plain, hostName, port, true);
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            parameters.setProtocols(protocols);
            socket.setSSLParameters(parameters);
            socket.startHandshake();
            in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        } catch (Exception e) {
            plain.close();
            throw e;
        }
    }

    /** The certificate the server presents in a new handshake checked for the host name and the trusted one. */
    static X509Certificate presented(int port, String hostName, X509Certificate trusted) throws Exception {
        try (TlsClient client = new TlsClient(port, hostName, trusted, "TLSv1.3", "TLSv1.2")) {
            return client.peerLeaf();
        }
    }

    String exchange(String line) throws IOException {
        socket.getOutputStream().write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
        return in.readLine();
    }

    X509Certificate peerLeaf() throws IOException {
        return (X509Certificate) socket.getSession().getPeerCertificates()[0];
    }

    String protocol() {
        return socket.getSession().getProtocol();
    }

    static List<X509Certificate> parse(String pem) throws Exception {
        List<X509Certificate> chain = new ArrayList<>();
        for (Certificate certificate : CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))) {
            chain.add((X509Certificate) certificate);
        }
        return chain;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
