package org.mailshelf.auth.ldap.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;

/**
 * One configuration, checked: a mistake fails activation with a message naming the key, rather than every login
 * later. Whether the directory answers is not checked here: the appliance must boot without it.
 */
record DirectorySettings(List<LDAPURL> urls, boolean startTls, Optional<Path> trustCertificateFile,
        Optional<String> bindDn, String bindPassword, String baseDn, UserFilter userFilter,
        String accountAttribute, int connectTimeoutMillis, int responseTimeoutMillis, int poolSize) {

    /** @param dataDir what a relative trust.certificate.file is relative to, as for the TLS bundle's files */
    static DirectorySettings from(LdapProviderConfig config, Path dataDir) {
        List<LDAPURL> urls = urls(config.url());
        boolean startTls = config.start_tls();
        if (startTls && urls.stream().anyMatch(DirectorySettings::isLdaps)) {
            throw new IllegalArgumentException("start.tls is for ldap:// URLs; ldaps:// is TLS already");
        }
        Optional<String> bindDn = nonBlank(config.bind_dn());
        String bindPassword = config._bind_password() == null ? "" : config._bind_password();
        // RFC 4513 5.1.2: a DN with an empty password is an unauthenticated bind, which servers may let through
        if (bindDn.isPresent() && bindPassword.isEmpty()) {
            throw new IllegalArgumentException("bind.dn is set but .bind.password (with the leading dot) is empty");
        }
        String baseDn = nonBlank(config.base_dn())
                .orElseThrow(() -> new IllegalArgumentException("base.dn is required"));
        checkDn("base.dn", baseDn);
        bindDn.ifPresent(dn -> checkDn("bind.dn", dn));
        String accountAttribute = nonBlank(config.account_attribute())
                .orElseThrow(() -> new IllegalArgumentException("account.attribute is required"));
        Optional<Path> trustFile = nonBlank(config.trust_certificate_file()).map(dataDir::resolve);
        return new DirectorySettings(urls, startTls, trustFile, bindDn,
                bindPassword, baseDn, new UserFilter(config.user_filter()), accountAttribute,
                positive("connect.timeout.ms", config.connect_timeout_ms()),
                positive("response.timeout.ms", config.response_timeout_ms()),
                positive("pool.size", config.pool_size()));
    }

    /** Whether any connection is TLS, so a trust manager is needed. */
    boolean usesTls() {
        return startTls || urls.stream().anyMatch(DirectorySettings::isLdaps);
    }

    static boolean isLdaps(LDAPURL url) {
        return "ldaps".equals(url.getScheme());
    }

    private static List<LDAPURL> urls(String value) {
        String text = nonBlank(value).orElseThrow(() -> new IllegalArgumentException("url is required"));
        List<LDAPURL> urls = new ArrayList<>();
        for (String part : text.trim().split("\\s+")) {
            urls.add(url(part));
        }
        return List.copyOf(urls);
    }

    private static LDAPURL url(String text) {
        LDAPURL url;
        try {
            url = new LDAPURL(text);
        } catch (LDAPException e) {
            throw new IllegalArgumentException("url: not an LDAP URL: " + text, e);
        }
        if (!"ldap".equals(url.getScheme()) && !isLdaps(url)) {
            throw new IllegalArgumentException("url: use ldap:// or ldaps://, not " + text);
        }
        // a base DN or filter in the URL would be silently ignored: say where they belong instead
        if (url.baseDNProvided() || url.filterProvided() || url.attributesProvided() || url.scopeProvided()) {
            throw new IllegalArgumentException("url: give only scheme, host and port (base DN in base.dn, filter "
                    + "in user.filter): " + text);
        }
        return url;
    }

    private static void checkDn(String key, String dn) {
        if (!DN.isValidDN(dn)) {
            throw new IllegalArgumentException(key + ": not a DN: " + dn);
        }
    }

    private static int positive(String key, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(key + " must be at least 1, not " + value);
        }
        return value;
    }

    private static Optional<String> nonBlank(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Leaves the password out. */
    @Override
    public String toString() {
        return "DirectorySettings[urls=" + urls + ", startTls=" + startTls + ", bindDn=" + bindDn + ", baseDn="
                + baseDn + ", userFilter=" + userFilter + "]";
    }
}
