package org.mailshelf.tls.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.List;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * PEM files in and out. Reading takes the forms OpenSSL and ACME clients write; other blocks in the same file are
 * skipped, so one file may hold both key and chain. Keys and certificates come out as JDK objects, which is what
 * SunJSSE signs and sends with.
 */
final class Pem {

    private Pem() {
    }

    /** Every CERTIFICATE block in file order: leaf first, then intermediates. */
    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        try (Reader in = open(file)) {
            return readCertificates(in, file.toString());
        }
    }

    /** @param source what the text is, for messages: a file name or e.g. "the certificate text" */
    static List<X509Certificate> readCertificates(Reader in, String source)
            throws IOException, GeneralSecurityException {
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        List<X509Certificate> chain = new ArrayList<>();
        for (Object block : blocks(in, source)) {
            if (block instanceof X509CertificateHolder holder) {
                chain.add(converter.getCertificate(holder));
            }
        }
        if (chain.isEmpty()) {
            throw new IOException("No CERTIFICATE block in " + source);
        }
        return chain;
    }

    /** The first private key: PKCS#8 "PRIVATE KEY", PKCS#1 "RSA PRIVATE KEY" or SEC1 "EC PRIVATE KEY". */
    static PrivateKey readPrivateKey(Path file) throws IOException, GeneralSecurityException {
        try (Reader in = open(file)) {
            return readPrivateKey(in, file.toString());
        }
    }

    /** @param source what the text is, for messages: a file name or e.g. "the key text" */
    static PrivateKey readPrivateKey(Reader in, String source) throws IOException, GeneralSecurityException {
        for (Object block : blocks(in, source)) {
            if (block instanceof PrivateKeyInfo info) {
                return toJdkKey(info, source);
            }
            if (block instanceof PEMKeyPair pair) {
                return toJdkKey(pair.getPrivateKeyInfo(), source);
            }
            if (block instanceof PKCS8EncryptedPrivateKeyInfo || block instanceof PEMEncryptedKeyPair) {
                throw new IOException("The private key in " + source + " is encrypted: an unencrypted key is needed, "
                        + "e.g. openssl pkey -in k.pem -out plain.pem");
            }
        }
        throw new IOException("No private key block in " + source);
    }

    static String certificates(List<X509Certificate> chain) throws CertificateEncodingException {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            for (X509Certificate certificate : chain) {
                writer.writeObject(new PemObject("CERTIFICATE", certificate.getEncoded()));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    /** PKCS#8, unencrypted: the file mode is what protects it. */
    static String privateKey(PrivateKey key) {
        StringWriter out = new StringWriter();
        try (PemWriter writer = new PemWriter(out)) {
            writer.writeObject(new PemObject("PRIVATE KEY", key.getEncoded()));
        } catch (IOException e) {
            throw new IllegalStateException("Writing to a StringWriter failed", e);
        }
        return out.toString();
    }

    /** Latin-1 never fails to decode: PEM is ASCII, but the text around it (friendly names) need not be. */
    private static Reader open(Path file) throws IOException {
        return Files.newBufferedReader(file, StandardCharsets.ISO_8859_1);
    }

    private static List<Object> blocks(Reader in, String source) throws IOException {
        List<Object> blocks = new ArrayList<>();
        try (PEMParser parser = new PEMParser(in)) {
            for (Object block = parser.readObject(); block != null; block = parser.readObject()) {
                blocks.add(block);
            }
        } catch (IOException | RuntimeException e) {
            // Bouncy Castle's messages say what is wrong but not where; some malformed ASN.1 throws unchecked
            throw new IOException("Not valid PEM in " + source + ": " + e.getMessage(), e);
        }
        return blocks;
    }

    private static PrivateKey toJdkKey(PrivateKeyInfo info, String source)
            throws IOException, GeneralSecurityException {
        ASN1ObjectIdentifier algorithm = info.getPrivateKeyAlgorithm().getAlgorithm();
        String name;
        if (PKCSObjectIdentifiers.rsaEncryption.equals(algorithm)) {
            name = "RSA";
        } else if (X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm)) {
            name = "EC";
        } else {
            throw new GeneralSecurityException("Unsupported key algorithm " + algorithm + " in " + source
                    + ": use an RSA or EC key");
        }
        try {
            return KeyFactory.getInstance(name).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeySpecException("Not a valid " + name + " private key in " + source, e);
        }
    }
}
