package org.mailshelf.tls.internal;

import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Whether a private key belongs to a certificate, proven by signing with one and verifying with the other. Done
 * with the JDK's providers on purpose: they are what SunJSSE signs handshakes with, so a key they cannot use is
 * refused here rather than at a client's first handshake.
 */
final class KeyMatch {

    private static final SecureRandom RANDOM = new SecureRandom();

    private KeyMatch() {
    }

    /**
     * The key with its chain, checked against the chain's first certificate.
     *
     * @param chainSource where the chain comes from, for the message: a file name or e.g. "the certificate text"
     */
    static ServerIdentity pair(PrivateKey key, List<X509Certificate> chain, String chainSource)
            throws GeneralSecurityException {
        try {
            check(key, chain.get(0));
        } catch (GeneralSecurityException e) {
            throw new GeneralSecurityException(e.getMessage() + " (the first certificate in " + chainSource
                    + " must be the server's own, intermediates after it)", e);
        }
        return new ServerIdentity(key, chain);
    }

    static void check(PrivateKey key, X509Certificate certificate) throws GeneralSecurityException {
        PublicKey publicKey = certificate.getPublicKey();
        String signature = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new InvalidKeyException("Unsupported key type " + key.getAlgorithm() + ": use RSA or EC");
        };
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())) {
            throw new InvalidKeyException("The key is " + key.getAlgorithm() + " but the certificate "
                    + certificate.getSubjectX500Principal() + " holds an " + publicKey.getAlgorithm() + " key");
        }
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        Signature signer = Signature.getInstance(signature);
        signer.initSign(key);
        signer.update(challenge);
        byte[] signed = signer.sign();
        Signature verifier = Signature.getInstance(signature);
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        if (!verifier.verify(signed)) {
            throw new InvalidKeyException(
                    "The private key does not belong to the certificate " + certificate.getSubjectX500Principal());
        }
    }
}
