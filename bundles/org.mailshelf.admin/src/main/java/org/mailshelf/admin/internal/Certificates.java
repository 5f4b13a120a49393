package org.mailshelf.admin.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import org.mailshelf.api.tls.CertificateInfo;
import org.mailshelf.api.tls.CertificateRejectedException;
import org.mailshelf.api.tls.TlsCertificates;

/**
 * The server certificate as the API and the console page handle it. The TLS bundle may come and go: every call
 * asks for the service of the moment and says plainly when there is none.
 */
final class Certificates {

    static final String NO_TLS = "TLS is not running: start the bundle org.mailshelf.tls";

    /**
     * What an install or uninstall did: the certificate now in use, or why nothing changed.
     *
     * @param serverFault the appliance failed (TLS not running, the data directory not writable), not the request
     */
    record Outcome(CertificateInfo current, String refusal, boolean serverFault) {

        static Outcome done(CertificateInfo current) {
            return new Outcome(current, null, false);
        }

        static Outcome refused(String why) {
            return new Outcome(null, why, false);
        }

        static Outcome failed(String why) {
            return new Outcome(null, why, true);
        }
    }

    private final Supplier<TlsCertificates> service;

    Certificates(Supplier<TlsCertificates> service) {
        this.service = service;
    }

    Optional<CertificateInfo> current() {
        return tls().map(TlsCertificates::current);
    }

    Outcome install(String chainPem, String keyPem) {
        Optional<TlsCertificates> tls = tls();
        if (tls.isEmpty()) {
            return Outcome.failed(NO_TLS);
        }
        try {
            return Outcome.done(tls.get().install(chainPem, keyPem));
        } catch (CertificateRejectedException e) {
            return Outcome.refused(e.getMessage());
        } catch (IllegalStateException e) { // the TLS bundle could not store it: its log says more
            return Outcome.failed(e.getMessage());
        }
    }

    Outcome uninstall() {
        Optional<TlsCertificates> tls = tls();
        if (tls.isEmpty()) {
            return Outcome.failed(NO_TLS);
        }
        try {
            return Outcome.done(tls.get().uninstall());
        } catch (IllegalStateException e) {
            return Outcome.failed(e.getMessage());
        }
    }

    private Optional<TlsCertificates> tls() {
        return Optional.ofNullable(service.get());
    }

    /** The JSON form the API answers with; dates in ISO-8601 UTC. */
    static Map<String, Object> json(CertificateInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("source", info.source().name().toLowerCase(Locale.ROOT));
        json.put("subject", info.subject());
        json.put("issuer", info.issuer());
        json.put("subjectAltNames", info.subjectAltNames());
        json.put("notBefore", info.notBefore().toString());
        json.put("notAfter", info.notAfter().toString());
        json.put("serialNumber", info.serialNumber());
        json.put("sha256Fingerprint", info.sha256Fingerprint());
        json.put("chainLength", (long) info.chainLength());
        return json;
    }
}
