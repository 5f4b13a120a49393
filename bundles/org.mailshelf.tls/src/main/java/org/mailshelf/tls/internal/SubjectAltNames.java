package org.mailshelf.tls.internal;

import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/** The subject alternative names: what a client checks the host it dialled against. */
final class SubjectAltNames {

    private static final int DNS = 2;
    private static final int IP = 7;

    private SubjectAltNames() {
    }

    /** One DNS or IP entry per name. */
    static GeneralNames encode(List<String> names) {
        GeneralName[] encoded = names.stream()
                .map(n -> new GeneralName(HostNames.isIpLiteral(n) ? GeneralName.iPAddress : GeneralName.dNSName, n))
                .toArray(GeneralName[]::new);
        return new GeneralNames(encoded);
    }

    /** The names a client could dial that the certificate does not cover; empty when it covers them all. */
    static List<String> missing(X509Certificate certificate, List<String> names) throws CertificateParsingException {
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        List<String> missing = new ArrayList<>();
        for (String name : names) {
            if (entries == null || entries.stream().noneMatch(entry -> covers(entry, name))) {
                missing.add(name);
            }
        }
        return missing;
    }

    /** The DNS names and IP addresses, in certificate order; other kinds of name are left out. */
    static List<String> hostNames(X509Certificate certificate) throws CertificateParsingException {
        Collection<List<?>> entries = certificate.getSubjectAlternativeNames();
        List<String> names = new ArrayList<>();
        for (List<?> entry : entries == null ? List.<List<?>>of() : entries) {
            int type = (Integer) entry.get(0);
            if ((type == DNS || type == IP) && entry.get(1) instanceof String name) {
                names.add(name);
            }
        }
        return names;
    }

    private static boolean covers(List<?> entry, String name) {
        int type = (Integer) entry.get(0);
        if (!(entry.get(1) instanceof String value)) {
            return false;
        }
        if (HostNames.isIpLiteral(name)) {
            // compared as bytes: the JDK writes ::1 as 0:0:0:0:0:0:0:1
            return type == IP && Arrays.equals(HostNames.ipBytes(value), HostNames.ipBytes(name));
        }
        return type == DNS && dnsMatches(value.toLowerCase(Locale.ROOT), name);
    }

    /** Exact, or a wildcard standing for exactly one leftmost label (RFC 6125 6.4.3, simplified). */
    private static boolean dnsMatches(String san, String name) {
        if (san.equals(name)) {
            return true;
        }
        if (!san.startsWith("*.")) {
            return false;
        }
        int dot = name.indexOf('.');
        return dot > 0 && name.substring(dot).equals(san.substring(1));
    }
}
